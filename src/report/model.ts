// Each resource's step in an update, and the violation pairs a run's scenarios are checked against.
import type { Analysis } from "./analysis";

/**
 * What an update would do to a resource, in the engine's words for its steps: `same` (the inputs
 * are the deployed ones), `create`, `update`, `replace`, `delete` (deployed, no longer declared),
 * `read` (a resource the program reads). Known from the engine's plan in an event log, or from the
 * stack's last state in an embedded preview (`--state`, src/state/steps.ts).
 */
export type Step = "same" | "create" | "update" | "replace" | "delete" | "read";

/** A resource of a run with its step. */
export interface StepSubject {
    urn: string;
    type: string;
    name: string;
    step: Step;
}

/** The (policy, resource name) pairs of a run's violations, sorted: what scenarios are checked against. */
export function violationPairs(analysis: Analysis): Array<[string, string]> {
    const pairs = new Set(analysis.findings.filter((f) => f.outcome === "violation").map((f) => `${f.policy}\u0000${f.name ?? ""}`));
    return [...pairs].sort().map((p) => p.split("\u0000") as [string, string]);
}
