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

// ---- A policy reads only what decides it ----
// The SDK throws at the first unknown value a policy reads, and the verdict is then "unknown during
// preview", which hides any violation the policy would have found. So a value that cannot change the
// verdict (a name in a message, an allow-list lookup that cannot apply, a list item after a known
// violation) is never read through the SDK's check; the helpers below read the rest in an order
// where what is known decides first.

/** The value `read` returns, or undefined when it reads a value unknown during preview. */
export function known<T>(read: () => T): { value: T } | undefined {
    try {
        return { value: read() };
    } catch (error) {
        if (isUnknownValueError(error)) {
            return undefined;
        }
        throw error;
    }
}

/** What `read` returns, or the error it threw reading a value unknown during preview, to throw later if that value decides. */
export function attempt<T>(read: () => T): { value: T; unknown?: undefined } | { value?: undefined; unknown: Error } {
    try {
        return { value: read() };
    } catch (error) {
        if (isUnknownValueError(error)) {
            return { unknown: error as Error };
        }
        throw error;
    }
}

/** What `read` returns, or `otherwise` when it reads a value unknown during preview: for the words of a message. */
export function knownOr<T, U>(read: () => T, otherwise: U): T | U {
    const value = known(read);
    return value ? value.value : otherwise;
}

/**
 * Whether any candidate passes `test` (a NetworkPolicy selecting a pod, a budget covering it).
 * Candidates whose values are unknown during preview are passed over; their unknown value is
 * thrown again only when no known candidate passes, as it then decides the verdict.
 */
export function anyPasses<T>(candidates: Iterable<T>, test: (candidate: T) => boolean): boolean {
    let unknown: unknown;
    for (const candidate of candidates) {
        try {
            if (test(candidate)) {
                return true;
            }
        } catch (error) {
            if (!isUnknownValueError(error)) {
                throw error;
            }
            unknown ??= error;
        }
    }
    if (unknown !== undefined) {
        throw unknown;
    }
    return false;
}

/** Reports one violation of the resource being judged. */
type Report = (message: string) => void;

/**
 * One resource judged in parts (the pod and each container, each item of a list), so that a value
 * unknown during preview in one part hides no violation another part shows: a part that reads an
 * unknown value is passed over, and `settle` throws that value again only when no part reported a
 * violation, as only then can it decide the verdict.
 */
export class Parts {
    private unknown: unknown;
    private found = false;
    /** Reports a violation of the resource; pass it to the parts in place of the policy's own. */
    readonly report: Report;

    constructor(report: Report) {
        this.report = (message) => {
            this.found = true;
            report(message);
        };
    }

    /** True once a part reported a violation. */
    get reported(): boolean {
        return this.found;
    }

    /** True when a part read a value unknown during preview. */
    get blocked(): boolean {
        return this.unknown !== undefined;
    }

    /** Judges one part; a value unknown during preview that it reads is set aside. */
    judge(part: () => void): void {
        try {
            part();
        } catch (error) {
            if (!isUnknownValueError(error)) {
                throw error;
            }
            this.unknown ??= error;
        }
    }

    /** Sets aside the error of a value unknown during preview met outside `judge` (undefined: none). */
    setAside(unknown: unknown): void {
        this.unknown ??= unknown;
    }

    /** Throws the unknown value set aside, unless a part reported a violation. */
    settle(): void {
        if (this.unknown !== undefined && !this.found) {
            throw this.unknown;
        }
    }
}

/** Judges each part on its own with `Parts`: a known violation wins over a part unknown during preview. */
export function judgeEach<T>(parts: Iterable<T>, report: Report, judge: (part: T, report: Report) => void): void {
    const verdict = new Parts(report);
    for (const part of parts) {
        verdict.judge(() => judge(part, verdict.report));
    }
    verdict.settle();
}

function indices(items: readonly unknown[]): number[] {
    return Array.from({ length: items.length }, (_, index) => index);
}

/**
 * Judges each item of a list on its own (see `judgeEach`). An item unknown during preview is read
 * only inside its own part, so it hides none of its siblings; a value that is not a list has no items.
 */
export function judgeItems(value: unknown, report: Report, judge: (item: unknown, index: number, report: Report) => void): void {
    const items = Array.isArray(value) ? value : [];
    judgeEach(indices(items), report, (index, report) => judge(items[index], index, report));
}

/** Whether an item of a list passes `test`; items unknown during preview decide only when no known item passes (see anyPasses). */
export function someItem(value: unknown, test: (item: unknown) => boolean): boolean {
    const items = Array.isArray(value) ? value : [];
    return anyPasses(indices(items), (index) => test(items[index]));
}

/**
 * The items of a list that are known during preview, in order, and the error reading the first
 * unknown one threw: a policy judges the known items, and throws `unknown` only when they do not
 * decide. A value that is not a list has no items.
 */
export function knownItems(value: unknown): { items: unknown[]; unknown?: unknown } {
    const list = Array.isArray(value) ? value : [];
    const items: unknown[] = [];
    let unknown: unknown;
    for (let index = 0; index < list.length; index++) {
        try {
            items.push(list[index]);
        } catch (error) {
            if (!isUnknownValueError(error)) {
                throw error;
            }
            unknown ??= error;
        }
    }
    return { items, unknown };
}

/**
 * Judges a resource that an allow-list may exempt, reading what the list matches (a name, a
 * namespace, tags) only when it decides: never when the list is empty, and otherwise only once the
 * judgement found a violation, or a value unknown during preview that may be one. A compliant
 * resource passes without it being read; a listed one passes whatever the judgement found.
 */
export function unlessListed(patterns: readonly unknown[], listed: () => boolean, report: Report, judge: (report: Report) => void): void {
    const found: string[] = [];
    const verdict = new Parts((message) => found.push(message));
    verdict.judge(() => judge(verdict.report));
    if (!verdict.reported && !verdict.blocked) {
        return;
    }
    if (patterns.length > 0 && listed()) {
        return;
    }
    found.forEach((message) => report(message));
    verdict.settle();
}
