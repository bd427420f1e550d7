// The pack's entry defers npm's Arborist, which @pulumi/pulumi loads with @pulumi/policy and a pack
// never uses: it must load on first construction, and only with the SDK shape it was written for.
import { execFileSync } from "child_process";
import * as fs from "fs";
import * as path from "path";
import { DEFAULT_PACK_DIR } from "../../src/pack/load";
import { LAZY_ARBORIST_SWITCH, lazyArboristModule, usesOnlyTheConstructor } from "../../policies/serving/lazy-arborist";

const COMPILED = path.join(DEFAULT_PACK_DIR, "bin", "serving", "lazy-arborist.js");

/** Whether Arborist is loaded once @pulumi/policy is, in a fresh process starting as the pack's entry does. */
function arboristLoadedWithPolicy(env: NodeJS.ProcessEnv): { loaded: boolean; deferred: boolean } {
    const script = `
const deferred = require(${JSON.stringify(COMPILED)}).deferArborist();
require("@pulumi/policy");
const loaded = Object.keys(require.cache).some((f) => f.includes(${JSON.stringify(`${path.sep}@npmcli${path.sep}arborist${path.sep}`)}));
console.log(JSON.stringify({ loaded, deferred }));
`;
    return JSON.parse(execFileSync(process.execPath, ["-e", script], { cwd: DEFAULT_PACK_DIR, encoding: "utf8", env: { ...process.env, ...env } }));
}

describe("Arborist deferred in the pack", () => {
    it("recognizes the installed SDK's closure module, which uses only Arborist's constructor", () => {
        const codePaths = require.resolve("@pulumi/pulumi/runtime/closure/codePaths.js", { paths: [DEFAULT_PACK_DIR] });
        expect(usesOnlyTheConstructor(fs.readFileSync(codePaths, "utf8"))).toBe(true);
        expect(usesOnlyTheConstructor(`const arborist = __importStar(require("@npmcli/arborist"));\nconst x = arborist.Node;\n`)).toBe(false);
    });

    it("loads the real Arborist on first construction only", () => {
        let loads = 0;
        class Real { constructor(readonly options: unknown) { } }
        const lazy = lazyArboristModule(() => { loads++; return { Arborist: Real as never }; });
        expect(loads).toBe(0);
        const made = new lazy.Arborist({ path: "/x" }) as Real;
        new lazy.Arborist({ path: "/y" });
        expect(made).toBeInstanceOf(Real);
        expect(made.options).toEqual({ path: "/x" });
        expect(loads).toBe(1);
    });

    it("keeps Arborist out of the pack's start, unless switched off", () => {
        expect(arboristLoadedWithPolicy({})).toEqual({ loaded: false, deferred: true });
        expect(arboristLoadedWithPolicy({ [LAZY_ARBORIST_SWITCH]: "0" })).toEqual({ loaded: true, deferred: false });
    });
});
