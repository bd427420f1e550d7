// The pack's entry defers npm's Arborist and the TypeScript compiler, which @pulumi/pulumi's closure
// serializer loads with @pulumi/policy and a pack never uses: each must load on first use, and only
// with the SDK shape it was written for.
import { execFileSync } from "child_process";
import * as fs from "fs";
import * as path from "path";
import { DEFAULT_PACK_DIR } from "../../src/pack/load";
import {
    LAZY_ARBORIST_SWITCH, LAZY_TYPESCRIPT_SWITCH, lazyArboristModule, lazyModule, readsTypeScriptOnlyInFunctions, usesOnlyTheConstructor,
} from "../../policies/serving/lazy-closure-modules";

const COMPILED = path.join(DEFAULT_PACK_DIR, "bin", "serving", "lazy-closure-modules.js");

/**
 * What is loaded once @pulumi/policy is, in a fresh process starting as the pack's entry does, and
 * whether the SDK's closure serializer still parses a function (which needs TypeScript) afterwards.
 */
function loadedWithPolicy(env: NodeJS.ProcessEnv): { arborist: boolean; typescript: boolean; deferred: unknown; parses: boolean } {
    const script = `
const deferred = require(${JSON.stringify(COMPILED)}).deferClosureModules();
require("@pulumi/policy");
const loaded = (part) => Object.keys(require.cache).some((f) => f.includes(part));
const arborist = loaded(${JSON.stringify(`${path.sep}@npmcli${path.sep}arborist${path.sep}`)});
const typescript = loaded(${JSON.stringify(`${path.sep}node_modules${path.sep}typescript${path.sep}`)});
const parsed = require("@pulumi/pulumi/runtime/closure/parseFunction").parseFunction("function add(a, b) { return a + b + outside; }");
console.log(JSON.stringify({ arborist, typescript, deferred, parses: parsed[0] === "" && parsed[1].capturedVariables.required.has("outside") }));
`;
    return JSON.parse(execFileSync(process.execPath, ["-e", script], { cwd: DEFAULT_PACK_DIR, encoding: "utf8", env: { ...process.env, ...env } }));
}

describe("the closure serializer's modules deferred in the pack", () => {
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

    it("recognizes the installed SDK's function parser, which reads TypeScript only inside functions", () => {
        const parseFunction = require.resolve("@pulumi/pulumi/runtime/closure/parseFunction.js", { paths: [DEFAULT_PACK_DIR] });
        expect(readsTypeScriptOnlyInFunctions(fs.readFileSync(parseFunction, "utf8"))).toBe(true);
        const shim = `const ts = require("../../typescript-shim");\n`;
        expect(readsTypeScriptOnlyInFunctions(`${shim}function f() {\n    return ts.SyntaxKind.Block;\n}\n`)).toBe(true);
        expect(readsTypeScriptOnlyInFunctions(`${shim}const kinds = ts.SyntaxKind;\n`)).toBe(false);
        expect(readsTypeScriptOnlyInFunctions(`${shim}function f() {\n    return Object.keys(ts);\n}\n`)).toBe(false);
    });

    it("loads a deferred module on the first read of a property only", () => {
        let loads = 0;
        const lazy = lazyModule(() => { loads++; return { SyntaxKind: { Block: 242 } }; }) as { SyntaxKind: { Block: number } };
        expect(loads).toBe(0);
        expect(lazy.SyntaxKind.Block).toBe(242);
        expect("SyntaxKind" in lazy).toBe(true);
        expect(loads).toBe(1);
    });

    it("keeps Arborist and TypeScript out of the pack's start, each unless switched off, and still parses a function", () => {
        expect(loadedWithPolicy({})).toEqual({ arborist: false, typescript: false, deferred: { arborist: true, typescript: true }, parses: true });
        expect(loadedWithPolicy({ [LAZY_ARBORIST_SWITCH]: "0" })).toEqual({ arborist: true, typescript: false, deferred: { arborist: false, typescript: true }, parses: true });
        expect(loadedWithPolicy({ [LAZY_TYPESCRIPT_SWITCH]: "0" })).toEqual({ arborist: false, typescript: true, deferred: { arborist: true, typescript: false }, parses: true });
    });
});
