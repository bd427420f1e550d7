// The judgements many policies share: a switch that must be on or off, a count that must reach a minimum.
// Each reports what is wrong and what to set, in the same words across the pack.
import { knownItems } from "./unknowns";
import { bool, describeType, given, integer } from "./values";

/** A boolean setting that must hold one value: encryption on, public access off. */
export interface SwitchCheck {
    /** Names the resource, e.g. "RDS instance 'orders'". */
    where: string;
    property: string;
    /** The value the setting must have. */
    required: boolean;
    /** What omitting it means, e.g. "so DMS gives it a public IP address (the API's default is true)"; undefined: omitting it passes. */
    omitted?: string;
    /** What the other value does, after `where`, e.g. "is publicly accessible". */
    wrong: string;
    /** What to set instead; default "set <property>: <required>". */
    fix?: string;
    /** What to set instead of a value that is not a boolean; default "set it to <required>". */
    malformedFix?: string;
    /**
     * What counts as omitting the setting: "blank" (the default) also null, "" and [], as the
     * providers read them (see `given`); "absent" only a setting left out, so that null and "" are
     * values that are not booleans (Kubernetes pod specs, ECS container definitions).
     */
    omission?: "blank" | "absent";
}

/**
 * Reports a switch that is omitted (when that matters), not a boolean, or set the wrong way.
 * True when it reported nothing, for a policy that judges more once the switch holds.
 */
export function requireSwitch(value: unknown, check: SwitchCheck, report: (message: string) => void): boolean {
    const { where, property, required } = check;
    const fix = check.fix ?? `set ${property}: ${required}`;
    if (check.omission === "absent" ? value === undefined : given(value) === undefined) {
        return !reportOmitted(check, fix, report);
    }
    const on = bool(value);
    if (on === undefined) {
        report(`${where} sets ${property} to ${describeType(value)}, not a boolean: ${check.malformedFix ?? `set it to ${required}`}.`);
    } else if (on !== required) {
        report(`${where} ${check.wrong}: ${fix}.`);
    }
    return on === required;
}

/**
 * Judges a boolean setting that must be true: reports it omitted (with what the provider defaults
 * to), malformed, or false. `fix` says what to set, e.g. "set storageEncrypted: true".
 */
export function requireTrue(
    value: unknown,
    where: string,
    property: string,
    omitted: string | undefined,
    fix: string,
    report: (message: string) => void,
): void {
    requireSwitch(value, { where, property, required: true, omitted, wrong: `sets ${property} to false`, fix, malformedFix: fix }, report);
}

/** A whole number that must reach a minimum: days of retention, instances, replicas. */
export interface MinimumCheck {
    /** Names the resource, e.g. "RDS instance 'orders'". */
    where: string;
    property: string;
    minimum: number;
    /** Unit of the number in messages, e.g. "day(s)" or "instance(s)". */
    unit: string;
    /** What happens when the property is omitted, e.g. "so AWS keeps backups 1 day"; undefined: omitting it passes. */
    omitted?: string;
    /** The largest value the service accepts: above it the value is invalid, not generous. */
    accepted?: { maximum: number; by: string };
}

/** Reports a count that is omitted (when that matters), not a whole number, below the minimum, or above what the service accepts. */
export function requireAtLeast(value: unknown, check: MinimumCheck, report: (message: string) => void): void {
    const { where, property, minimum, unit } = check;
    const fix = check.accepted
        ? `set ${property} to ${minimum} or more, up to ${check.accepted.maximum}`
        : `set ${property} to ${minimum} or more`;
    if (given(value) === undefined) {
        reportOmitted(check, fix, report);
        return;
    }
    const count = integer(value);
    if (count === undefined) {
        report(`${where} sets ${property} to ${describeType(value)}, not a whole number: ${fix}.`);
    } else if (check.accepted && count > check.accepted.maximum) {
        report(`${where} sets ${property} to ${count}, which ${check.accepted.by} rejects (at most ${check.accepted.maximum}): ${fix}.`);
    } else if (count < minimum) {
        report(`${where} sets ${property} to ${count} ${unit}, below the minimum ${minimum}: ${fix}.`);
    }
}

/** Reports a setting left out when omitting it matters (`omitted` says why); true when it reported. */
function reportOmitted(check: { where: string; property: string; omitted?: string }, fix: string, report: (message: string) => void): boolean {
    if (check.omitted === undefined) {
        return false;
    }
    report(`${check.where} omits ${check.property}, ${check.omitted}: ${fix}.`);
    return true;
}

/** The longest automated-backup retention RDS, Aurora, DocumentDB, Neptune, Redshift and ElastiCache accept. */
export const AWS_MAXIMUM_BACKUP_DAYS = 35;

/**
 * The `minimumDays` setting of a backup-retention policy: 1 to 35 days (what the services accept),
 * with the checklists' default and the description that cites it.
 */
export function minimumBackupDaysSetting(defaultDays: number, description: string) {
    return { type: "integer", minimum: 1, maximum: AWS_MAXIMUM_BACKUP_DAYS, default: defaultDays, description } as const;
}

/**
 * The `required` entries a list (log types to export, resources to encrypt) does not hold, each item
 * compared as `normalize` gives it. An item unknown during preview may be any entry: it is thrown
 * only when an entry is missing from the known items, as only then can it decide.
 */
export function missingEntries<T extends string>(value: unknown, required: readonly T[], normalize: (item: unknown) => string | undefined): T[] {
    const { items, unknown } = knownItems(value);
    const held = new Set(items.map(normalize));
    const missing = required.filter((entry) => !held.has(entry));
    if (missing.length > 0 && unknown !== undefined) {
        throw unknown;
    }
    return missing;
}
