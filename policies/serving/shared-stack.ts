// @pulumi/policy's AnalyzeStack builds, for every stack policy, its own list of the stack's
// resources: an object per resource with options, provider, closures and references to parent and
// dependencies. With 55 stack policies and 10,000 resources that is 550,000 objects per request,
// most of the pack's AnalyzeStack time and much of its garbage. Here the SDK's own handler builds
// the list once per request (for a stand-in policy that keeps it), and the stack policies are then
// answered by the SDK's handler over an empty stack, each handed the kept list. Policies only read
// what they are given (the test kit, policies/testing.ts); the resources are frozen so that none could
// change what the next one sees. tests/analyzer/shared-stack.test.ts compares the responses.
import { pinnedSdk } from "./pinned-sdk";
import { Handler, replaceServedHandlers, ServedPolicy } from "./served-handlers";

/** Set to "0" to let the SDK build the stack's resources for every stack policy (the plain path). */
export const SHARED_STACK_SWITCH = "PRODREADY_SHARED_STACK";

export type SharedStackOutcome =
    | { shared: true }
    | { shared: false; reason: string };

interface StackResource {
    type: string;
}

interface StackArgs {
    resources: readonly StackResource[];
    notApplicable(reason?: string): never;
}

type ValidateStack = (args: StackArgs, reportViolation: unknown) => unknown;

/** The stand-in stack policy that keeps the list: a name no configuration can address. */
const KEEPER_NAME = "prodready internal: the stack's resources";

/** `policy` judging the kept resources instead of the list the SDK built for it (an empty one). */
function judgingKept(policy: ServedPolicy, kept: readonly StackResource[]): ServedPolicy {
    const validateStack = policy.validateStack as ValidateStack & { __pulumiType?: unknown };
    const tagged = typeof validateStack.__pulumiType === "string" && validateStack.__pulumiType.length > 0 ? validateStack.__pulumiType : undefined;
    return {
        ...policy,
        validateStack: (args: StackArgs, reportViolation: unknown) => {
            // The SDK's check for a validation tagged with a type, made on the stack it was not given.
            if (tagged !== undefined && !kept.some((r) => r.type === tagged)) {
                args.notApplicable(`Policy only applies to resources of type '${tagged}'`);
            }
            // A list of its own for each policy, as the SDK gives; the resources are shared.
            return validateStack({ ...args, resources: kept.slice() }, reportViolation);
        },
    };
}

/**
 * AnalyzeStack over `policies` (the pack's, in order), with `makeHandler` the SDK's handler over a
 * list of policies: the resources are built once per request. Where building them fails, the
 * request is answered by the SDK's handler over every policy, with its own error.
 */
export function analyzeStackOnce(policies: readonly ServedPolicy[], makeHandler: (policies: ServedPolicy[]) => Handler): Handler {
    const plain = makeHandler([...policies]);
    if (!policies.some((p) => typeof p.validateStack === "function")) {
        return plain;
    }
    return (call, callback) => {
        let kept: readonly StackResource[] | undefined;
        const keeper: ServedPolicy & Record<string, unknown> = {
            name: KEEPER_NAME,
            description: KEEPER_NAME,
            enforcementLevel: "advisory",
            validateStack: (args: StackArgs) => { kept = args.resources; },
        };
        return makeHandler([keeper])(call, (err) => {
            if (err || kept === undefined) {
                return plain(call, callback);
            }
            for (const resource of kept) {
                Object.freeze(resource);
            }
            const resources = kept;
            const sharing = policies.map((p) => (typeof p.validateStack === "function" ? judgingKept(p, resources) : p));
            const request = call.request as object;
            const emptyStack = Object.create(call, { request: { value: new (request.constructor as new () => object)() } }) as typeof call;
            return makeHandler(sharing)(emptyStack, callback);
        });
    };
}

/**
 * Makes the SDK's server build the stack's resources once per AnalyzeStack request. Applies only to
 * the pinned SDK release; any other release, or a module shaped differently, keeps the plain path
 * and says why. Call before the PolicyPack is created.
 */
export function shareStackResources(env: NodeJS.ProcessEnv = process.env, sdkDir?: string): SharedStackOutcome {
    const sdk = pinnedSdk(env, SHARED_STACK_SWITCH, "shares the stack's resources with", sdkDir);
    if ("reason" in sdk) {
        return { shared: false, reason: sdk.reason };
    }
    const outcome = replaceServedHandlers(sdk.dir, "stack resources once", (implementation, pack, server) => ({
        ...implementation,
        analyzeStack: analyzeStackOnce(pack.policies, (some) => server.makeAnalyzeStackRpcFun(pack.name, pack.version, pack.level, some)),
    }));
    return "reason" in outcome ? { shared: false, reason: outcome.reason } : { shared: true };
}
