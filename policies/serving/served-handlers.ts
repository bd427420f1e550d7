// The one place where the pack reaches into @pulumi/policy's `serve`: PolicyPack calls the server
// module's `serve`, which registers the Analyzer handlers with grpc's addService at once. A change
// to how the pack is served wraps `serve` here and gets to replace handlers before they are
// registered; several changes stack, each switched off on its own. Analyze handlers are made with
// the maker analyze-handler.ts registers, where it applies.
import * as path from "path";

export type Callback = (err: unknown, response?: unknown) => void;
export type Handler = (call: { request: unknown }, callback: Callback) => unknown;
export type Implementation = Record<string, Handler>;

/** What the serving changes read of a served policy. */
export interface ServedPolicy {
    name: string;
    validateResource?: unknown;
    validateStack?: unknown;
    resourceTypes?: readonly string[];
    appliesTo?: unknown;
}

/** The pack as `serve` receives it: name, version and level as makeAnalyzeRpcFun takes them. */
export interface ServedPack {
    name: string;
    version: string;
    level: string;
    policies: readonly ServedPolicy[];
}

export type MakeHandler = (name: string, version: string, level: string, policies: readonly ServedPolicy[]) => Handler;

export interface ServerModule {
    serve(name: string, version: string, level: string, args: { policies?: readonly ServedPolicy[] }, initialConfig?: unknown): void;
    makeAnalyzeRpcFun: MakeHandler;
    makeAnalyzeStackRpcFun: MakeHandler;
}

interface GrpcModule {
    Server: { prototype: { addService(service: unknown, implementation: Implementation): void } };
}

// Per server module, the changes already installed, so that starting the pack twice wraps once.
const installed = new WeakMap<object, Set<string>>();

// Per server module, the Analyze handler maker that replaces makeAnalyzeRpcFun (analyze-handler.ts).
const analyzeMakers = new WeakMap<object, MakeHandler>();

/** Makes every change here build its Analyze handlers with `make` instead of the SDK's makeAnalyzeRpcFun. */
export function replaceAnalyzeMaker(server: ServerModule, make: MakeHandler): void {
    analyzeMakers.set(server, make);
}

/** What builds Analyze handlers for `server`: the registered maker, or the SDK's makeAnalyzeRpcFun. */
export function analyzeMaker(server: Pick<ServerModule, "makeAnalyzeRpcFun">): MakeHandler {
    return analyzeMakers.get(server) ?? server.makeAnalyzeRpcFun;
}

/**
 * Wraps the pinned SDK's `serve` (in `sdkDir`) so that `replace` may change its handlers before they
 * are registered: the changes apply in the order they were installed, each to the last one's
 * handlers. Returns why not when the module is not shaped as this pack expects.
 */
export function replaceServedHandlers(
    sdkDir: string,
    change: string,
    replace: (implementation: Implementation, pack: ServedPack, server: ServerModule) => Implementation,
): { installed: true } | { reason: string } {
    /* eslint-disable @typescript-eslint/no-require-imports */
    const server = require(path.join(sdkDir, "server.js")) as Partial<ServerModule>;
    let grpc: Partial<GrpcModule>;
    try {
        grpc = require(require.resolve("@grpc/grpc-js", { paths: [sdkDir] })) as Partial<GrpcModule>;
    } catch {
        return { reason: "@pulumi/policy's @grpc/grpc-js cannot be found" };
    }
    /* eslint-enable @typescript-eslint/no-require-imports */
    const proto = grpc.Server?.prototype;
    const serve = server.serve;
    if (typeof serve !== "function" || serve.length !== 5
        || typeof server.makeAnalyzeRpcFun !== "function" || server.makeAnalyzeRpcFun.length !== 4
        || typeof server.makeAnalyzeStackRpcFun !== "function" || server.makeAnalyzeStackRpcFun.length !== 4
        || typeof proto?.addService !== "function") {
        return { reason: "@pulumi/policy's server is not shaped as this pack expects" };
    }
    const done = installed.get(server) ?? new Set<string>();
    installed.set(server, done);
    if (done.has(change)) {
        return { installed: true };
    }
    done.add(change);
    const sdk = server as ServerModule;
    server.serve = function serveWithReplacedHandlers(name, version, level, args, initialConfig) {
        const addService = proto.addService;
        // Read when the pack is served, so that the order the changes were installed in does not matter.
        const makeAnalyzeRpcFun = analyzeMaker(sdk);
        const withMaker: ServerModule = { serve: sdk.serve, makeAnalyzeRpcFun, makeAnalyzeStackRpcFun: sdk.makeAnalyzeStackRpcFun };
        proto.addService = function (service, implementation) {
            return addService.call(this, service, replace(implementation, { name, version, level, policies: args?.policies ?? [] }, withMaker));
        };
        try {
            return serve.call(this, name, version, level, args, initialConfig);
        } finally {
            proto.addService = addService;
        }
    };
    return { installed: true };
}
