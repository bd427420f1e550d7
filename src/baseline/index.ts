// Adopting prodready on stacks that already have findings: the options a report command takes for
// a baseline and --changed-only, checked before anything runs, then applied to the run's report.
import type { Report } from "../report/document";
import { applyBaseline, applyChangedOnly, baselineEntries, ChangeFacts } from "./apply";
import { Baseline, checkNewEntryTerms, readBaseline, writeBaseline } from "./file";

export { changeFactsFromEvents } from "./apply";
export type { ChangeFacts } from "./apply";
export { inputsDigests } from "./digest";
export { BaselineError } from "./file";

export interface AdoptionOptions {
    baseline?: string;
    writeBaseline?: string;
    baselineReason?: string;
    baselineExpires?: string;
    changedOnly?: boolean;
}

/** The options read and checked: a bad baseline file or missing terms stop the run before it starts. */
export interface Adoption {
    baseline?: Baseline;
    write?: { file: string; reason: string; expires: string };
    changedOnly: boolean;
}

export function prepareAdoption(options: AdoptionOptions): Adoption {
    const baseline = options.baseline !== undefined ? readBaseline(options.baseline) : undefined;
    const write = options.writeBaseline !== undefined
        ? { file: options.writeBaseline, ...checkNewEntryTerms(options.baselineReason, options.baselineExpires) } : undefined;
    return { ...(baseline ? { baseline } : {}), ...(write ? { write } : {}), changedOnly: options.changedOnly === true };
}

/**
 * The report with the baseline applied (and, with --write-baseline, the baseline written from it
 * and applied instead), then --changed-only. Returns how many entries were written, for a notice.
 */
export function adopt(report: Report, adoption: Adoption, facts: ChangeFacts): { report: Report; written?: { file: string; entries: number } } {
    let result = adoption.baseline ? applyBaseline(report, adoption.baseline, facts) : report;
    let written: { file: string; entries: number } | undefined;
    if (adoption.write) {
        const entries = baselineEntries(result, facts, adoption.write, adoption.baseline);
        writeBaseline(adoption.write.file, entries);
        result = applyBaseline(report, { file: adoption.write.file, entries }, facts);
        written = { file: adoption.write.file, entries: entries.length };
    }
    if (adoption.changedOnly) {
        result = applyChangedOnly(result, facts);
    }
    return { report: result, ...(written ? { written } : {}) };
}
