// Safe readers for resource properties. Property values come from user programs and may have any
// shape; these never throw on a wrong type, so a policy reports a bad value instead of crashing.
// Reading a value that is unknown during preview still throws the SDK's UnknownValueError, which
// the analyzer reports as "can't run policy during preview".

export type Props = Record<string, unknown>;

export function isRecord(value: unknown): value is Props {
    return typeof value === "object" && value !== null && !Array.isArray(value);
}

export function record(value: unknown): Props | undefined {
    return isRecord(value) ? value : undefined;
}

export function list(value: unknown): unknown[] {
    return Array.isArray(value) ? value : [];
}

export function records(value: unknown): Props[] {
    return list(value).filter(isRecord);
}

/** A whole number, also when written as a numeric string ("30"), as providers accept both. */
export function integer(value: unknown): number | undefined {
    if (typeof value === "number" && Number.isInteger(value)) {
        return value;
    }
    if (typeof value === "string" && /^-?\d+$/.test(value.trim())) {
        return Number(value.trim());
    }
    return undefined;
}

export function text(value: unknown): string | undefined {
    return typeof value === "string" ? value : undefined;
}

export function bool(value: unknown): boolean | undefined {
    if (typeof value === "boolean") {
        return value;
    }
    if (value === "true" || value === "false") {
        return value === "true";
    }
    return undefined;
}

/**
 * The value when it says something: undefined for unset, null, an empty or blank string and an
 * empty list, which providers treat as "not set" (CloudFront `webAclId: ""` attaches no WAF).
 */
export function given(value: unknown): unknown {
    if (value === null || value === undefined) {
        return undefined;
    }
    if (typeof value === "string" && value.trim() === "") {
        return undefined;
    }
    if (Array.isArray(value) && value.length === 0) {
        return undefined;
    }
    return value;
}

/** True when the value says something (see `given`). */
export function isGiven(value: unknown): boolean {
    return given(value) !== undefined;
}

/** Follows a path of keys through nested records; undefined where any step is missing. */
export function at(value: unknown, ...path: string[]): unknown {
    let current = value;
    for (const key of path) {
        if (!isRecord(current)) {
            return undefined;
        }
        current = current[key];
    }
    return current;
}

/** Describes a value for a message without printing it, so no secret ever reaches a log. */
export function describeType(value: unknown): string {
    if (value === undefined) {
        return "unset";
    }
    if (value === null) {
        return "null";
    }
    return Array.isArray(value) ? "a list" : `a ${typeof value}`;
}

/** "sets no X" for a setting left out, else "sets X to a number": the value described, never printed. */
export function describeSetting(field: string, value: unknown): string {
    return value === undefined ? `sets no ${field}` : `sets ${field} to ${describeType(value)}`;
}

/**
 * A setting's value as a message shows it: a string quoted as a program writes it ("PassThrough"),
 * cut after 40 characters so the message stays one line; a number or a boolean as it is; anything
 * else described (`describeType`). Only for settings that never hold a secret (modes, protocols,
 * levels, switches): a value that could be secret is described, never shown.
 */
export function showSetting(value: unknown): string {
    if (typeof value === "string") {
        return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}...` : value);
    }
    if (typeof value === "number" || typeof value === "boolean") {
        return String(value);
    }
    return describeType(value);
}

/**
 * True when `object` sets `key` (see `given`), also to a value unknown during preview: a key ARN or
 * a token that another resource creates is set although its value is not known yet. Reads the
 * property without the SDK's unknown check, so use it only where any value counts as set.
 */
export function isDeclared(object: unknown, key: string): boolean {
    return isRecord(object) && isGiven(Object.getOwnPropertyDescriptor(object, key)?.value);
}

/**
 * True when a list holds an item that says something (see `given`), also an item unknown during
 * preview: a list of ARNs of resources the program creates is set although they are not known yet.
 * Reads the items without the SDK's unknown check, like `isDeclared`.
 */
export function holdsDeclared(value: unknown): boolean {
    return Array.isArray(value) && Array.from({ length: value.length }, (_, index) => index)
        .some((index) => isGiven(Object.getOwnPropertyDescriptor(value, index)?.value));
}
