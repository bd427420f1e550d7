// Reads what a real `pulumi preview --policy-pack <pack> --event-log <file>` wrote into the same
// Analysis as the embedded preview, and so into the same report. The event log is JSON lines of
// engine events (apitype.EngineEvent, sdk/go/common/apitype/events.go): each `policyEvent` is a
// violation, each `policyAnalyzeSummaryEvent` lists the resource policies that passed or failed on
// one resource, `resourcePreEvent` carries the resource's inputs. `pulumi preview --json` is recognised and
// refused: its digest (pkg/display/json.go, PreviewDigest) skips every policy event.
import Ajv from "ajv";
import * as fs from "fs";
import { aliasesOf, EnforcementLevel, resolvePolicyConfig, ResolvedPolicyConfig, unknownsAllowed } from "../pack/config";
import { plainPackConfig } from "../pack/config-file";
import type { Catalog } from "../catalog/catalog";
import type { Analysis, Exemption, Finding, PolicyInfo } from "./analysis";
import { CoverageSubject, isPolicySubject, matchesShape } from "./coverage";
import { parseUrn, Report, reportFromAnalysis, ReportFinding, where } from "./document";
import { loadPack, PackIdentity, PackPolicy, PolicyScope } from "../pack/load";
import { visibleLine } from "./safe";
import { checklistOf, isUnknownDuringPreview, parseUnknownResources, priorityOf } from "../../policies/lib/contract";

export { loadPack } from "../pack/load";

export class EventLogError extends Error {
    constructor(message: string) {
        super(message);
        this.name = "EventLogError";
    }
}

/** apitype.PolicyEvent */
export interface PolicyEvent {
    resourceUrn?: string;
    message: string;
    color: string;
    policyName: string;
    policyPackName: string;
    policyPackVersion: string;
    policyPackVersionTag: string;
    enforcementLevel: string;
    severity?: string;
    /**
     * The Pulumi policy exceptions that cover this violation, lowest id first (Pulumi 3.276 and
     * later: apitype.AppPolicyEventException of github.com/pulumi/pulumi-cloud-sdk/go/apitype). An
     * excepted violation fails no run, whatever its level.
     */
    exceptions?: PolicyEventException[];
}

/** apitype.AppPolicyEventException: the key of the exception in the policy pack's `exceptions` map, and its justification. */
export interface PolicyEventException {
    id: string;
    reason: string;
}

/** apitype.PolicyAnalyzeSummaryEvent */
export interface PolicyAnalyzeSummaryEvent {
    resourceUrn: string;
    policyPackName: string;
    policyPackVersion: string;
    policyPackVersionTag: string;
    passed?: string[];
    failed?: string[];
}

/** apitype.EngineEvent, the parts read here. */
export interface EngineEvent {
    sequence: number;
    timestamp: number;
    policyEvent?: PolicyEvent;
    policyAnalyzeSummaryEvent?: PolicyAnalyzeSummaryEvent;
    policyAnalyzeStackSummaryEvent?: Omit<PolicyAnalyzeSummaryEvent, "resourceUrn">;
    resourcePreEvent?: { metadata: { op: string; urn: string; type: string; new?: { custom?: boolean; inputs?: Record<string, unknown> | null } | null } };
    summaryEvent?: { maybeCorrupt: boolean; resourceChanges: Record<string, number> | null; isPreview?: boolean; PolicyPacks?: Record<string, string> };
    diagnosticEvent?: { urn?: string; message: string; severity: string };
    errorEvent?: { error: string };
    resOpFailedEvent?: { metadata?: { urn?: string } };
    [other: string]: unknown;
}

/** Where each event was read from (line of the file, or position in an `events` list), for error messages. */
const positions = new WeakMap<object, string>();

function positionOf(event: object, index: number): string {
    return positions.get(event) ?? `event ${index + 1}`;
}

const LEVELS = ["advisory", "mandatory", "remediate", "disabled"];
const URN = { type: "string", pattern: "^urn:pulumi:" };
const NAMES = { type: "array", items: { type: "string" } };
const PACK = { policyPackName: { type: "string" }, policyPackVersion: { type: "string" }, policyPackVersionTag: { type: "string" } };
const ANY_OBJECT = { type: "object" };

// The events of apitype.EngineEvent (sdk/go/common/apitype/events.go): exactly one kind per event.
// The kinds read here are checked field by field; newer engines may add fields, never change these.
// A field prodready does not know is refused in the events that decide a verdict (policy events and
// the policy summaries: Pulumi 3.276 added `exceptions`, which turns a violation into an exemption)
// and tolerated in the others.
const EVENT_SCHEMA = {
    type: "object",
    required: ["sequence", "timestamp"],
    minProperties: 3,
    maxProperties: 3,
    additionalProperties: false,
    properties: {
        sequence: { type: "integer" },
        timestamp: { type: "integer" },
        policyEvent: {
            type: "object",
            required: ["message", "policyName", "policyPackName", "policyPackVersion", "enforcementLevel"],
            additionalProperties: false,
            properties: {
                resourceUrn: URN, message: { type: "string" }, color: { type: "string" }, policyName: { type: "string", minLength: 1 },
                ...PACK, enforcementLevel: { enum: LEVELS }, severity: { enum: ["", "low", "medium", "high", "critical"] },
                exceptions: {
                    type: ["array", "null"],
                    items: {
                        type: "object", required: ["id", "reason"], additionalProperties: false,
                        properties: { id: { type: "string", minLength: 1 }, reason: { type: "string" } },
                    },
                },
            },
        },
        policyAnalyzeSummaryEvent: {
            type: "object", required: ["resourceUrn", "policyPackName", "policyPackVersion"], additionalProperties: false,
            properties: { resourceUrn: URN, ...PACK, passed: NAMES, failed: NAMES },
        },
        policyAnalyzeStackSummaryEvent: {
            type: "object", required: ["policyPackName", "policyPackVersion"], additionalProperties: false,
            properties: { ...PACK, passed: NAMES, failed: NAMES },
        },
        resourcePreEvent: {
            type: "object", required: ["metadata"],
            properties: {
                metadata: {
                    type: "object", required: ["op", "urn", "type"],
                    properties: {
                        op: { type: "string" }, urn: URN, type: { type: "string", minLength: 1 },
                        new: { type: ["object", "null"], properties: { custom: { type: "boolean" }, inputs: { type: ["object", "null"] } } },
                    },
                },
            },
        },
        summaryEvent: {
            type: "object", required: ["maybeCorrupt", "resourceChanges"],
            properties: { maybeCorrupt: { type: "boolean" }, durationSeconds: { type: "integer" }, resourceChanges: { type: ["object", "null"] }, isPreview: { type: "boolean" } },
        },
        diagnosticEvent: {
            type: "object", required: ["message", "severity"],
            properties: { urn: { type: "string" }, message: { type: "string" }, severity: { enum: ["debug", "info", "info#err", "warning", "error"] } },
        },
        errorEvent: { type: "object", required: ["error"], properties: { error: { type: "string" } } },
        cancelEvent: ANY_OBJECT, stdoutEvent: ANY_OBJECT, preludeEvent: ANY_OBJECT, resOutputsEvent: ANY_OBJECT, resOpFailedEvent: ANY_OBJECT,
        policyRemediationEvent: ANY_OBJECT, policyLoadEvent: ANY_OBJECT, policyRemediateSummaryEvent: ANY_OBJECT,
        startDebuggingEvent: ANY_OBJECT, progressEvent: ANY_OBJECT,
    },
} as const;

const validateEvent = new Ajv({ allErrors: false, strict: false }).compile(EVENT_SCHEMA);

/** The first thing wrong with an event, in words. */
function eventProblem(value: unknown): string | undefined {
    if (value === null || typeof value !== "object" || Array.isArray(value)) {
        return `is not an engine event (a JSON object), but ${value === null ? "null" : Array.isArray(value) ? "a list" : typeof value}`;
    }
    if (validateEvent(value)) {
        return undefined;
    }
    const error = validateEvent.errors![0];
    const at = error.instancePath.replace(/^\//, "").replace(/\//g, ".");
    if (error.keyword === "additionalProperties" && at === "") {
        return `has an event kind prodready does not know: "${visibleLine(String(error.params.additionalProperty))}"`;
    }
    if (error.keyword === "additionalProperties") {
        return `has a field prodready does not know in ${at}: "${visibleLine(String(error.params.additionalProperty))}", which may change the verdict ` +
            "(a newer Pulumi CLI than prodready reads): upgrade prodready";
    }
    if (error.keyword === "minProperties" || error.keyword === "maxProperties") {
        return "is not one engine event (it needs sequence, timestamp and exactly one event kind)";
    }
    if (error.keyword === "required") {
        return `has no "${error.params.missingProperty}"${at ? ` in ${at}` : ""}`;
    }
    return `has an unexpected ${at || "event"}: ${error.message}`;
}

function checked(value: unknown, file: string, where: string): EngineEvent {
    const problem = eventProblem(value);
    if (problem) {
        throw new EventLogError(`${file} ${where} ${problem}`);
    }
    positions.set(value as object, where);
    return value as EngineEvent;
}

/** Reads an event log (JSON lines, or a JSON object with an `events` list), checking every event's shape; refuses `pulumi preview --json`. */
export function readEvents(file: string): EngineEvent[] {
    let bytes: Buffer;
    try {
        bytes = fs.readFileSync(file);
    } catch (err) {
        const code = (err as NodeJS.ErrnoException).code;
        throw new EventLogError(`cannot read event log ${file}: ${code === "EISDIR" ? "EISDIR (it is a directory)" : code ?? (err as Error).message}`);
    }
    if (bytes.includes(0)) {
        throw new EventLogError(`${file} is not an event log: it is a binary file, not JSON lines`);
    }
    const text = bytes.toString("utf8").replace(/^\uFEFF/, "");
    const trimmed = text.trim();
    if (trimmed === "") {
        throw new EventLogError(`${file} is empty: the preview wrote no events`);
    }
    let doc: unknown;
    try {
        doc = JSON.parse(trimmed); // one JSON document (pretty-printed, or a single event)
    } catch {
        doc = undefined; // JSON lines
    }
    if (doc !== null && typeof doc === "object" && !Array.isArray(doc)) {
        const record = doc as Record<string, unknown>;
        if (Array.isArray(record.events)) {
            return record.events.map((e, i) => checked(e, file, `event ${i + 1}`));
        }
        if ("steps" in record || "diagnostics" in record || "changeSummary" in record) {
            throw new EventLogError(`${file} is \`pulumi preview --json\` output, which carries no policy results (the engine leaves policy events out of its JSON digest): run \`pulumi preview --policy-pack <pack> --event-log <file>\` and pass that file`);
        }
    }
    const events: EngineEvent[] = [];
    text.split("\n").forEach((line, i) => {
        if (line.trim() === "") {
            return;
        }
        let value: unknown;
        try {
            value = JSON.parse(line);
        } catch {
            // The parser's message quotes the line, which may hold anything: say where, not what.
            throw new EventLogError(`${file} line ${i + 1} is not a JSON engine event (not valid JSON)`);
        }
        events.push(checked(value, file, `line ${i + 1}`));
    });
    return events;
}

/** A message from the log on one line, safe for a terminal, cut to a readable length. */
function quote(message: string): string {
    const line = visibleLine(plainMessage(message).split("\n").map((l) => l.trim()).filter((l) => l !== "").join(" "));
    return line.length > 300 ? `${line.slice(0, 300)}...` : line;
}

/**
 * Refuses an event log that is not a complete, successful preview: cut before its summary event,
 * with an engine error, an internal error or a failed resource operation, or whose summaries name
 * failed policies it logged no event for.
 */
export function checkCompletePreview(events: readonly EngineEvent[], file: string): void {
    // The engine closes a preview that saw an error with "preview failed" on the stack (pkg/resource/
    // deploy/deployment_executor.go reportExecResult); a mandatory violation no exception covers is
    // such an error (step_generator.go sawError), and the one cause the report judges itself.
    const failsOnPolicy = events.some((e) => ["mandatory", "remediate"].includes(e.policyEvent?.enforcementLevel ?? "") && !e.policyEvent!.exceptions?.length);
    const closingPolicyFailure = (e: EngineEvent) => failsOnPolicy && !e.diagnosticEvent!.urn && plainMessage(e.diagnosticEvent!.message) === "preview failed";
    const failure = events.findIndex((e) => (e.diagnosticEvent?.severity === "error" && !closingPolicyFailure(e)) || e.errorEvent || e.resOpFailedEvent);
    if (failure >= 0) {
        const e = events[failure];
        const cause = e.diagnosticEvent ? quote(e.diagnosticEvent.message) : e.errorEvent ? quote(e.errorEvent.error) : `an operation failed on ${visibleLine(e.resOpFailedEvent?.metadata?.urn ?? "a resource")}`;
        throw new EventLogError(`${file}: the preview failed (${positionOf(e, failure)}): ${cause || "an engine error"}`);
    }
    const summary = events.find((e) => e.summaryEvent);
    if (!summary) {
        throw new EventLogError(`${file}: no summary event: the preview did not finish (a cut or partial event log)`);
    }
    if (summary.summaryEvent!.maybeCorrupt) {
        throw new EventLogError(`${file}: the engine marked the run as possibly corrupt`);
    }
    const violations = events.flatMap((e) => e.policyEvent ? [e.policyEvent] : []);
    events.forEach((e, i) => {
        const s = e.policyAnalyzeSummaryEvent ?? e.policyAnalyzeStackSummaryEvent;
        for (const policy of s?.failed ?? []) {
            const urn = e.policyAnalyzeSummaryEvent?.resourceUrn;
            if (!violations.some((v) => v.policyName === policy && (urn === undefined || v.resourceUrn === urn))) {
                throw new EventLogError(`${file} ${positionOf(e, i)}: the engine lists policy "${visibleLine(policy)}" as failed${urn ? ` on ${visibleLine(urn)}` : ""} but logged no policy event for it (an incomplete event log)`);
            }
        }
    });
}

const ROOT_STACK_TYPE = "pulumi:pulumi:Stack";

/** Text on one line, for a reason that reports parse back line by line. */
function oneLineText(text: string): string {
    return visibleLine(text.replace(/\s+/g, " ").trim());
}

/**
 * The exemption a violation covered by Pulumi policy exceptions becomes: their ids as its source,
 * their reasons as its reason (the engine lists them lowest id first).
 */
function exceptionNote(exceptions: readonly PolicyEventException[]): Pick<Exemption, "reason" | "source"> {
    const ids = exceptions.map((e) => oneLineText(e.id));
    const reasons = [...new Set(exceptions.map((e) => oneLineText(e.reason)).filter((r) => r !== ""))];
    return { reason: reasons.join("; ") || "no reason given", source: `Pulumi policy exception${ids.length > 1 ? "s" : ""} ${ids.join(", ")}` };
}

/** Removes the engine's colour directives (`<{%reset%}>`, `<{%fg 3%}>`) and the trailing newline. */
export function plainMessage(message: string): string {
    return message.replace(/<\{%[^%]*%\}>/g, "").replace(/\u001b\[[0-9;]*m/g, "").trim();
}

export interface EventLogOptions {
    catalog: Catalog;
    /** The pack that ran (default: prodready's), for its policies' metadata and exemption rules. */
    packDir: string;
    /** The policy-pack config the preview ran with (plain or version 2), for enforcement levels and config exemptions. */
    packConfig?: unknown;
    configSource?: string;
    target?: string;
}

/** The packs whose policy events a log holds, each once, in the order they first appear. */
function packsThatRan(events: readonly EngineEvent[]): Array<Required<PackIdentity>> {
    const packs = new Map<string, Required<PackIdentity>>();
    for (const e of events) {
        const p = e.policyEvent ?? e.policyAnalyzeSummaryEvent ?? e.policyAnalyzeStackSummaryEvent;
        if (p && !packs.has(`${p.policyPackName}\u0000${p.policyPackVersion}`)) {
            packs.set(`${p.policyPackName}\u0000${p.policyPackVersion}`, { name: p.policyPackName, version: p.policyPackVersion });
        }
    }
    return [...packs.values()];
}

/**
 * Refuses a log with no policy event, and one whose policy events do not all come from the local
 * pack (the same name and version): the types, levels and exemption rules the report reads from the
 * local pack would not be those of the pack that ran. Returns the pack that ran.
 */
export function checkPackIdentity(events: readonly EngineEvent[], local: PackIdentity | undefined, packDir: string, file: string): Required<PackIdentity> {
    const ran = packsThatRan(events);
    if (ran.length === 0) {
        throw new EventLogError(`${file} has no policy events: the preview ran without a policy pack; run \`pulumi preview --policy-pack <pack> --event-log <file>\` and pass that file`);
    }
    const label = (p: PackIdentity) => visibleLine(`${p.name}@${p.version}`);
    const ranLabel = `policy pack${ran.length > 1 ? "s" : ""} ${ran.map(label).join(", ")}`;
    const dir = visibleLine(packDir);
    if (!local?.name || !local.version) {
        throw new EventLogError(`${file}: the preview ran ${ranLabel}, but prodready cannot tell which pack ${dir} is (it needs the pack's registry, its entry's PACK_NAME and its package.json version): run \`prodready report --policy-pack <the directory of the pack that ran>\``);
    }
    const mine = ran.find((p) => p.name === local.name && p.version === local.version);
    if (!mine) {
        throw new EventLogError(`${file}: the preview ran ${ranLabel}, but the local pack ${dir} is ${label(local)}: run \`prodready report --policy-pack <the directory of the pack that ran>\`, or re-run the preview with \`--policy-pack ${dir}\``);
    }
    return mine;
}

/**
 * The packs of a log other than the one reported (an organisation's packs from Pulumi Cloud beside
 * the local one): their events are not scored, and the report says so.
 */
export function otherPacks(events: readonly EngineEvent[], reported: PackIdentity): string[] {
    return packsThatRan(events).filter((p) => p.name !== reported.name || p.version !== reported.version).map((p) => visibleLine(`${p.name}@${p.version}`));
}

/** Only the policy events of the reported pack; every other event as it is. */
function eventsOfPack(events: readonly EngineEvent[], reported: PackIdentity): EngineEvent[] {
    return events.filter((e) => {
        const p = e.policyEvent ?? e.policyAnalyzeSummaryEvent ?? e.policyAnalyzeStackSummaryEvent;
        return !p || (p.policyPackName === reported.name && p.policyPackVersion === reported.version);
    });
}

/** What an event log says of a run: its analysis, and what the report's coverage needs besides. */
export interface EventLogRun {
    analysis: Analysis;
    /** Every resource the engine stepped through or analyzed. */
    subjects: CoverageSubject[];
    /** The types each policy of the local pack judges or, for a stack policy, reads. */
    resourceTypes: Map<string, PolicyScope>;
    /** Resources judged by a policy the local pack does not have, known only by the engine's summaries. */
    judgedUrns: string[];
}

/** The analysis of a real `pulumi preview` from its event log; refuses a log of a preview that did not finish or failed. */
export function analysisFromEvents(allEvents: readonly EngineEvent[], options: Omit<EventLogOptions, "catalog">): EventLogRun {
    const file = options.target ?? "the event log";
    checkCompletePreview(allEvents, file);
    const pack = loadPack(options.packDir);
    const ran = checkPackIdentity(allEvents, pack?.identity(), options.packDir, file);
    const events = eventsOfPack(allEvents, ran);
    const policyEvents = events.map((e) => e.policyEvent).filter((e): e is PolicyEvent => e !== undefined);
    // A violation a Pulumi policy exception covers fails nothing: it is reported as an exemption.
    const violations = policyEvents.filter((v) => !v.exceptions?.length);
    const excepted = policyEvents.filter((v) => v.exceptions?.length);
    const summaries = events.map((e) => e.policyAnalyzeSummaryEvent).filter((e): e is PolicyAnalyzeSummaryEvent => e !== undefined);
    // Policies the local pack does not have (a build of the same version with other policies) keep their names only.
    const local = pack?.loadPolicies() ?? [];
    const resolved = local.length ? resolvePolicyConfig(local, plainPackConfig(options.packConfig, options.configSource), options.configSource) : new Map<string, ResolvedPolicyConfig>();
    // A log written before a policy was renamed names it by a former name: report it under the current one.
    const currentNames = new Map(local.flatMap((p) => aliasesOf(p).map((alias) => [alias, p.name] as const)));
    const canonical = (name: string) => currentNames.get(name) ?? name;
    // A stack policy names the types it reads too: only one without `validateStack` is told by its types.
    const resourcePolicies = new Set(local.filter((p) => p.validateResource !== undefined || (p.validateStack === undefined && p.resourceTypes !== undefined)).map((p) => p.name));
    events.forEach((e, i) => {
        // Only a stack policy may report on the stack as a whole; a resource policy's event names its resource.
        if (e.policyEvent && !e.policyEvent.resourceUrn && resourcePolicies.has(e.policyEvent.policyName)) {
            throw new EventLogError(`${file} ${positionOf(e, i)}: the policy event of resource policy "${visibleLine(e.policyEvent.policyName)}" names no resource (resourceUrn)`);
        }
    });
    const levels: Record<string, EnforcementLevel> = {};
    const policies: PolicyInfo[] = local.map((p) => {
        levels[p.name] = resolved.get(p.name)!.enforcementLevel;
        return {
            name: p.name, description: p.description, severity: p.severity ?? "",
            kind: resourcePolicies.has(p.name) ? "resource" as const : "stack" as const,
            enforcementLevel: p.enforcementLevel,
            // The policy objects carry them typed; a pack whose objects do not, in its tags.
            priority: p.priority ?? priorityOf(p.tags ?? []), checklist: p.checklist ?? checklistOf(p.framework?.reference),
            remediationSteps: p.remediationSteps ?? "", tags: p.tags ?? [],
        };
    });
    for (const name of new Set(policyEvents.map((v) => canonical(v.policyName)))) {
        if (!policies.some((p) => p.name === name)) {
            levels[name] = policyEvents.find((v) => canonical(v.policyName) === name)!.enforcementLevel as EnforcementLevel;
            // Whether it judges resources is not known: it counts as judging those the engine's summaries name (judgedUrns).
            policies.push({ name, description: "", severity: "", kind: "stack", checklist: [], remediationSteps: "", tags: [] });
        }
    }
    /** The resources a policy event is about (undefined: the stack as a whole). */
    const targetsOf = (v: PolicyEvent, message: string): Array<string | undefined> => {
        // The engine files a stack policy's finding that names no resource under the root stack's
        // URN; the embedded preview keeps it on the stack as a whole, and so does the report.
        const stackWide = !v.resourceUrn || (!resourcePolicies.has(canonical(v.policyName)) && parseUrn(v.resourceUrn).type === ROOT_STACK_TYPE);
        // A stack policy lists the resources it could not judge in one diagnostic: one finding each.
        const unknownUrns = isUnknownDuringPreview(message) && stackWide ? parseUnknownResources(message) : [];
        return unknownUrns.length ? unknownUrns : [stackWide ? undefined : v.resourceUrn];
    };
    const findings: Finding[] = violations.flatMap((v) => {
        const message = plainMessage(v.message);
        const outcome = isUnknownDuringPreview(message) ? "unknown" as const : "violation" as const;
        return targetsOf(v, message).map((urn) => {
            const { type, name } = urn ? parseUrn(urn) : {};
            return {
                policy: canonical(v.policyName), level: v.enforcementLevel as EnforcementLevel, outcome, message,
                ...(urn ? { urn } : {}), ...(type ? { type } : {}), ...(name ? { name } : {}), severity: v.severity ?? "", description: "",
            };
        });
    });
    const exemptions: Exemption[] = excepted.flatMap((v) => targetsOf(v, plainMessage(v.message)).map((urn) => {
        const { type, name } = urn ? parseUrn(urn) : {};
        return { policy: canonical(v.policyName), ...exceptionNote(v.exceptions!), urn, type, name };
    }));
    // Every resource the engine stepped through, and any it analyzed. The engine sends no analyzer a
    // resource it deletes or reads (an existing one the program only looks up).
    const subjects = new Map<string, CoverageSubject & { inputs: Record<string, unknown> }>();
    for (const e of events) {
        const m = e.resourcePreEvent?.metadata;
        if (m && m.new && !/^(delete|discard|remove|read)/.test(m.op) && !subjects.has(m.urn)) {
            subjects.set(m.urn, { urn: m.urn, type: m.type, custom: m.new.custom === true, inputs: m.new.inputs ?? {} });
        }
    }
    for (const s of summaries) {
        if (!subjects.has(s.resourceUrn)) {
            subjects.set(s.resourceUrn, { urn: s.resourceUrn, type: parseUrn(s.resourceUrn).type ?? "", inputs: {} });
        }
    }
    // What the log proves of each resource: the policies its summary lists as passed or failed, and
    // those that reported on it.
    const verdicts = new Map<string, Set<string>>();
    const proven = (urn: string, names: readonly string[]) => {
        const known = verdicts.get(urn) ?? new Set<string>();
        names.forEach((n) => known.add(canonical(n)));
        verdicts.set(urn, known);
    };
    summaries.forEach((s) => proven(s.resourceUrn, [...(s.passed ?? []), ...(s.failed ?? [])]));
    [...findings, ...exemptions].filter((f) => f.urn).forEach((f) => proven(f.urn!, [f.policy]));
    // The engine writes a summary of each resource it analyzes: a resource with neither a summary nor
    // any event of the pack was never analyzed. A log with no summary at all cannot tell.
    if (summaries.length > 0) {
        for (const s of subjects.values()) {
            s.notAnalyzed = !verdicts.has(s.urn) && isPolicySubject(s);
        }
    }
    // Each enabled resource policy must have a verdict on each resource it judges. The engine records a
    // not-applicable policy only by its absence from the resource's summary, without the reason: the
    // exemptions are worked out again with the pack's own rules and the run's inputs. A policy still
    // unaccounted for has no verdict: an unknown, not verified when its violation fails the run.
    const noVerdict: Finding[] = [];
    const enabled = local.filter((p) => resourcePolicies.has(p.name) && levels[p.name] !== "disabled");
    const byType = new Map<string, PackPolicy[]>();
    enabled.forEach((p) => (p.resourceTypes ?? []).forEach((t) => byType.set(t, [...(byType.get(t) ?? []), p])));
    const byShape = enabled.filter((p) => p.appliesTo);
    for (const s of [...subjects.values()].filter(isPolicySubject)) {
        const { name } = parseUrn(s.urn);
        const judging = new Set([...(byType.get(s.type) ?? []), ...byShape.filter((p) => matchesShape(p, s))]);
        for (const p of [...judging].filter((x) => !verdicts.get(s.urn)?.has(x.name))) {
            const { exempt } = pack?.decide?.(p.name, { type: s.type, name: name ?? "", urn: s.urn, props: s.inputs }, resolved.get(p.name)?.properties.exemptions) ?? {};
            // A pack whose exemption rules cannot say why (no exemptionReason) gives no exemption.
            if (exempt && pack?.exemptionReason) {
                exemptions.push({ policy: p.name, reason: exempt.reason, source: exempt.source, ...(exempt.expires ? { expires: exempt.expires } : {}), urn: s.urn, type: s.type, name });
                continue;
            }
            noVerdict.push({
                policy: p.name, level: levels[p.name], outcome: "unknown", noVerdict: true,
                message: s.notAnalyzed
                    ? "the pack did not analyze this resource: the event log has no policy summary or event of it"
                    : "the event log lists the policy neither as passed nor as failed on this resource, and this report's policy-pack config " +
                      "neither disables it nor exempts the resource (did the preview run with another config, or another build of the pack?)",
                urn: s.urn, type: s.type, ...(name ? { name } : {}), severity: p.severity ?? "", description: "",
            });
        }
    }
    return {
        analysis: {
            pack: { name: ran.name, version: ran.version, policies },
            resources: subjects.size,
            findings: [...findings, ...noVerdict],
            notApplicable: [],
            exemptions,
            levels,
            allowUnknown: unknownsAllowed(resolved),
            // The log does not say how long the pack took.
            durationMillis: 0,
        },
        subjects: [...subjects.values()],
        resourceTypes: new Map(local.filter((p) => p.resourceTypes)
            .map((p) => [p.name, { resourceTypes: p.resourceTypes!, ...(p.appliesTo ? { appliesTo: p.appliesTo } : {}) }] as const)),
        // A policy the local pack does not have is known only by the engine's summary of the resources it analyzed.
        judgedUrns: summaries.filter((s) => [...(s.passed ?? []), ...(s.failed ?? [])].some((name) => !local.some((l) => l.name === name))).map((s) => s.resourceUrn),
    };
}

/** The report of a real `pulumi preview` from its event log; refuses a log of a preview that did not finish or failed. */
export function reportFromEvents(events: readonly EngineEvent[], options: EventLogOptions): Report {
    const { analysis, subjects, resourceTypes, judgedUrns } = analysisFromEvents(events, options);
    return reportFromAnalysis(analysis, {
        catalog: options.catalog,
        source: { kind: "event-log", ...(options.target ? { target: options.target } : {}) },
        subjects, resourceTypes, judgedUrns,
    });
}

/**
 * One line per policy the event log holds no verdict of on resources it judges: how many, and one of
 * them; on a policy whose violation fails the run, those resources are not verified.
 */
export function missingVerdicts(report: Report): string[] {
    const byPolicy = new Map<string, ReportFinding[]>();
    for (const f of report.findings.filter((x) => x.noVerdict)) {
        byPolicy.set(f.policy, [...(byPolicy.get(f.policy) ?? []), f]);
    }
    return [...byPolicy].map(([policy, found]) => {
        const level = report.policies.find((p) => p.name === policy)?.enforcementLevel ?? found[0].enforcementLevel;
        return `${visibleLine(policy)} (${visibleLine(level)}) did not run on ${found.length} resource${found.length === 1 ? "" : "s"} it judges, ` +
            `e.g. ${visibleLine(where(found[0]))}: the event log holds no verdict of it there${found[0].notVerified ? "; not verified, so the run fails" : ""}`;
    });
}
