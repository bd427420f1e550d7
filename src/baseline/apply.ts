// Applying a baseline and --changed-only to a report: each marks findings as debt (FindingDebt), which
// the report's summary leaves out of the gate and every format shows apart. The ratchet: an entry
// applies only while its resource is unchanged, by the engine's step when the run knows it, else by
// the digest of the resource's inputs recorded when the entry was written.
import { today } from "../../policies/lib/exemptions";
import { BaselineEntryRef, BaselineOutcome, FindingDebt, gateRelevant, Report, withDebt } from "../report/document";
import { findingFingerprints } from "../report/fingerprint";
import type { EngineEvent } from "../report/event-log";
import type { Step } from "../report/model";
import { inputsDigest } from "./digest";
import type { Baseline, BaselineEntry } from "./file";

/** What a run knows of how the change touches each resource. */
export interface ChangeFacts {
    /** The engine's step for each resource, by URN: from an event log, or the embedded preview with the stack's last state. */
    steps: ReadonlyMap<string, Step>;
    /** The digest of each resource's inputs in this run, by URN. */
    digests: Pick<ReadonlyMap<string, string>, "get">;
}

/**
 * The step each resource of a `pulumi preview` event log gets, from its resourcePreEvent's `op`. A
 * replacement logs several ops (create-replacement, replace, delete-replaced): any op but `same`
 * makes the resource touched, and an op this table does not know counts as an update.
 */
const STEP_OF_OP: Record<string, Step> = {
    "same": "same", "create": "create", "update": "update", "delete": "delete", "read": "read",
    "replace": "replace", "create-replacement": "replace", "delete-replaced": "replace", "discard-replaced": "replace",
    "import": "create", "import-replacement": "replace",
};

/** Each resource's step and inputs digest, read from an event log's resourcePreEvents. */
export function changeFactsFromEvents(events: readonly EngineEvent[]): ChangeFacts {
    const steps = new Map<string, Step>();
    const digests = new Map<string, string>();
    for (const e of events) {
        const m = e.resourcePreEvent?.metadata;
        if (!m || /^(refresh|remove-pending-replace)$/.test(m.op)) {
            continue;
        }
        const step = STEP_OF_OP[m.op] ?? "update";
        const before = steps.get(m.urn);
        if (before === undefined || before === "same") {
            steps.set(m.urn, step);
        }
        if (m.new?.inputs && !digests.has(m.urn)) {
            digests.set(m.urn, inputsDigest(m.new.inputs));
        }
    }
    return { steps, digests };
}

function ref(entry: BaselineEntry): BaselineEntryRef {
    return { fingerprint: entry.fingerprint, policy: entry.policy, ...(entry.resource ? { urn: entry.resource } : {}), reason: entry.reason, expires: entry.expires };
}

/** Why an entry no longer applies to its finding's resource, or undefined while it is unchanged. */
function changedSince(entry: BaselineEntry, urn: string | undefined, facts: ChangeFacts): string | undefined {
    if (urn === undefined) {
        return undefined; // a finding on the stack as a whole has no resource to change
    }
    const step = facts.steps.get(urn);
    if (step !== undefined) {
        return step === "same" || step === "read" ? undefined : `the change ${step === "create" ? "creates" : step === "update" ? "updates" : step === "replace" ? "replaces" : "deletes"} the resource (step ${step})`;
    }
    const now = facts.digests.get(urn);
    if (entry.inputs === undefined || now === undefined) {
        return "the entry records no inputs digest to compare the resource with, and the run knows no step for it";
    }
    return now === entry.inputs ? undefined : "the resource's inputs changed since the entry was written";
}

/**
 * Marks each failing finding an entry accepts as baselined. An entry applies to the finding with its
 * fingerprint while it has not expired and its resource is unchanged; an entry whose finding is gone
 * (or no longer fails a gate) is stale.
 */
export function applyBaseline(report: Report, baseline: Baseline, facts: ChangeFacts, day: string = today()): Report {
    const byFingerprint = new Map(baseline.entries.map((e) => [e.fingerprint, e]));
    const prints = findingFingerprints(report);
    const debts = new Map<number, FindingDebt>();
    const matched = new Set<string>();
    const lapsed: BaselineOutcome["lapsed"] = [];
    report.findings.forEach((f, i) => {
        const entry = byFingerprint.get(prints[i]);
        if (!entry || !gateRelevant(f)) {
            return;
        }
        matched.add(entry.fingerprint);
        if (entry.expires < day) {
            lapsed.push({ ...ref(entry), why: "expired", detail: `expired on ${entry.expires}` });
            return;
        }
        const changed = changedSince(entry, f.urn, facts);
        if (changed) {
            lapsed.push({ ...ref(entry), why: "changed", detail: changed });
            return;
        }
        debts.set(i, { kind: "baselined", reason: entry.reason, expires: entry.expires });
    });
    const stale = baseline.entries.filter((e) => !matched.has(e.fingerprint)).map(ref);
    const outcome: BaselineOutcome = { file: baseline.file, entries: baseline.entries.length, applied: debts.size, stale, lapsed };
    // Findings marked before (by another baseline) keep their mark.
    report.findings.forEach((f, i) => {
        if (f.debt && !debts.has(i)) {
            debts.set(i, f.debt);
        }
    });
    return withDebt(report, debts, { baseline: outcome });
}

/**
 * --changed-only: a failing finding on a resource the change leaves alone (step `same`) is untouched
 * debt. A finding on the stack as a whole, and any finding of a run that knows no steps, still fails.
 */
export function applyChangedOnly(report: Report, facts: ChangeFacts): Report {
    const debts = new Map<number, FindingDebt>();
    report.findings.forEach((f, i) => {
        if (f.debt) {
            debts.set(i, f.debt);
        } else if (gateRelevant(f) && f.urn !== undefined && facts.steps.get(f.urn) === "same") {
            debts.set(i, { kind: "untouched", step: "same" });
        }
    });
    return withDebt(report, debts, { changedOnly: { stepsKnown: facts.steps.size > 0 } });
}

/**
 * The entries of a baseline of the report's failing findings: those an applied baseline already
 * accepts keep their reason and date, the others get the terms given.
 */
export function baselineEntries(report: Report, facts: ChangeFacts, terms: { reason: string; expires: string }, previous?: Baseline): BaselineEntry[] {
    const prints = findingFingerprints(report);
    const kept = new Map((previous?.entries ?? []).map((e) => [e.fingerprint, e]));
    return report.findings.flatMap((f, i) => {
        if (!gateRelevant(f)) {
            return [];
        }
        const before = f.debt?.kind === "baselined" ? kept.get(prints[i]) : undefined;
        const digest = f.urn ? facts.digests.get(f.urn) : undefined;
        return [{
            fingerprint: prints[i], policy: f.policy, ...(f.urn ? { resource: f.urn } : {}), ...(digest ? { inputs: digest } : {}),
            reason: before?.reason ?? terms.reason, expires: before?.expires ?? terms.expires,
        }];
    });
}
