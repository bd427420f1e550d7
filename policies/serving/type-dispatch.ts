// @pulumi/policy calls every resource policy for every resource. A prodready policy that names
// several types returns at once for any other type, yet the SDK first sets up its call (resource
// options, provider, config and report closures, an awaited promise): with the Kubernetes kinds in
// every API version and the AWS aliases, most of the pack's cost per resource. Here Analyze is
// served, per resource type, by the SDK's own handler built with only the policies whose answer
// can be something: the response is the one the SDK would send, byte for byte, only sooner.
import * as path from "path";
import { pinnedSdk } from "./pinned-sdk";

/** Set to "0" to serve Analyze with the SDK's handler over every policy (the plain path). */
export const TYPE_DISPATCH_SWITCH = "PRODREADY_TYPE_DISPATCH";

type Callback = (err: unknown, response?: unknown) => void;
export type Handler = (call: { request: { getType(): string } }, callback: Callback) => unknown;

/** What the dispatch reads of a served policy; prodready's resource policies carry these fields. */
export interface DispatchedPolicy {
    name: string;
    validateResource?: unknown;
    resourceTypes?: readonly string[];
    appliesTo?: unknown;
}

export type DispatchOutcome =
    | { dispatched: true }
    | { dispatched: false; reason: string };

/** A resource policy that names its types, not `type`, and judges no others (no `appliesTo`). */
function namesOnlyOtherTypes(p: DispatchedPolicy, type: string): boolean {
    return p.validateResource !== undefined && p.appliesTo === undefined && Array.isArray(p.resourceTypes) && !p.resourceTypes.includes(type);
}

/**
 * The policies whose answer for a resource of `type` may be other than nothing, as the engine sees
 * answers. Left out: a prodready policy that names several types, not this one, whose validation
 * returns at once (policies/lib/define.ts). A policy naming a single type stays: the SDK answers it
 * with its "only applies to resources of type" entry before any set-up.
 */
export function policiesAnswering<P extends DispatchedPolicy>(policies: readonly P[], type: string): P[] {
    return policies.filter((p) => !(
        namesOnlyOtherTypes(p, type)
        && typeof p.validateResource === "function"
        && (p.validateResource as { __pulumiType?: unknown }).__pulumiType === undefined
    ));
}

/**
 * The policies that may judge a resource of `type`, where only verdicts are read (no engine records
 * the SDK's "only applies to resources of type" entries): resource policies not naming only other
 * types. Leaving the rest out changes no verdict and saves the SDK's answer for each of them.
 */
export function policiesJudging<P extends DispatchedPolicy>(policies: readonly P[], type: string): P[] {
    return policies.filter((p) => p.validateResource !== undefined && !namesOnlyOtherTypes(p, type));
}

/** An Analyze handler that serves each type with a handler made for that type's policies. */
export function analyzeByType<P extends DispatchedPolicy>(policies: readonly P[], makeHandler: (policies: P[]) => Handler): Handler {
    const perType = new Map<string, Handler>();
    return (call, callback) => {
        const type = call.request.getType();
        let handler = perType.get(type);
        if (!handler) {
            handler = makeHandler(policiesAnswering(policies, type));
            perType.set(type, handler);
        }
        return handler(call, callback);
    };
}

interface ServerModule {
    serve(name: string, version: string, level: string, args: { policies?: readonly DispatchedPolicy[] }, initialConfig?: unknown): void;
    makeAnalyzeRpcFun(name: string, version: string, level: string, policies: readonly DispatchedPolicy[]): Handler;
}

interface GrpcModule {
    Server: { prototype: { addService(service: unknown, implementation: Record<string, unknown>): void } };
}

// The server modules already wrapped, so that starting the pack twice in one process wraps once.
const wrapped = new WeakSet<object>();

/**
 * Makes the SDK's server answer Analyze through analyzeByType. Applies only to the pinned SDK
 * release; any other release, or a module shaped differently, keeps the plain path and says why.
 * Call before the PolicyPack is created.
 */
export function dispatchAnalyzeByType(env: NodeJS.ProcessEnv = process.env, sdkDir?: string): DispatchOutcome {
    const sdk = pinnedSdk(env, TYPE_DISPATCH_SWITCH, "dispatches Analyze by type with", sdkDir);
    if ("reason" in sdk) {
        return { dispatched: false, reason: sdk.reason };
    }
    const { dir } = sdk;
    /* eslint-disable @typescript-eslint/no-require-imports */
    const server = require(path.join(dir, "server.js")) as Partial<ServerModule>;
    let grpc: Partial<GrpcModule>;
    try {
        grpc = require(require.resolve("@grpc/grpc-js", { paths: [dir] })) as Partial<GrpcModule>;
    } catch {
        return { dispatched: false, reason: "@pulumi/policy's @grpc/grpc-js cannot be found" };
    }
    /* eslint-enable @typescript-eslint/no-require-imports */
    const serve = server.serve;
    const makeAnalyzeRpcFun = server.makeAnalyzeRpcFun;
    const proto = grpc.Server?.prototype;
    if (typeof serve !== "function" || serve.length !== 5 || typeof makeAnalyzeRpcFun !== "function" || makeAnalyzeRpcFun.length !== 4
        || typeof proto?.addService !== "function") {
        return { dispatched: false, reason: "@pulumi/policy's server is not shaped as this pack expects" };
    }
    if (wrapped.has(server)) {
        return { dispatched: true };
    }
    wrapped.add(server);
    // PolicyPack calls the module's `serve`, which registers the handlers with addService at once.
    server.serve = function serveWithAnalyzeByType(name, packVersion, level, args, initialConfig) {
        const addService = proto.addService;
        proto.addService = function (service, implementation) {
            const policies = args?.policies ?? [];
            const byType = { ...implementation, analyze: analyzeByType(policies, (answering) => makeAnalyzeRpcFun(name, packVersion, level, answering)) };
            return addService.call(this, service, byType);
        };
        try {
            return serve.call(this, name, packVersion, level, args, initialConfig);
        } finally {
            proto.addService = addService;
        }
    };
    return { dispatched: true };
}
