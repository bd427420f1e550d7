// The SDK loads npm's Arborist (and the TypeScript compiler) as it is imported, though only
// function serialization uses them; the program's preload that defers them must leave that use as
// it was.
import { execFileSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";

const ROOT = path.resolve(__dirname, "..", "..");
const FIXTURE = path.join(__dirname, "fixtures", "closure-code-paths.js");
const PRELOAD = path.join(ROOT, "src", "program", "preload", "lazy-closure-modules.js");

/** A package with one installed dependency, which its code paths must include. */
function packageWithDependency(): string {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "prodready-code-paths-"));
    fs.writeFileSync(path.join(dir, "package.json"), JSON.stringify({ name: "app", version: "1.0.0", dependencies: { leftpad: "1.0.0" } }));
    fs.mkdirSync(path.join(dir, "node_modules", "leftpad"), { recursive: true });
    fs.writeFileSync(path.join(dir, "node_modules", "leftpad", "package.json"), JSON.stringify({ name: "leftpad", version: "1.0.0", main: "index.js" }));
    fs.writeFileSync(path.join(dir, "node_modules", "leftpad", "index.js"), "module.exports = (s) => s;\n");
    return dir;
}

function run(dir: string, preload: boolean, env: NodeJS.ProcessEnv = {}): { arboristAtImport: boolean; arboristAfter: boolean; paths: string[] } {
    const args = [...(preload ? ["-r", PRELOAD] : []), FIXTURE];
    // The fixture finds the SDK beside itself, and reads the package in its working folder.
    return JSON.parse(execFileSync(process.execPath, args, { cwd: dir, encoding: "utf8", env: { ...process.env, ...env } }));
}

describe("lazy Arborist", () => {
    let dir: string;
    beforeAll(() => { dir = packageWithDependency(); });
    afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

    it("is not loaded with the SDK, and a function's code paths are listed as before", () => {
        const plain = run(dir, false);
        const lazy = run(dir, true);
        expect(plain.arboristAtImport).toBe(true);
        expect(lazy.arboristAtImport).toBe(false);
        expect(lazy.arboristAfter).toBe(true);
        expect(plain.paths).toContain(path.join("node_modules", "leftpad"));
        expect(lazy.paths).toEqual(plain.paths);
    });

    it("is loaded with the SDK as before when switched off", () => {
        expect(run(dir, true, { PRODREADY_LAZY_ARBORIST: "0" }).arboristAtImport).toBe(true);
    });

    it("is left alone in an SDK that uses Arborist otherwise than by constructing it", () => {
        const { usesOnlyTheConstructor } = require(PRELOAD);
        const file = path.join(dir, "codePaths.js");
        const binding = 'const arborist = __importStar(require("@npmcli/arborist"));\n';
        fs.writeFileSync(file, `${binding}const arb = new arborist.Arborist({ path: "." });\n`);
        expect(usesOnlyTheConstructor(fs.readFileSync(file, "utf8"))).toBe(true);
        fs.writeFileSync(file, `${binding}const arb = new arborist.Arborist({ path: "." });\nconst shrinkwrap = arborist.Shrinkwrap.load();\n`);
        expect(usesOnlyTheConstructor(fs.readFileSync(file, "utf8"))).toBe(false);
        fs.writeFileSync(file, "const arborist = require(\"@npmcli/arborist\");\n");
        expect(usesOnlyTheConstructor(fs.readFileSync(file, "utf8"))).toBe(false);
    });
});
