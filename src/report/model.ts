import type { Analysis, Finding } from "./analysis";

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

/** Findings of one policy on one resource (or on the stack). */
export interface FindingGroup {
    policy: string;
    level: string;
    description: string;
    resources: Array<{ type?: string; name?: string; urn?: string; findings: Finding[] }>;
}

export interface Summary {
    resources: number;
    policies: number;
    mandatory: number;
    advisory: number;
    unknown: number;
}

export function summarize(analysis: Analysis): Summary {
    const violations = analysis.findings.filter((f) => f.outcome === "violation");
    return {
        resources: analysis.resources,
        policies: analysis.pack.policies.filter((p) => analysis.levels[p.name] !== "disabled").length,
        mandatory: violations.filter((f) => f.level === "mandatory").length,
        advisory: violations.filter((f) => f.level !== "mandatory").length,
        unknown: analysis.findings.filter((f) => f.outcome === "unknown").length,
    };
}

/** Groups findings by policy, then by resource, in a stable order. */
export function groupFindings(findings: readonly Finding[]): FindingGroup[] {
    const groups = new Map<string, FindingGroup>();
    const sorted = [...findings].sort((a, b) =>
        a.policy.localeCompare(b.policy) || (a.urn ?? "").localeCompare(b.urn ?? "") || a.message.localeCompare(b.message));
    for (const f of sorted) {
        let group = groups.get(f.policy);
        if (!group) {
            group = { policy: f.policy, level: f.level, description: f.description, resources: [] };
            groups.set(f.policy, group);
        }
        let resource = group.resources.find((r) => r.urn === f.urn);
        if (!resource) {
            resource = { type: f.type, name: f.name, urn: f.urn, findings: [] };
            group.resources.push(resource);
        }
        resource.findings.push(f);
    }
    return [...groups.values()];
}

/** The (policy, resource name) pairs of a run's violations, sorted: what scenarios are checked against. */
export function violationPairs(analysis: Analysis): Array<[string, string]> {
    const pairs = new Set(analysis.findings.filter((f) => f.outcome === "violation").map((f) => `${f.policy}\u0000${f.name ?? ""}`));
    return [...pairs].sort().map((p) => p.split("\u0000") as [string, string]);
}
