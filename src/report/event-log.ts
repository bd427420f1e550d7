// Reads what a real `pulumi preview --policy-pack <pack> --event-log <file>` wrote, and turns it into
// the same report as the embedded preview. The event log is JSON lines of engine events
// (apitype.EngineEvent, sdk/go/common/apitype/events.go): each `policyEvent` is a violation, each
// `policyAnalyzeSummaryEvent` lists the resource policies that passed or failed on one resource,
// `resourcePreEvent` carries the resource's inputs. `pulumi preview --json` is recognised and
// refused: its digest (pkg/display/json.go, PreviewDigest) skips every policy event.
import * as fs from "fs";
import * as path from "path";
import { resolvePolicyConfig } from "../analyzer/config";
import type { Catalog } from "../catalog/catalog";
import { buildReport, parseUrn, Report, ReportFinding, ReportNotApplicable, ReportPolicy, priorityOf, checklistOf } from "./document";

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
    resourcePreEvent?: { metadata: { urn: string; type: string; new?: { inputs?: Record<string, unknown> } } };
    summaryEvent?: unknown;
    [other: string]: unknown;
}

/** A policy of the pack as the registry loads it (policies/registry.ts). */
interface PackPolicy {
    name: string;
    description: string;
    enforcementLevel?: string;
    severity?: string;
    tags?: string[];
    remediationSteps?: string;
    framework?: { reference?: string };
    configSchema?: { properties?: Record<string, object>; required?: string[] };
    resourceTypes?: readonly string[];
}

interface PackModules {
    loadPolicies(root?: string): PackPolicy[];
    decide?: (policy: string, resource: { type: string; name: string; urn: string; props: Record<string, unknown> }, configured: unknown) => { exempt?: { reason: string; expires?: string; source: string } };
    exemptionReason?: (entry: { reason: string; expires?: string; source: string }, urn?: string) => string;
}

/** The pack's policies and exemption rules, loaded in-process from its compiled bin/ (or its sources under ts-node/jest). */
export function loadPack(packDir: string): PackModules | undefined {
    const roots = __filename.endsWith(".ts") ? [packDir, path.join(packDir, "bin")] : [path.join(packDir, "bin")];
    for (const root of roots) {
        const ext = root === packDir ? ".ts" : ".js";
        if (fs.existsSync(path.join(root, `registry${ext}`))) {
            /* eslint-disable @typescript-eslint/no-require-imports */
            const registry = require(path.join(root, `registry${ext}`));
            const exemptions = fs.existsSync(path.join(root, "lib", `exemptions${ext}`)) ? require(path.join(root, "lib", `exemptions${ext}`)) : {};
            /* eslint-enable @typescript-eslint/no-require-imports */
            return { loadPolicies: () => registry.loadPolicies(root), decide: exemptions.decide, exemptionReason: exemptions.exemptionReason };
        }
    }
    return undefined;
}

/** Reads an event log (JSON lines, or a JSON object with an `events` list); refuses `pulumi preview --json`. */
export function readEvents(file: string): EngineEvent[] {
    let text: string;
    try {
        text = fs.readFileSync(file, "utf8");
    } catch (err) {
        throw new EventLogError(`cannot read ${file}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`);
    }
    const trimmed = text.trim();
    let doc: unknown;
    try {
        doc = JSON.parse(trimmed); // one JSON document (pretty-printed, or a single event)
    } catch {
        doc = undefined; // JSON lines
    }
    if (doc !== null && typeof doc === "object" && !Array.isArray(doc)) {
        const record = doc as Record<string, unknown>;
        if (Array.isArray(record.events)) {
            return record.events as EngineEvent[];
        }
        if ("steps" in record || "diagnostics" in record || "changeSummary" in record) {
            throw new EventLogError(`${file} is \`pulumi preview --json\` output, which carries no policy results (the engine leaves policy events out of its JSON digest): run \`pulumi preview --policy-pack <pack> --event-log <file>\` and pass that file`);
        }
        return [record as EngineEvent];
    }
    return trimmed.split("\n").filter((l) => l.trim() !== "").map((line, i) => {
        try {
            return JSON.parse(line) as EngineEvent;
        } catch (err) {
            throw new EventLogError(`${file} line ${i + 1} is not a JSON engine event: ${(err as Error).message}`);
        }
    });
}

/** Removes the engine's colour directives (`<{%reset%}>`, `<{%fg 3%}>`) and the trailing newline. */
export function plainMessage(message: string): string {
    return message.replace(/<\{%[^%]*%\}>/g, "").replace(/\u001b\[[0-9;]*m/g, "").trim();
}

export interface EventLogOptions {
    catalog: Catalog;
    /** The pack that ran (default: prodready's), for its policies' metadata and exemption rules. */
    packDir: string;
    /** The policy-pack config the preview ran with, for enforcement levels and config exemptions. */
    packConfig?: unknown;
    configSource?: string;
    target?: string;
}

/** The report of a real `pulumi preview` from its event log. */
export function reportFromEvents(events: readonly EngineEvent[], options: EventLogOptions): Report {
    const violations = events.map((e) => e.policyEvent).filter((e): e is PolicyEvent => e !== undefined);
    const summaries = events.map((e) => e.policyAnalyzeSummaryEvent).filter((e): e is PolicyAnalyzeSummaryEvent => e !== undefined);
    const packEvent = violations[0] ?? summaries[0];
    if (!packEvent) {
        throw new EventLogError("the event log has no policy events: was the preview run with --policy-pack?");
    }
    const pack = loadPack(options.packDir);
    // Policies the local pack does not have (another pack's) keep their names only.
    const local = pack?.loadPolicies() ?? [];
    const resolved = local.length ? resolvePolicyConfig(local, options.packConfig, options.configSource) : new Map();
    const policies: ReportPolicy[] = local.map((p) => ({
        name: p.name, description: p.description, severity: p.severity ?? "",
        enforcementLevel: resolved.get(p.name)?.enforcementLevel ?? p.enforcementLevel ?? "advisory",
        priority: priorityOf(p.tags ?? []), checklist: checklistOf(p.framework?.reference),
        remediationSteps: p.remediationSteps ?? "", tags: p.tags ?? [],
    }));
    for (const name of new Set(violations.map((v) => v.policyName))) {
        if (!policies.some((p) => p.name === name)) {
            const level = violations.find((v) => v.policyName === name)!.enforcementLevel;
            policies.push({ name, description: "", severity: "", enforcementLevel: level, checklist: [], remediationSteps: "", tags: [] });
        }
    }
    const findings: ReportFinding[] = violations.map((v) => {
        const message = plainMessage(v.message);
        const { type, name } = v.resourceUrn ? parseUrn(v.resourceUrn) : {};
        return {
            policy: v.policyName,
            outcome: /^can't run policy '[^']+' from policy pack '[^']+' during preview/.test(message) ? "unknown" : "violation",
            enforcementLevel: v.enforcementLevel, severity: v.severity ?? "", message,
            ...(v.resourceUrn ? { urn: v.resourceUrn } : {}), ...(type ? { type } : {}), ...(name ? { name } : {}),
        };
    });
    // The engine records a not-applicable policy only by its absence from a resource's summary, without
    // the reason: the exemptions are worked out again with the pack's own rules and the run's inputs.
    const notApplicable: ReportNotApplicable[] = [];
    if (pack?.decide && pack.exemptionReason) {
        const inputs = new Map(events.flatMap((e) => e.resourcePreEvent ? [[e.resourcePreEvent.metadata.urn, { type: e.resourcePreEvent.metadata.type, inputs: e.resourcePreEvent.metadata.new?.inputs ?? {} }] as const] : []));
        for (const s of summaries) {
            const resource = inputs.get(s.resourceUrn);
            const { type, name } = parseUrn(s.resourceUrn);
            for (const p of local.filter((x) => x.resourceTypes && type && x.resourceTypes.includes(type))) {
                if (resolved.get(p.name)?.enforcementLevel === "disabled" || s.passed?.includes(p.name) || s.failed?.includes(p.name)) {
                    continue;
                }
                const { exempt } = pack.decide(p.name, { type: type!, name: name ?? "", urn: s.resourceUrn, props: resource?.inputs ?? {} }, resolved.get(p.name)?.properties.exemptions);
                if (exempt) {
                    notApplicable.push({ policy: p.name, reason: pack.exemptionReason(exempt), urn: s.resourceUrn, type, name });
                }
            }
        }
    }
    return buildReport({
        source: { kind: "event-log", ...(options.target ? { target: options.target } : {}) },
        pack: { name: packEvent.policyPackName, version: packEvent.policyPackVersion },
        resources: summaries.length ? new Set(summaries.map((s) => s.resourceUrn)).size : undefined,
        policies,
        findings,
        notApplicable,
        catalog: options.catalog,
    });
}
