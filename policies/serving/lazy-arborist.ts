// Loading @pulumi/policy loads @pulumi/pulumi, whose closure serializer imports npm's Arborist (and
// with it pacote, sigstore, cacache, tar and a hundred more modules): about a third of the time a
// bare `require('@pulumi/policy')` takes. Arborist is used only to list a package's dependencies
// when a function is serialized, which a policy pack never does. The pack's entry therefore gives
// that one module an Arborist that loads the real one when it is first constructed. The program's
// preload (src/program/preload/lazy-arborist.js) does the same in program processes.
import * as fs from "fs";
import * as path from "path";
import Module = require("module");

/** Set to "0" to load Arborist with the SDK, as a plain pack does. */
export const LAZY_ARBORIST_SWITCH = "PRODREADY_LAZY_ARBORIST";

const ARBORIST = "@npmcli/arborist";
const CODE_PATHS = path.join("@pulumi", "pulumi", "runtime", "closure", "codePaths.js");

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

type Load = (request: string, parent: { filename?: string } | undefined, isMain: boolean) => unknown;

/**
 * Defers Arborist for the SDK's closure module loaded from now on. Call before @pulumi/policy is
 * first required. Returns whether it applies: not when switched off or already loaded.
 */
export function deferArborist(env: NodeJS.ProcessEnv = process.env): boolean {
    if (env[LAZY_ARBORIST_SWITCH] === "0" || Object.keys(require.cache).some((file) => file.endsWith(CODE_PATHS))) {
        return false;
    }
    const loader = Module as unknown as { _load: Load };
    const load = loader._load;
    loader._load = function loadWithLazyArborist(this: unknown, request, parent, isMain) {
        if (request === ARBORIST && typeof parent?.filename === "string" && parent.filename.endsWith(CODE_PATHS)) {
            loader._load = load; // one closure module per process; nothing else is deferred
            let source = "";
            try {
                source = fs.readFileSync(parent.filename, "utf8");
            } catch {
                // Unreadable: load Arborist as the SDK would.
            }
            if (usesOnlyTheConstructor(source)) {
                return lazyArboristModule(() => load.call(this, request, parent, isMain) as ReturnType<Parameters<typeof lazyArboristModule>[0]>);
            }
        }
        return load.call(this, request, parent, isMain);
    };
    return true;
}
