// A stack policy judges many resources at once. A value unknown during preview on one of them must
// not blind the policy to the others: each resource is judged on its own, and the resources whose
// own values are unknown are reported together, one URN a line, in the SDK's "can't run policy
// during preview" diagnostic. This module writes that message and reads it back (the analyzer
// client and the event-log reader), so the two sides cannot drift.

// Internal to @pulumi/policy (its typings are stripped), but the very class its server checks for.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { UnknownValueError, unknownObjectValue } = require("@pulumi/policy/proxy") as {
    UnknownValueError: new (sentinel: unknown, props: string[]) => Error;
    unknownObjectValue: unknown;
};

const HEADER = "values unknown during preview decide the verdict on these resources:";


/** True for the error the policy SDK throws when a policy reads a value unknown during preview. */
export function isUnknownValueError(error: unknown): boolean {
    return error instanceof UnknownValueError;
}

/** Lists the resources a stack policy could not judge; violations it reported before stay reported. */
export function unknownResourcesMessage(urns: readonly string[]): string {
    return [HEADER, ...urns].join("\n");
}

/** Thrown once at the end of a stack policy; the SDK turns it into its advisory "can't run" diagnostic. */
export class UnknownResourcesError extends UnknownValueError {
    constructor(readonly urns: readonly string[]) {
        super(unknownObjectValue, []);
        this.message = unknownResourcesMessage(urns);
    }
}

/** The URNs listed in a diagnostic written by `unknownResourcesMessage`; empty for any other message. */
export function parseUnknownResources(message: string): string[] {
    const lines = message.split("\n");
    const start = lines.findIndex((line) => line.endsWith(HEADER));
    if (start < 0) {
        return [];
    }
    return lines.slice(start + 1).map((line) => line.trim()).filter((line) => line.startsWith("urn:"));
}
