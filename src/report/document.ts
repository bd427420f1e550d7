// The report: one run's result in a form every output format renders from, whether the run was the
// embedded preview, manifest mode or a real `pulumi preview` read back from its event log. Its JSON
// form is the `--format json` output, versioned and described by docs/report.schema.json.
import * as fs from "fs";
import * as path from "path";
import type { Analysis, Exemption, NotApplicable, PolicyInfo } from "./analysis";
import type { Catalog } from "../catalog/catalog";
import { checklistOf, parseExemptionReason, Priority, priorityOf } from "../../policies/lib/contract";
import { packageRoot } from "../paths";
import { computeScore, ReadinessScore } from "../score/score";
import { computeCoverage, CoverageSubject } from "./coverage";
import type { PolicyScope } from "../pack/load";
import type { FrameworkId } from "../../policies/lib/frameworks";
import type { Step, StepSubject } from "./model";

/**
 * Bump the major version on a breaking change to the JSON form, the minor one when fields are added;
 * docs/report.schema.json follows it. 1.1: `summary.judged`, `notJudged`, `notPolicySubjects`, `notJudgedTypes`.
 * 2.0: the JSON form lists only the policies and checklist items a reader acts on (src/report/json.ts);
 * findings and exemptions carry `location`. 2.1: `summary.notVerified`, `findings[].notVerified`,
 * `policies[].allowUnknown`; `summary.passed` is false for a finding not verified too.
 * 2.2: `summary.standInFunctions`, `findings[].standIns`. 2.3: `findings[].noVerdict`, and its `notVerified.reason`.
 * 2.4: `packs`, and `pack` on policies, findings, exemptions and not-applicable answers, when several packs ran.
 * 2.5: `steps` and `findings[].step` against the stack's last state (`--state`); the source kind `state`.
 *      `frameworkControls` with `--group-by <framework>`.
 */
export const REPORT_SCHEMA_VERSION = "2.5.0";

export type { Priority } from "../../policies/lib/contract";

export interface ReportPolicy {
    name: string;
    description: string;
    severity: string;
    /** The enforcement level the policy ran with (after the policy-pack config). */
    enforcementLevel: string;
    priority?: Priority;
    /** Checklist item ids (catalog/checklist.yaml) the policy enforces. */
    checklist: string[];
    remediationSteps: string;
    tags: string[];
    /** Set when the policy-pack config lets the policy's values unknown during preview pass (`allowUnknown`). */
    allowUnknown?: true;
    /** The pack the policy belongs to, when several packs ran. */
    pack?: string;
}

/** Where a resource is declared: a path relative to the project (or the manifest as given), 1-based line and column. */
export interface SourceLocation {
    file: string;
    line: number;
    column?: number;
}

/**
 * An unknown finding of a policy that fails the run when it finds a violation (mandatory), on which
 * the config does not allow unknowns, or of which an event log holds no verdict: prodready cannot
 * say the resource passes, so the run fails.
 */
export interface NotVerified {
    /** `depends on a value unknown during preview[: <property path>]`, or `no verdict in the event log`. */
    reason: string;
    /** The property the policy read, as the policy SDK names it (`ingress.0.cidrBlocks`), when the message names it. */
    property?: string;
}

export interface ReportFinding {
    policy: string;
    /** `violation`, or `unknown` when the policy hit a value unknown during preview. */
    outcome: "violation" | "unknown";
    /** As the pack reported it: the policy SDK reports every unknown as advisory, whatever the policy's level. */
    enforcementLevel: string;
    severity: string;
    message: string;
    urn?: string;
    type?: string;
    name?: string;
    /** The line that declares the resource, when known. */
    location?: SourceLocation;
    /** Set on an unknown finding that fails the run (see NotVerified). */
    notVerified?: NotVerified;
    /**
     * Set on an unknown finding of an event log that holds no verdict of the policy on a resource it
     * applies to: the pack did not analyze the resource, or its policy summary does not list the policy.
     */
    noVerdict?: true;
    /** The resources whose stand-in outputs (IDs, ARNs, generated names) the judged inputs were built from. */
    standIns?: string[];
    /** What an update would do to its resource, when the run knew the stack's last state. */
    step?: Step;
    /** The pack whose policy reported it, when several packs ran. */
    pack?: string;
    /** Set on a finding that would fail the gate but is existing debt, so it does not (src/baseline). */
    debt?: FindingDebt;
}

/**
 * Why a finding does not fail the gate: an entry of the `--baseline` file accepts it, or
 * (`--changed-only`) the change leaves its resource alone (the engine's step is `same`).
 */
export type FindingDebt =
    | { kind: "baselined"; reason: string; expires: string }
    | { kind: "untouched"; step: "same" };

/** A baseline entry as reports name it. */
export interface BaselineEntryRef {
    fingerprint: string;
    policy: string;
    urn?: string;
    reason: string;
    expires: string;
}

/** What a `--baseline` file did in a run: entries applied, stale (their finding is gone) and lapsed (no longer applying). */
export interface BaselineOutcome {
    file: string;
    entries: number;
    applied: number;
    /** Entries whose finding is gone: delete them, so the file shrinks. */
    stale: BaselineEntryRef[];
    /** Entries whose finding is back as new: `expired` past their date, `changed` since their resource changed. */
    lapsed: Array<BaselineEntryRef & { why: "expired" | "changed"; detail: string }>;
}

/** A resource a policy did not judge because an exemption with a reason applied. */
export interface ReportExemption {
    policy: string;
    reason: string;
    /** Where the exemption was written: `policy-pack config "<glob>"`, `annotation prodready.dev/exempt`, `tag prodready:exempt`. */
    source: string;
    expires?: string;
    urn?: string;
    type?: string;
    name?: string;
    /** The line that declares the resource, when known. */
    location?: SourceLocation;
    /** The pack whose policy it exempts, when several packs ran. */
    pack?: string;
}

/** A policy that declared itself not applicable for another reason than an exemption. */
export type ReportNotApplicable = NotApplicable;

export interface ReportSummary {
    resources?: number;
    policies: number;
    mandatory: number;
    advisory: number;
    /** Findings unknown during preview, those not verified included. */
    unknown: number;
    /** Unknown findings that fail the run: a mandatory policy could not judge a resource, and the config does not allow it. */
    notVerified: number;
    exempt: number;
    /** Objects at least one enabled policy looked at. */
    judged: number;
    /** Objects no enabled policy looks at (an unknown kind, a custom resource): nothing is said about them. */
    notJudged: number;
    /** Providers, the stack and component resources. */
    notPolicySubjects: number;
    /** The types of the objects not judged. */
    notJudgedTypes: string[];
    /** Components accepted unexpanded (--allow-unexpanded): nothing inside them was judged. */
    unexpandedTypes?: string[];
    /** The gate: false when a mandatory violation or a finding not verified fails the run (exit 1). */
    passed: boolean;
    /** Provider functions an embedded preview answered with stand-in values of their result type. */
    standInFunctions?: string[];
    /** With --baseline: findings an entry of the baseline accepts (not counted in mandatory, advisory or notVerified). */
    baselined?: number;
    /** With --changed-only: findings on resources the change leaves alone (not counted in mandatory, advisory or notVerified). */
    untouched?: number;
}

export interface Report {
    schemaVersion: string;
    tool: { name: string; version: string };
    /** What was judged: an embedded preview of a program, manifests, or a `pulumi preview` event log / JSON output. */
    source: { kind: "preview" | "manifests" | "event-log" | "preview-json" | "state"; target?: string };
    /** The run's own pack. */
    pack: { name: string; version: string };
    /** Every pack that ran, the run's own first, when more than one did (`--policy-pack`). */
    packs?: Array<{ name: string; version: string }>;
    summary: ReportSummary;
    policies: ReportPolicy[];
    findings: ReportFinding[];
    exemptions: ReportExemption[];
    notApplicable: ReportNotApplicable[];
    score: ReadinessScore;
    /** The steps of an update against the stack's last state (`--state`). */
    steps?: ReportSteps;
    /** Set when several programs were judged as one estate: each one's stack, in the order given. */
    stacks?: ReportStack[];
    /** With --baseline: what the baseline file did. */
    baseline?: BaselineOutcome;
    /** With --changed-only: whether the run knew each resource's step (without, every resource counts as touched). */
    changedOnly?: { stepsKnown: boolean };
    /** With --group-by <framework>: the findings by the framework's controls (src/report/frameworks.ts). */
    frameworkControls?: FrameworkControls;
}

/**
 * A control's verdict in the run: `failing` (a violation, at any level), `not-verified` (a mandatory
 * policy could not judge a resource), `unknown` (values unknown during preview), `exempt` (nothing
 * found but exemptions applied), `passing` (its enabled policies found nothing, which includes finding
 * nothing to judge), `not-checked` (every policy mapped to it is disabled, or none ran).
 */
export type ControlVerdict = "failing" | "not-verified" | "unknown" | "exempt" | "passing" | "not-checked";

/** A finding as a control lists it; the message is on the report's finding. */
export interface ControlFinding {
    policy: string;
    outcome: ReportFinding["outcome"];
    enforcementLevel: string;
    urn?: string;
    type?: string;
    name?: string;
    notVerified?: true;
}

export interface ControlResult {
    id: string;
    /** From the catalog; absent for a control the pack's tags name but the catalog does not define. */
    title?: string;
    url?: string;
    verdict: ControlVerdict;
    /** The policies mapped to the control, with the level they ran at. */
    policies: Array<{ name: string; enforcementLevel: string }>;
    findings: ControlFinding[];
    exemptions: number;
}

/** The report's findings by control of one framework (`--group-by <framework>`, src/report/frameworks.ts). */
export interface FrameworkControls {
    framework: { id: FrameworkId; name: string; version: string; url: string };
    controls: ControlResult[];
    /** Findings of policies the framework maps to no control: listed in the report, under no control here. */
    unmapped: { findings: number; policies: string[] };
}

/** One program of a run that judged several, and its stack. */
export interface ReportStack {
    project: string;
    stack: string;
    /** The program's directory. */
    target: string;
    resources: number;
}

/**
 * The findings of each stack of a run that judged several, in the report's order: a finding goes
 * to the stack its URN names; a stack policy's finding that names no resource is about them all
 * (`stack` undefined, last).
 */
export function findingsByStack(report: Pick<Report, "findings" | "stacks">): Array<{ stack?: ReportStack; findings: ReportFinding[] }> {
    const stacks = report.stacks ?? [];
    const keyOf = (urn: string) => urn.split("::").slice(0, 2).join("::");
    const sections = stacks.map((stack) => ({ stack, key: `urn:pulumi:${stack.stack}::${stack.project}`, findings: [] as ReportFinding[] }));
    const across: ReportFinding[] = [];
    for (const f of report.findings) {
        const section = f.urn ? sections.find((s) => s.key === keyOf(f.urn!)) : undefined;
        (section ? section.findings : across).push(f);
    }
    return [...sections.map(({ stack, findings }) => ({ stack, findings })), ...(across.length > 0 ? [{ findings: across }] : [])];
}

/** Each resource's step against the stack's last state: counted, with what the update deletes listed. */
export interface ReportSteps {
    /** The stack export the steps were told from. */
    state: string;
    counts: Partial<Record<Step, number>>;
    /** Deployed resources the program no longer declares. */
    deletes: StepSubject[];
}

export function toolVersion(): string {
    try {
        return JSON.parse(fs.readFileSync(path.join(packageRoot(), "package.json"), "utf8")).version;
    } catch {
        return "0.0.0";
    }
}

/** A policy as reports list it; its priority and checklist items are read from its tags only where it carries no typed ones. */
export function reportPolicy(p: PolicyInfo, level: string | undefined, allowUnknown = false): ReportPolicy {
    return {
        name: p.name,
        description: p.description,
        severity: p.severity,
        enforcementLevel: level ?? p.enforcementLevel ?? "advisory",
        priority: p.priority ?? priorityOf(p.tags),
        checklist: p.checklist ? [...p.checklist] : checklistOf(p.framework?.reference),
        remediationSteps: p.remediationSteps,
        tags: p.tags,
        ...(allowUnknown ? { allowUnknown: true as const } : {}),
    };
}

/**
 * Levels at which a policy's violation fails the run: the policy SDK reports a violation that a
 * `remediate` policy leaves as mandatory.
 */
const FAILING_LEVELS: ReadonlySet<string> = new Set(["mandatory", "remediate"]);

/** True for an enforcement level at which a policy's violation fails the run. */
function failsRun(enforcementLevel: string): boolean {
    return FAILING_LEVELS.has(enforcementLevel);
}

// The policy SDK's wording for a read of an unknown value (@pulumi/policy proxy.js, UnknownValueError):
// `<type> value at .<path> can't be known during preview`.
const UNKNOWN_AT = /\bvalue at \.(\S+) can't be known during preview/;

/** The property path an unknown finding's message names (`ingress.0.cidrBlocks`), if any. */
export function unknownProperty(message: string): string | undefined {
    return UNKNOWN_AT.exec(message)?.[1];
}

/** Marks an unknown finding of a failing-level policy that the config does not let pass. */
function verified(finding: ReportFinding, policy: ReportPolicy | undefined): ReportFinding {
    if (finding.outcome !== "unknown" || !policy || !failsRun(policy.enforcementLevel)) {
        return finding;
    }
    if (finding.noVerdict) {
        // allowUnknown lets a value unknown during preview pass, not a verdict the log does not hold.
        return { ...finding, notVerified: { reason: "no verdict in the event log" } };
    }
    if (policy.allowUnknown) {
        return finding;
    }
    const property = unknownProperty(finding.message);
    return { ...finding, notVerified: { reason: `depends on a value unknown during preview${property ? `: ${property}` : ""}`, ...(property ? { property } : {}) } };
}

/**
 * The exemptions among not-applicable answers, read back from their reasons (the form in which an
 * exemption crosses the Analyzer protocol; a stack policy's reason lists one per line), and the rest.
 */
function splitNotApplicable(entries: readonly NotApplicable[]): { exemptions: Exemption[]; other: NotApplicable[] } {
    const exemptions: Exemption[] = [];
    const other: NotApplicable[] = [];
    for (const n of entries) {
        const parsed = parseExemptionReason(n.reason);
        if (parsed.length === 0) {
            other.push(n);
            continue;
        }
        for (const e of parsed) {
            exemptions.push({ policy: n.policy, reason: e.reason, source: e.source, ...(e.expires ? { expires: e.expires } : {}),
                urn: e.urn ?? n.urn, type: n.type, name: n.name, ...(n.pack ? { pack: n.pack } : {}) });
        }
    }
    return { exemptions, other };
}

/** An exemption as reports list it: the type and name its URN ends with, where it has one. */
function reportExemption(e: Exemption): ReportExemption {
    const known = e.urn ? parseUrn(e.urn) : undefined;
    return { policy: e.policy, reason: e.reason, source: e.source, ...(e.expires ? { expires: e.expires } : {}),
        urn: e.urn, type: known?.type ?? e.type, name: known?.name ?? e.name, ...(e.pack ? { pack: e.pack } : {}) };
}

/** The type and name a URN ends with: `urn:pulumi:<stack>::<project>::<parent$type>::<name>`. */
export function parseUrn(urn: string): { type?: string; name?: string } {
    const parts = urn.split("::");
    if (parts.length < 4) {
        return {};
    }
    const types = parts[2].split("$");
    return { type: types[types.length - 1], name: parts.slice(3).join("::") };
}

// localeCompare's own order (the same default collation), with the collator made once.
const collation = new Intl.Collator().compare;

/**
 * The entries sorted by policy, then URN, then (with `thenMessage`) message, in the collator's order
 * and stably. A large report sorts hundreds of thousands of entries over a few thousand distinct
 * policies and URNs, so each of those is ranked by the collator once and the entries by their ranks;
 * messages, nearly all distinct, are compared only between entries of the same policy and URN.
 */
function sortedByPolicyThenUrn<T extends { policy: string; urn?: string; message?: string }>(entries: T[], thenMessage = false): T[] {
    const distinct = new Set<string>();
    for (const e of entries) {
        distinct.add(e.policy);
        distinct.add(e.urn ?? "");
    }
    const ordered = [...distinct].sort(collation);
    const rank = new Map<string, number>();
    ordered.forEach((value, i) => rank.set(value, i > 0 && collation(ordered[i - 1], value) === 0 ? rank.get(ordered[i - 1])! : i));
    const keyed = entries.map((entry) => ({ entry, policy: rank.get(entry.policy)!, urn: rank.get(entry.urn ?? "")! }));
    keyed.sort((a, b) => a.policy - b.policy || a.urn - b.urn || (thenMessage ? collation(a.entry.message ?? "", b.entry.message ?? "") : 0));
    return keyed.map(({ entry }) => entry);
}

/** Adds the declaring line to an entry about a resource whose line is known. */
function located<T extends { urn?: string; location?: SourceLocation }>(item: T, locations: ReadonlyMap<string, SourceLocation> | undefined): T {
    const location = item.urn ? locations?.get(item.urn) : undefined;
    return location ? { ...item, location } : item;
}

/**
 * The summary's counts of findings and the gate: a finding that is debt (baselined, untouched) counts
 * in none of mandatory, advisory and notVerified, so it fails no gate; it stays an unknown if it is one.
 */
function gateCounts(findings: readonly ReportFinding[]): Pick<ReportSummary, "mandatory" | "advisory" | "unknown" | "notVerified" | "passed"> {
    const failing = findings.filter((f) => !f.debt);
    const violations = failing.filter((f) => f.outcome === "violation");
    const mandatory = violations.filter((f) => f.enforcementLevel === "mandatory").length;
    const notVerified = failing.filter((f) => f.notVerified).length;
    return { mandatory, advisory: violations.length - mandatory, unknown: findings.filter((f) => f.outcome === "unknown").length, notVerified, passed: mandatory === 0 && notVerified === 0 };
}

/** True for a finding that fails some gate (`--fail-on advisory` included) unless it is debt: a violation, or not verified. */
export function gateRelevant(f: ReportFinding): boolean {
    return f.outcome === "violation" || f.notVerified !== undefined;
}

/**
 * The report with some findings marked as debt (by index in `report.findings`) and the summary's
 * counts and gate worked out again. The readiness score is left as it is: debt is still failing.
 */
export function withDebt(report: Report, debts: ReadonlyMap<number, FindingDebt>, extra: Pick<Report, "baseline" | "changedOnly">): Report {
    const findings = report.findings.map((f, i) => {
        const debt = debts.get(i);
        return debt ? { ...f, debt } : f;
    });
    const count = (kind: FindingDebt["kind"]) => findings.filter((f) => f.debt?.kind === kind).length;
    const baseline = extra.baseline ?? report.baseline;
    const changedOnly = extra.changedOnly ?? report.changedOnly;
    return {
        ...report,
        findings,
        summary: { ...report.summary, ...gateCounts(findings), ...(baseline ? { baselined: count("baselined") } : {}), ...(changedOnly ? { untouched: count("untouched") } : {}) },
        ...(baseline ? { baseline } : {}),
        ...(changedOnly ? { changedOnly } : {}),
    };
}

export interface AnalysisReportOptions {
    catalog: Catalog;
    source: Report["source"];
    /** Every object the pack was called with (the run's resources and the default providers). */
    subjects: readonly CoverageSubject[];
    /** The types each policy judges or reads, from the pack loaded in-process (src/pack/load.ts); a resource policy not in it may judge any type. */
    resourceTypes?: ReadonlyMap<string, PolicyScope>;
    /** Objects known to be judged otherwise (by a policy of which the run knows no types, nor that it is a resource policy). */
    judgedUrns?: readonly string[];
    /** The line that declares each resource, by URN (src/report/locations.ts). */
    locations?: ReadonlyMap<string, SourceLocation>;
    /** What an embedded preview made up (src/program/stand-ins): see standInsOf. */
    standIns?: StandIns;
    /** Each resource's step against the stack's last state, by URN, and what the update deletes (`--state`). */
    steps?: { state: string; of: ReadonlyMap<string, Step>; deletes: readonly StepSubject[] };
    /** The stacks of a run that judged several programs. */
    stacks?: readonly ReportStack[];
}

/** The stand-ins of a run: functions answered with them, and per resource the stood-in resources its inputs were built from. */
export interface StandIns {
    functions: readonly string[];
    dependencies: ReadonlyMap<string, readonly string[]>;
}

/**
 * The stand-ins each resource's inputs may rest on: the resources it depends on (through its
 * properties or options) whose computed outputs the program was given as stand-ins.
 */
export function standInsOf(run: { resources: readonly { urn: string; name: string; dependencies: readonly string[]; propertyDependencies: Record<string, readonly string[]> }[]; standInFunctions?: readonly string[]; standInResources?: readonly string[] }): StandIns {
    const stood = new Set(run.standInResources ?? []);
    const names = new Map(run.resources.map((r) => [r.urn, r.name]));
    const dependencies = new Map<string, string[]>();
    for (const r of run.resources) {
        const on = new Set([...r.dependencies, ...Object.values(r.propertyDependencies).flat()].filter((urn) => stood.has(urn)));
        if (on.size > 0) {
            dependencies.set(r.urn, [...on].map((urn) => names.get(urn) ?? urn).sort());
        }
    }
    return { functions: run.standInFunctions ?? [], dependencies };
}

/**
 * The report of a run, from its analysis: the one place a report is assembled, for an embedded
 * preview, a manifest run and an event log alike. Sorts, separates exemptions, summarizes and scores.
 */
export function reportFromAnalysis(analysis: Analysis, options: AnalysisReportOptions): Report {
    // With several packs, every entry names its pack; the run's own pack's entries carry none in the analysis.
    const packOf = (item: { pack?: string }) => (analysis.packs ? { pack: item.pack ?? analysis.pack.name } : {});
    const policies = analysis.pack.policies.map((p) => ({ ...reportPolicy(p, analysis.levels[p.name], analysis.allowUnknown?.includes(p.name)), ...packOf(p) }));
    const policiesByName = new Map(policies.map((p) => [p.name, p]));
    const findings = sortedByPolicyThenUrn(analysis.findings.map((f): ReportFinding => located(verified({
        policy: f.policy, outcome: f.outcome, ...(f.noVerdict ? { noVerdict: true as const } : {}), enforcementLevel: f.level, severity: f.severity, message: f.message,
        ...(f.urn ? { urn: f.urn } : {}), ...(f.type ? { type: f.type } : {}), ...(f.name ? { name: f.name } : {}), ...packOf(f),
    }, policiesByName.get(f.policy)), options.locations)), true);
    const split = splitNotApplicable(analysis.notApplicable);
    const exemptions = [...split.exemptions, ...(analysis.exemptions ?? [])].map((e) => located(reportExemption({ ...e, ...packOf(e) }), options.locations));
    const other = split.other.map((n): ReportNotApplicable => ({ policy: n.policy, reason: n.reason,
        ...(n.urn ? { urn: n.urn } : {}), ...(n.type ? { type: n.type } : {}), ...(n.name ? { name: n.name } : {}), ...packOf(n) }));
    const enabled = policies.filter((p) => p.enforcementLevel !== "disabled");
    const counts = gateCounts(findings);
    const enabledNames = new Set(enabled.map((p) => p.name));
    const scopes = analysis.pack.policies.map((p) => ({ name: p.name, kind: p.kind, enabled: enabledNames.has(p.name),
        resourceTypes: options.resourceTypes?.get(p.name)?.resourceTypes, appliesTo: options.resourceTypes?.get(p.name)?.appliesTo }));
    const coverage = computeCoverage(options.subjects, scopes,
        // Other not-applicable answers do not count: the policy SDK gives one for every resource of a type a policy skips.
        [...findings, ...exemptions].flatMap((f) => f.urn ? [f.urn] : []).concat(options.judgedUrns ?? []));
    const report: Report = {
        schemaVersion: REPORT_SCHEMA_VERSION,
        tool: { name: "prodready", version: toolVersion() },
        source: options.source,
        pack: { name: analysis.pack.name, version: analysis.pack.version },
        ...(analysis.packs ? { packs: analysis.packs } : {}),
        summary: {
            resources: analysis.resources,
            policies: enabled.length,
            mandatory: counts.mandatory,
            advisory: counts.advisory,
            unknown: counts.unknown,
            notVerified: counts.notVerified,
            exempt: exemptions.length,
            ...coverage,
            passed: counts.passed,
        },
        policies: [...policies].sort((a, b) => a.name.localeCompare(b.name)),
        findings,
        exemptions: sortedByPolicyThenUrn(exemptions),
        notApplicable: sortedByPolicyThenUrn(other),
        score: computeScore(options.catalog, enabled, findings, exemptions),
    };
    const stood = options.standIns ? withStandIns(report, options.standIns) : report;
    const stepped = options.steps ? withSteps(stood, options.steps) : stood;
    return options.stacks ? { ...stepped, stacks: [...options.stacks] } : stepped;
}

/** Puts each finding's step on it and counts the steps of the run's resources. */
function withSteps(report: Report, steps: NonNullable<AnalysisReportOptions["steps"]>): Report {
    const counts: Partial<Record<Step, number>> = {};
    for (const step of [...steps.of.values(), ...steps.deletes.map((d) => d.step)]) {
        counts[step] = (counts[step] ?? 0) + 1;
    }
    const findings = report.findings.map((f) => {
        const step = f.urn ? steps.of.get(f.urn) : undefined;
        return step ? { ...f, step } : f;
    });
    return { ...report, findings, steps: { state: steps.state, counts, deletes: [...steps.deletes] } };
}

/** Says on each finding which stand-ins its verdict may rest on, and lists the functions answered with them. */
function withStandIns(report: Report, standIns: StandIns): Report {
    const findings = report.findings.map((f) => {
        const on = f.urn ? standIns.dependencies.get(f.urn) : undefined;
        return on ? { ...f, message: `${f.message} (judged with stand-ins for what the provider computes for ${on.join(", ")})`, standIns: [...on] } : f;
    });
    const functions = [...new Set(standIns.functions)].sort();
    return { ...report, findings, summary: { ...report.summary, ...(functions.length > 0 ? { standInFunctions: functions } : {}) } };
}

/** Groups findings by policy, then by resource, in the report's order. */
export function findingsByPolicy(report: Report): Array<{ policy: ReportPolicy | undefined; name: string; findings: ReportFinding[] }> {
    const groups = new Map<string, ReportFinding[]>();
    for (const f of report.findings) {
        const group = groups.get(f.policy);
        if (group) {
            group.push(f);
        } else {
            groups.set(f.policy, [f]);
        }
    }
    const policies = new Map(report.policies.map((p) => [p.name, p]));
    return [...groups].map(([name, findings]) => ({ name, policy: policies.get(name), findings }));
}

/**
 * Disabled policies that cite a P0 item of the checklist catalog (an item's priority is the
 * catalog's, which the score carries): what the run did not check of the go-live blockers.
 */
export function disabledP0Policies(report: Report): string[] {
    const p0 = new Set(report.score.items.filter((i) => i.priority === "P0").map((i) => i.id));
    return report.policies.filter((p) => p.enforcementLevel === "disabled" && p.checklist.some((id) => p0.has(id))).map((p) => p.name);
}

/** The policies that fail a P0 checklist item of the run: when the gate passes, advisory ones. */
export function failingP0Policies(report: Report): string[] {
    const failing = report.score.items.filter((i) => i.priority === "P0" && i.status === "failing");
    const violated = new Set(report.findings.filter((f) => f.outcome === "violation").map((f) => f.policy));
    return [...new Set(failing.flatMap((i) => i.policies.filter((p) => violated.has(p))))].sort();
}

/** Unknown findings of policies that fail the run on a violation, let pass by `allowUnknown`. */
export function allowedUnknowns(report: Report): ReportFinding[] {
    const allowed = new Set(report.policies.filter((p) => p.allowUnknown && failsRun(p.enforcementLevel)).map((p) => p.name));
    return report.findings.filter((f) => f.outcome === "unknown" && allowed.has(f.policy));
}

/** The packs that ran, as reports name them: `production-readiness@v0.1.0, team-rules@v1.2.0`. */
export function packsLabel(report: Pick<Report, "pack" | "packs">): string {
    return (report.packs ?? [report.pack]).map((p) => `${p.name}@v${p.version}`).join(", ");
}

/** Where a finding is: `type: name`, or `stack`. */
export function where(item: { type?: string; name?: string; urn?: string }): string {
    return item.name ? `${item.type ?? "resource"}: ${item.name}` : "stack";
}
