// The baseline file: the findings a team accepts as existing debt when it turns the gate on, one
// entry per finding, in YAML so a pull request that adds or removes an entry reads as a short diff.
// Entries are matched by the fingerprint SARIF and GitLab give a finding (src/report/fingerprint.ts);
// policy and resource are written beside it for the reviewer. Every entry says why and until when.
import * as fs from "fs";
import * as path from "path";
import { parseDocument, stringify } from "yaml";
import { isValidDate, today } from "../../policies/lib/exemptions";
import { readTextFile } from "../files";
import { visibleLine } from "../report/safe";

export const BASELINE_VERSION = 1;

export interface BaselineEntry {
    /** The finding's fingerprint (SARIF `partialFingerprints["prodready/v2"]`). */
    fingerprint: string;
    policy: string;
    /** The resource's URN; absent for a finding on the stack as a whole. */
    resource?: string;
    /** `sha256:<hex>` of the resource's inputs when the entry was written: other inputs, and the entry no longer applies. */
    inputs?: string;
    reason: string;
    /** The last day the entry applies (YYYY-MM-DD, UTC, inclusive). */
    expires: string;
}

export interface Baseline {
    file: string;
    entries: BaselineEntry[];
}

/** A baseline file that cannot be used: the run stops with exit 2 and this one line. */
export class BaselineError extends Error {
    constructor(message: string) {
        super(message);
        this.name = "BaselineError";
    }
}

const FINGERPRINT = /^[0-9a-f]{64}$/;
const DIGEST = /^sha256:[0-9a-f]{64}$/;
const FIELDS = ["fingerprint", "policy", "resource", "inputs", "reason", "expires"];

/** The first thing wrong with an entry, in words, or undefined. */
function entryProblem(value: unknown): string | undefined {
    if (value === null || typeof value !== "object" || Array.isArray(value)) {
        return "is not a mapping";
    }
    const entry = value as Record<string, unknown>;
    const unknown = Object.keys(entry).find((k) => !FIELDS.includes(k));
    if (unknown !== undefined) {
        return `has an unknown field "${visibleLine(unknown)}" (fields: ${FIELDS.join(", ")})`;
    }
    const text = (k: string) => typeof entry[k] === "string" && (entry[k] as string).trim() !== "";
    if (!text("fingerprint") || !FINGERPRINT.test(entry.fingerprint as string)) {
        return "has no fingerprint of 64 hex digits";
    }
    if (!text("policy")) {
        return "names no policy";
    }
    if (entry.resource !== undefined && (!text("resource") || !(entry.resource as string).startsWith("urn:"))) {
        return "has a resource that is not a URN";
    }
    if (entry.inputs !== undefined && (typeof entry.inputs !== "string" || !DIGEST.test(entry.inputs))) {
        return "has inputs that are not sha256:<64 hex digits>";
    }
    if (!text("reason")) {
        return "has no reason: every entry says why the finding is accepted";
    }
    if (typeof entry.expires !== "string" || !isValidDate(entry.expires)) {
        return `has no expiry date: "expires" is a calendar day, YYYY-MM-DD`;
    }
    return undefined;
}

/** Reads and checks a baseline file; anything wrong is a BaselineError naming the file and the entry. */
export function readBaseline(file: string): Baseline {
    const text = readTextFile(file, (reason) => new BaselineError(`cannot read the baseline ${visibleLine(file)}: ${reason}`));
    const name = visibleLine(file);
    const doc = parseDocument(text, { uniqueKeys: true });
    if (doc.errors.length > 0) {
        const e = doc.errors[0];
        throw new BaselineError(`baseline ${name}${e.linePos ? ` line ${e.linePos[0].line}` : ""} is not valid YAML (${visibleLine(e.code)})`);
    }
    const value = doc.toJS() as unknown;
    if (value === null || typeof value !== "object" || Array.isArray(value)) {
        throw new BaselineError(`baseline ${name} is not a prodready baseline: expected a mapping with "version: ${BASELINE_VERSION}" and "entries"`);
    }
    const record = value as Record<string, unknown>;
    if (record.version !== BASELINE_VERSION) {
        throw new BaselineError(`baseline ${name} has version ${visibleLine(JSON.stringify(record.version) ?? "none")}; this prodready reads version ${BASELINE_VERSION}`);
    }
    const extra = Object.keys(record).find((k) => k !== "version" && k !== "entries");
    if (extra !== undefined) {
        throw new BaselineError(`baseline ${name} has an unknown field "${visibleLine(extra)}" (fields: version, entries)`);
    }
    const entries = record.entries ?? [];
    if (!Array.isArray(entries)) {
        throw new BaselineError(`baseline ${name}: "entries" is not a list`);
    }
    const seen = new Set<string>();
    entries.forEach((entry, i) => {
        const problem = entryProblem(entry);
        if (problem) {
            throw new BaselineError(`baseline ${name} entry ${i + 1} ${problem}`);
        }
        const fingerprint = (entry as BaselineEntry).fingerprint;
        if (seen.has(fingerprint)) {
            throw new BaselineError(`baseline ${name} entry ${i + 1} repeats fingerprint ${fingerprint.slice(0, 12)}…: give each finding once`);
        }
        seen.add(fingerprint);
    });
    return { file, entries: entries as BaselineEntry[] };
}

/** The reason and expiry date that entries written now get; a date that has passed is refused. */
export function checkNewEntryTerms(reason: string | undefined, expires: string | undefined): { reason: string; expires: string } {
    if (reason === undefined || reason.trim() === "" || expires === undefined) {
        throw new BaselineError("--write-baseline needs --baseline-reason <text> and --baseline-expires <YYYY-MM-DD>: every entry says why and until when");
    }
    if (!isValidDate(expires)) {
        throw new BaselineError(`--baseline-expires "${visibleLine(expires)}" is not a calendar day (YYYY-MM-DD)`);
    }
    if (expires < today()) {
        throw new BaselineError(`--baseline-expires ${expires} has passed (today is ${today()} UTC)`);
    }
    return { reason: reason.trim(), expires };
}

function byPolicyResourceFingerprint(a: BaselineEntry, b: BaselineEntry): number {
    const cmp = (x: string, y: string) => (x < y ? -1 : x > y ? 1 : 0);
    return cmp(a.policy, b.policy) || cmp(a.resource ?? "", b.resource ?? "") || cmp(a.fingerprint, b.fingerprint);
}

const HEADER = [
    " prodready baseline: findings accepted as existing debt. A finding listed here does not fail the gate",
    " until its expiry date, or until its resource changes (its inputs, or the engine's step). Delete an",
    " entry when its finding is fixed; `prodready ... --baseline <file>` reports entries whose finding is gone.",
    " Written by `prodready ... --write-baseline`; see docs/adoption.md.",
].join("\n");

/** The file's text: entries sorted by policy, resource and fingerprint, so the same findings give the same bytes. */
export function baselineText(entries: readonly BaselineEntry[]): string {
    const sorted = [...entries].sort(byPolicyResourceFingerprint).map((e) => ({
        fingerprint: e.fingerprint, policy: e.policy, ...(e.resource ? { resource: e.resource } : {}),
        ...(e.inputs ? { inputs: e.inputs } : {}), reason: e.reason, expires: e.expires,
    }));
    const doc = parseDocument(stringify({ version: BASELINE_VERSION, entries: sorted }, { lineWidth: 0, defaultStringType: "PLAIN" }));
    doc.commentBefore = HEADER;
    return doc.toString({ lineWidth: 0 });
}

export function writeBaseline(file: string, entries: readonly BaselineEntry[]): void {
    try {
        fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
        fs.writeFileSync(file, baselineText(entries));
    } catch (err) {
        const code = (err as NodeJS.ErrnoException).code;
        throw new BaselineError(`cannot write the baseline ${visibleLine(file)}: ${code === "EISDIR" ? "EISDIR (it is a directory)" : code ?? (err as Error).message}`);
    }
}
