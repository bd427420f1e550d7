// @pulumi/policy calls every resource policy for every resource. A prodready policy that names
// several types returns at once for any other type, yet the SDK first sets up its call (resource
// options, provider, config and report closures, an awaited promise): with the Kubernetes kinds in
// every API version and the AWS aliases, most of the pack's cost per resource. Here Analyze is
// served, per resource type, by the SDK's own handler built with only the policies whose answer
// can be something: the response is the one the SDK would send, byte for byte, only sooner.
import * as path from "path";
import { analyzeWithEncodedAnswers, ENCODED_ANSWERS_SWITCH } from "./encoded-answers";
import { pinnedSdk } from "./pinned-sdk";
import { Handler, replaceServedHandlers, ServedPolicy } from "./served-handlers";

/** Set to "0" to serve Analyze with the SDK's handler over every policy (the plain path). */
export const TYPE_DISPATCH_SWITCH = "PRODREADY_TYPE_DISPATCH";

/** What the dispatch reads of a served policy; prodready's resource policies carry these fields. */
export type DispatchedPolicy = ServedPolicy;
export type { Handler };

export type DispatchOutcome =
    | { dispatched: true; encodedAnswers: boolean }
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

/** An Analyze handler that serves each type with a handler made for that type's policies; `reset` forgets them. */
export function analyzeByType<P extends DispatchedPolicy>(policies: readonly P[], makeHandler: (policies: P[]) => Handler, encodedAnswers = false): Handler & { reset(): void } {
    const perType = new Map<string, Handler>();
    const handler = (call: { request: unknown }, callback: Parameters<Handler>[1]) => {
        const type = (call.request as { getType(): string }).getType();
        let typed = perType.get(type);
        if (!typed) {
            const answering = policiesAnswering(policies, type);
            typed = encodedAnswers
                ? analyzeWithEncodedAnswers(answering, type, (some) => makeHandler(some as P[]))
                : makeHandler(answering);
            perType.set(type, typed);
        }
        return typed(call, callback);
    };
    return Object.assign(handler, { reset: () => perType.clear() });
}

/**
 * Makes the SDK's server answer Analyze through analyzeByType, with the kept not-applicable
 * entries of encoded-answers.ts unless ENCODED_ANSWERS_SWITCH is "0". Applies only to the pinned
 * SDK release; any other release, or a module shaped differently, keeps the plain path and says why.
 * Call before the PolicyPack is created.
 */
export function dispatchAnalyzeByType(env: NodeJS.ProcessEnv = process.env, sdkDir?: string): DispatchOutcome {
    const sdk = pinnedSdk(env, TYPE_DISPATCH_SWITCH, "dispatches Analyze by type with", sdkDir);
    if ("reason" in sdk) {
        return { dispatched: false, reason: sdk.reason };
    }
    const encodedAnswers = env[ENCODED_ANSWERS_SWITCH] !== "0";
    let isResourcePolicy: ((p: DispatchedPolicy) => boolean) | undefined;
    try {
        // eslint-disable-next-line @typescript-eslint/no-require-imports
        ({ isResourcePolicy } = require(path.join(sdk.dir, "policy.js")) as { isResourcePolicy?: (p: DispatchedPolicy) => boolean });
    } catch {
        // Reported below as a module shaped differently.
    }
    if (typeof isResourcePolicy !== "function") {
        return { dispatched: false, reason: "@pulumi/policy's isResourcePolicy is not the function this pack expects" };
    }
    const outcome = replaceServedHandlers(sdk.dir, "analyze by type", (implementation, pack, server) => {
        // Analyze passes over any other policy (a stack policy) without a word: left out of its loop.
        const analyze = analyzeByType(pack.policies.filter((p) => isResourcePolicy!(p)), (answering) => server.makeAnalyzeRpcFun(pack.name, pack.version, pack.level, answering), encodedAnswers);
        // The kept answers depend on the configuration: a new one starts afresh.
        const configure: Handler = (call, callback) => implementation.configure(call, (err, response) => {
            analyze.reset();
            callback(err, response);
        });
        return { ...implementation, analyze, configure };
    });
    return "reason" in outcome ? { dispatched: false, reason: outcome.reason } : { dispatched: true, encodedAnswers };
}
