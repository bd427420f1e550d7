// Which objects of a run were judged at all. A run where no enabled policy looks at a resource's
// type (an unknown kind, a custom resource) says nothing about that resource: reports count such
// objects apart, and a run that judged nothing is an error rather than a clean pass.
import type { PolicyScope } from "../pack/load";

/** An object of a run: a resource of the program or event log, or a manifest object. */
export interface CoverageSubject {
    urn: string;
    type: string;
    /** False for component resources (the stack included); undefined when not known. */
    custom?: boolean;
    /** The resource's inputs, for policies that judge custom resources by their shape. */
    inputs?: Record<string, unknown>;
    /**
     * Set on a remote component recorded as the program registered it: no provider constructed its
     * children (accepted with --allow-unexpanded), so nothing inside it was judged.
     */
    remote?: boolean;
    /**
     * Set on a resource an event log shows the engine stepped through, which the pack never
     * analyzed (no policy summary or event of it): nothing was judged on it, whatever its type.
     */
    notAnalyzed?: boolean;
}

/**
 * An enabled or disabled policy, with the types it judges (a resource policy) or reads (a stack
 * policy). Without `resourceTypes` the types are not known (a pack loaded only over gRPC): a resource
 * policy may then judge any resource, and a stack policy judges what it reports on.
 */
export interface CoveragePolicy extends Partial<PolicyScope> {
    name: string;
    kind: "resource" | "stack";
    enabled: boolean;
}

export interface ReportCoverage {
    /** Objects at least one enabled policy looks at, or a stack policy reported on. */
    judged: number;
    /** Objects no enabled policy looks at. */
    notJudged: number;
    /** Providers, the stack and other component resources: not what policies judge. */
    notPolicySubjects: number;
    /** The types of the objects not judged, sorted. */
    notJudgedTypes: string[];
    /** The types of components accepted unexpanded (--allow-unexpanded), sorted; set when there are any. */
    unexpandedTypes?: string[];
}

export class NothingJudgedError extends Error {
    constructor(message: string) {
        super(message);
        this.name = "NothingJudgedError";
    }
}

/** Providers (`pulumi:providers:*`), the stack and component resources. */
export function isPolicySubject(subject: CoverageSubject): boolean {
    return !subject.type.startsWith("pulumi:providers:") && subject.type !== "pulumi:pulumi:Stack" && subject.custom !== false;
}

/**
 * Counts judged, not judged and non-subject objects. `reportedOn` are the URNs some policy reported
 * on (a violation, an unknown, an exemption): a stack policy judges whatever it reports on.
 */
export function computeCoverage(subjects: readonly CoverageSubject[], policies: readonly CoveragePolicy[], reportedOn: Iterable<string>): ReportCoverage {
    const enabled = policies.filter((p) => p.enabled);
    const anyType = enabled.some((p) => p.kind === "resource" && p.resourceTypes === undefined);
    const types = new Set(enabled.flatMap((p) => p.resourceTypes ?? []));
    const reported = new Set(reportedOn);
    const seen = new Set<string>();
    const notJudgedTypes = new Set<string>();
    const unexpandedTypes = new Set<string>();
    const counts = { judged: 0, notJudged: 0, notPolicySubjects: 0 };
    for (const s of subjects) {
        if (seen.has(s.urn)) {
            continue;
        }
        seen.add(s.urn);
        if (s.remote) {
            counts.notJudged++;
            notJudgedTypes.add(s.type);
            unexpandedTypes.add(s.type);
        } else if (!isPolicySubject(s)) {
            counts.notPolicySubjects++;
        } else if (s.notAnalyzed) {
            counts.notJudged++;
            notJudgedTypes.add(s.type);
        } else if (anyType || types.has(s.type) || reported.has(s.urn) || enabled.some((p) => matchesShape(p, s))) {
            counts.judged++;
        } else {
            counts.notJudged++;
            notJudgedTypes.add(s.type);
        }
    }
    return { ...counts, notJudgedTypes: [...notJudgedTypes].sort(), ...(unexpandedTypes.size > 0 ? { unexpandedTypes: [...unexpandedTypes].sort() } : {}) };
}

/** Whether a shape-matching policy judges a subject; a policy that cannot read it does not count. */
export function matchesShape(policy: Pick<Partial<PolicyScope>, "appliesTo">, subject: CoverageSubject): boolean {
    try {
        return policy.appliesTo?.(subject.type, subject.inputs ?? {}) === true;
    } catch {
        return false;
    }
}

/**
 * The one check every command makes before printing a report: a run that judged no object at all
 * proves nothing and must not read as "ready".
 */
export function assertSomethingJudged(summary: { judged: number; notJudged: number; notPolicySubjects: number; notJudgedTypes: readonly string[] }, what: string): void {
    if (summary.judged > 0) {
        return;
    }
    const total = summary.judged + summary.notJudged + summary.notPolicySubjects;
    const detail = total === 0 ? "it has no objects"
        : summary.notJudged > 0 ? `no enabled policy looks at its ${summary.notJudged} object${summary.notJudged === 1 ? "" : "s"} (${summary.notJudgedTypes.slice(0, 5).join(", ")}${summary.notJudgedTypes.length > 5 ? ", ..." : ""})`
            : `its ${total} object${total === 1 ? " is" : "s are"} only providers, the stack or components`;
    throw new NothingJudgedError(`nothing was judged in ${what}: ${detail}`);
}

const SOURCE_LABEL = { "preview": "program", "manifests": "manifests", "event-log": "event log", "preview-json": "preview", "state": "stack export" } as const;

/** assertSomethingJudged for a report: names what was run. */
export function assertReportJudged(report: { source: { kind: keyof typeof SOURCE_LABEL; target?: string }; summary: Parameters<typeof assertSomethingJudged>[0] }): void {
    assertSomethingJudged(report.summary, `${SOURCE_LABEL[report.source.kind]}${report.source.target ? ` ${report.source.target}` : ""}`);
}
