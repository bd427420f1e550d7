// Loading @pulumi/policy loads @pulumi/pulumi, whose closure serializer imports npm's Arborist (and
// with it pacote, sigstore, cacache, tar and a hundred more modules) and the TypeScript compiler:
// most of the time a bare `require('@pulumi/policy')` takes. The serializer uses them only when a
// function is serialized (to list a package's dependencies, to parse the function's text), which a
// policy pack never does. The pack's entry (and the CLI, before it serves the pack in its own
// process) therefore gives those two modules of the serializer stand-ins that load the real ones
// on first use, where the SDK's code uses them only that way. The program's preload
// (src/program/preload/lazy-closure-modules.js) runs this module's deferral in program processes.
import * as fs from "fs";
import * as path from "path";
import Module = require("module");

/** Set to "0" to load Arborist with the SDK, as a plain pack does. */
export const LAZY_ARBORIST_SWITCH = "PRODREADY_LAZY_ARBORIST";
/** Set to "0" to load the TypeScript compiler with the SDK, as a plain pack does. */
export const LAZY_TYPESCRIPT_SWITCH = "PRODREADY_LAZY_TYPESCRIPT";

const ARBORIST = "@npmcli/arborist";
const CODE_PATHS = path.join("@pulumi", "pulumi", "runtime", "closure", "codePaths.js");
const TYPESCRIPT_SHIM = "../../typescript-shim";
const PARSE_FUNCTION = path.join("@pulumi", "pulumi", "runtime", "closure", "parseFunction.js");

/** True when the module uses Arborist only as `new <binding>.Arborist(...)`, as @pulumi/pulumi 3.248 does. */
export function usesOnlyTheConstructor(source: string): boolean {
    const binding = /const (\w+) = __importStar\(require\("@npmcli\/arborist"\)\);/.exec(source);
    if (!binding) {
        return false;
    }
    const uses = source.match(new RegExp(`\\b${binding[1]}\\b[^;\\n]*`, "g")) ?? [];
    // The binding itself, then only constructions.
    return uses.length > 1 && uses.slice(1).every((use) => use.startsWith(`${binding[1]}.Arborist(`))
        && source.split(`new ${binding[1]}.Arborist(`).length === uses.length;
}

/** A module object whose Arborist loads the real module on its first construction. */
export function lazyArboristModule(load: () => { Arborist: new (...args: unknown[]) => unknown }): { Arborist: new (...args: unknown[]) => unknown } {
    let real: { Arborist: new (...args: unknown[]) => unknown } | undefined;
    function Arborist(...args: unknown[]) {
        real = real ?? load();
        return new real.Arborist(...args);
    }
    return { Arborist: Arborist as unknown as new (...args: unknown[]) => unknown };
}

/**
 * True when the module binds the TypeScript compiler at its top (`const ts = require(shim)`) and
 * otherwise only reads its properties inside functions (`ts.SyntaxKind`), as @pulumi/pulumi 3.248's
 * parseFunction.js does: then the module can be loaded with a stand-in that loads TypeScript on first read.
 */
export function readsTypeScriptOnlyInFunctions(source: string): boolean {
    const binding = /^const (\w+) = require\("\.\.\/\.\.\/typescript-shim"\);$/m.exec(source);
    if (!binding) {
        return false;
    }
    const name = new RegExp(`\\b${binding[1]}\\b`);
    const uses = source.split("\n").filter((line) => line !== binding[0] && name.test(line));
    // Every other line naming it is indented (inside a function) and only reads `<name>.<property>`.
    return uses.length > 0 && uses.every((line) => /^\s/.test(line) && line.split(name).slice(1).every((rest) => rest.startsWith(".")));
}

/** A module object that loads the real module when a property of it is first read. */
export function lazyModule(load: () => object): object {
    let real: object | undefined;
    const module = () => (real ??= load());
    return new Proxy({}, {
        get: (_target, key) => Reflect.get(module(), key),
        has: (_target, key) => Reflect.has(module(), key),
    });
}

type Load = (request: string, parent: { filename?: string } | undefined, isMain: boolean) => unknown;

/** A module the serializer loads, the module that loads it, whether its uses allow a stand-in, and the stand-in. */
interface Deferral {
    request: string;
    parent: string;
    switchName: string;
    deferrable(source: string): boolean;
    standIn(load: () => object): object;
}

const DEFERRALS: readonly Deferral[] = [
    { request: ARBORIST, parent: CODE_PATHS, switchName: LAZY_ARBORIST_SWITCH, deferrable: usesOnlyTheConstructor,
        standIn: (load) => lazyArboristModule(load as () => ReturnType<Parameters<typeof lazyArboristModule>[0]>) },
    { request: TYPESCRIPT_SHIM, parent: PARSE_FUNCTION, switchName: LAZY_TYPESCRIPT_SWITCH, deferrable: readsTypeScriptOnlyInFunctions, standIn: lazyModule },
];

/**
 * Defers Arborist and the TypeScript compiler for the SDK's closure modules loaded from now on. Call
 * before @pulumi/pulumi is first required. Returns which apply: not those switched off, not when the
 * SDK is already loaded.
 */
export function deferClosureModules(env: NodeJS.ProcessEnv = process.env): { arborist: boolean; typescript: boolean } {
    const pending = DEFERRALS.filter((d) => env[d.switchName] !== "0" && !Object.keys(require.cache).some((file) => file.endsWith(d.parent)));
    const outcome = { arborist: pending.some((d) => d.request === ARBORIST), typescript: pending.some((d) => d.request === TYPESCRIPT_SHIM) };
    if (pending.length === 0) {
        return outcome;
    }
    const loader = Module as unknown as { _load: Load };
    const load = loader._load;
    loader._load = function loadWithStandIns(this: unknown, request, parent, isMain) {
        const at = typeof parent?.filename === "string" ? pending.findIndex((d) => d.request === request && parent.filename!.endsWith(d.parent)) : -1;
        if (at < 0) {
            return load.call(this, request, parent, isMain);
        }
        const [deferral] = pending.splice(at, 1);
        if (pending.length === 0) {
            loader._load = load; // one closure serializer per process; nothing else is deferred
        }
        let source = "";
        try {
            source = fs.readFileSync(parent!.filename!, "utf8");
        } catch {
            // Unreadable: load the module as the SDK would.
        }
        const real = () => load.call(this, request, parent, isMain) as object;
        return deferral.deferrable(source) ? deferral.standIn(real) : real();
    };
    return outcome;
}
