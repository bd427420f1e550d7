// A stack policy judges many resources at once. A value unknown during preview on one of them must
// not blind the policy to the others: each resource is judged on its own, and the resources whose
// own values are unknown are reported together, one URN a line, in the SDK's "can't run policy
// during preview" diagnostic. This module writes that message and reads it back (the analyzer
// client and the event-log reader) through policies/lib/contract.ts, so the two sides cannot drift.
import { unknownResourcesMessage } from "./contract";

// Internal to @pulumi/policy (its typings are stripped), but the very class its server checks for.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { UnknownValueError, unknownObjectValue } = require("@pulumi/policy/proxy") as {
    UnknownValueError: new (sentinel: unknown, props: string[]) => Error;
    unknownObjectValue: unknown;
};

export { parseUnknownResources, unknownResourcesMessage } from "./contract";

/** True for the error the policy SDK throws when a policy reads a value unknown during preview. */
export function isUnknownValueError(error: unknown): boolean {
    return error instanceof UnknownValueError;
}

/** Thrown once at the end of a stack policy; the SDK turns it into its advisory "can't run" diagnostic. */
export class UnknownResourcesError extends UnknownValueError {
    constructor(readonly urns: readonly string[]) {
        super(unknownObjectValue, []);
        this.message = unknownResourcesMessage(urns);
    }
}
