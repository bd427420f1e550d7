import type { ProgramRun, RecordedResource } from "../program/records";
import { EnforcementLevel, PolicyConfigInfo, resolvePolicyConfig } from "./config";
import { AnalyzerHost, call } from "./host";
import { parseUnknownResources } from "../../policies/lib/unknowns";

/* eslint-disable @typescript-eslint/no-require-imports */
const analyzerProto = require("@pulumi/pulumi/proto/analyzer_pb");
const { Struct } = require("google-protobuf/google/protobuf/struct_pb");
const { Empty } = require("google-protobuf/google/protobuf/empty_pb");

export const UNKNOWN = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";
const SIG = "4dabf18193072939515e22adb298388d";
const RESOURCE_SIG = "5cf8f73096256a8f31e491e813e4eb8e";

const LEVELS: Record<number, EnforcementLevel> = { 0: "advisory", 1: "mandatory", 2: "disabled", 3: "remediate" };
const LEVEL_NUMBERS: Record<EnforcementLevel, number> = { advisory: 0, mandatory: 1, disabled: 2, remediate: 3 };
const SEVERITIES = ["", "low", "medium", "high", "critical"];

/** The pack's description of itself (GetAnalyzerInfo). */
export interface PackInfo {
    name: string;
    version: string;
    policies: PolicyInfo[];
}

export interface PolicyInfo extends PolicyConfigInfo {
    description: string;
    severity: string;
    kind: "resource" | "stack";
    tags: string[];
    remediationSteps: string;
    framework?: { name: string; version: string; reference: string; specification: string };
}

/** One diagnostic the pack returned; `unknown` when the policy hit a value unknown during preview. */
export interface Finding {
    policy: string;
    level: EnforcementLevel;
    outcome: "violation" | "unknown";
    message: string;
    urn?: string;
    type?: string;
    name?: string;
    severity: string;
    description: string;
}

/** A policy that declared itself not applicable to a resource (or the stack), with its reason. */
export interface NotApplicable {
    policy: string;
    reason: string;
    urn?: string;
    type?: string;
    name?: string;
}

export interface Analysis {
    pack: PackInfo;
    resources: number;
    findings: Finding[];
    notApplicable: NotApplicable[];
    /** The enforcement level each policy ran with after the policy-pack config. */
    levels: Record<string, EnforcementLevel>;
    durationMillis: number;
}

/** Thrown when a policy fails on a resource (the engine fails the preview the same way). */
export class PolicyRuntimeError extends Error {
    constructor(message: string) {
        super(message);
        this.name = "PolicyRuntimeError";
    }
}

function readPackInfo(info: any): PackInfo {
    return {
        name: info.getName(),
        version: info.getVersion(),
        policies: info.getPoliciesList().map((p: any) => {
            const framework = p.getFramework();
            const schema = p.getConfigschema();
            return {
                name: p.getName(),
                description: p.getDescription(),
                enforcementLevel: LEVELS[p.getEnforcementlevel()],
                severity: SEVERITIES[p.getSeverity()] ?? "",
                kind: p.getPolicyType() === analyzerProto.PolicyType.POLICY_TYPE_STACK ? "stack" : "resource",
                tags: p.getTagsList(),
                remediationSteps: p.getRemediationSteps(),
                configSchema: schema ? { properties: schema.getProperties()?.toJavaScript() ?? {}, required: schema.getRequiredList() } : undefined,
                framework: framework ? {
                    name: framework.getName(), version: framework.getVersion(),
                    reference: framework.getReference(), specification: framework.getSpecification(),
                } : undefined,
            } satisfies PolicyInfo;
        }),
    };
}

/**
 * Shapes values as the engine marshals them for analyzers: resource references become the
 * resource's ID (unknown during preview) or a component's URN, and internal `__` keys are dropped.
 * Unknowns and secrets pass through; the policy SDK unwraps them.
 */
function downgradeReferences(value: unknown): unknown {
    if (Array.isArray(value)) {
        return value.map(downgradeReferences);
    }
    if (value !== null && typeof value === "object") {
        const obj = value as Record<string, unknown>;
        if (obj[SIG] === RESOURCE_SIG) {
            if ("id" in obj) {
                return obj.id === "" || obj.id === undefined ? UNKNOWN : downgradeReferences(obj.id);
            }
            return obj.urn;
        }
        const out: Record<string, unknown> = {};
        for (const [k, v] of Object.entries(obj)) {
            if (!k.startsWith("__")) {
                out[k] = downgradeReferences(v);
            }
        }
        return out;
    }
    return value;
}

function durationSeconds(text: string): number {
    // Custom timeouts arrive as Go durations ("5m", "1h30m"); the analyzer wants seconds.
    let seconds = 0;
    for (const [, amount, unit] of text.matchAll(/(\d+(?:\.\d+)?)(h|ms|m|s)/g)) {
        seconds += Number(amount) * ({ h: 3600, m: 60, s: 1, ms: 0.001 } as Record<string, number>)[unit];
    }
    return Math.floor(seconds);
}

function resourceOptions(r: RecordedResource): any {
    const options = new analyzerProto.AnalyzerResourceOptions();
    options.setProtect(r.options.protect);
    options.setIgnorechangesList(r.options.ignoreChanges);
    options.setDeletebeforereplace(r.options.deleteBeforeReplace);
    options.setDeletebeforereplacedefined(r.options.deleteBeforeReplaceDefined);
    options.setAdditionalsecretoutputsList(r.options.additionalSecretOutputs);
    options.setAliasesList(r.options.aliases);
    const timeouts = new analyzerProto.AnalyzerResourceOptions.CustomTimeouts();
    timeouts.setCreate(durationSeconds(r.options.customTimeouts.create));
    timeouts.setUpdate(durationSeconds(r.options.customTimeouts.update));
    timeouts.setDelete(durationSeconds(r.options.customTimeouts.delete));
    options.setCustomtimeouts(timeouts);
    if (r.parent) {
        options.setParent(r.parent);
    }
    return options;
}

/** Adds the default providers the engine would create for resources that name no provider. */
export function withDefaultProviders(run: ProgramRun, config: Record<string, string>): { resources: RecordedResource[]; providerOf: Map<string, RecordedResource> } {
    const resources: RecordedResource[] = [];
    const byUrn = new Map(run.resources.map((r) => [r.urn, r]));
    const defaults = new Map<string, RecordedResource>();
    const providerOf = new Map<string, RecordedResource>();
    for (const r of run.resources) {
        if (!r.custom || r.type.startsWith("pulumi:providers:")) {
            resources.push(r);
            continue;
        }
        let provider: RecordedResource | undefined;
        if (r.provider) {
            provider = byUrn.get(r.provider.split("::").slice(0, -1).join("::"));
        } else {
            const pkg = r.type.split(":")[0];
            const key = `${pkg}@${r.version ?? ""}`;
            provider = defaults.get(key);
            if (!provider) {
                const name = `default${r.version ? `_${r.version.replace(/[.-]/g, "_")}` : ""}`;
                const inputs: Record<string, unknown> = {};
                for (const [k, v] of Object.entries(config)) {
                    if (k.startsWith(`${pkg}:`)) {
                        inputs[k.slice(pkg.length + 1)] = v;
                    }
                }
                if (r.version) {
                    inputs.version = r.version;
                }
                provider = {
                    urn: `urn:pulumi:${run.stack}::${run.project}::pulumi:providers:${pkg}::${name}`,
                    type: `pulumi:providers:${pkg}`, name, custom: true, remote: false, inputs,
                    dependencies: [], propertyDependencies: {},
                    options: { protect: false, ignoreChanges: [], deleteBeforeReplace: false, deleteBeforeReplaceDefined: false, additionalSecretOutputs: [], aliases: [], customTimeouts: { create: "", update: "", delete: "" } },
                };
                defaults.set(key, provider);
                resources.push(provider);
            }
        }
        if (provider) {
            providerOf.set(r.urn, provider);
        }
        resources.push(r);
    }
    return { resources, providerOf };
}

/**
 * Builds the protobuf parts of each resource once: its properties go into both its Analyze and the
 * AnalyzeStack request, and a provider's message is shared by every resource it manages.
 */
class RequestParts {
    private readonly properties = new Map<RecordedResource, any>();
    private readonly providers = new Map<RecordedResource, any>();

    propertiesOf(r: RecordedResource): any {
        let struct = this.properties.get(r);
        if (!struct) {
            struct = Struct.fromJavaScript(downgradeReferences(r.inputs));
            this.properties.set(r, struct);
        }
        return struct;
    }

    providerOf(provider: RecordedResource): any {
        let message = this.providers.get(provider);
        if (!message) {
            message = new analyzerProto.AnalyzerProviderResource();
            message.setType(provider.type);
            message.setName(provider.name);
            message.setUrn(provider.urn);
            message.setProperties(this.propertiesOf(provider));
            this.providers.set(provider, message);
        }
        return message;
    }

    /** Sets what AnalyzeRequest and AnalyzerResource have in common. */
    fill<T>(message: T & Record<string, (value: any) => void>, r: RecordedResource, provider: RecordedResource | undefined): T {
        message.setType(r.type);
        message.setName(r.name);
        message.setUrn(r.urn);
        message.setProperties(this.propertiesOf(r));
        message.setOptions(resourceOptions(r));
        if (provider) {
            message.setProvider(this.providerOf(provider));
        }
        return message;
    }
}

function analyzeRequest(parts: RequestParts, r: RecordedResource, provider: RecordedResource | undefined): any {
    return parts.fill(new analyzerProto.AnalyzeRequest(), r, provider);
}

function stackResource(parts: RequestParts, r: RecordedResource, provider: RecordedResource | undefined): any {
    const res = parts.fill(new analyzerProto.AnalyzerResource(), r, provider);
    if (r.parent) {
        res.setParent(r.parent);
    }
    res.setDependenciesList(r.dependencies);
    const deps = res.getPropertydependenciesMap();
    for (const [key, urns] of Object.entries(r.propertyDependencies)) {
        const d = new analyzerProto.AnalyzerPropertyDependencies();
        d.setUrnsList(urns);
        deps.set(key, d);
    }
    return res;
}

/** Fetches the pack's info and configures it: the first half of what the engine does with an analyzer. */
export async function configurePack(host: AnalyzerHost, packConfig: unknown, configSource?: string): Promise<{ pack: PackInfo; levels: Record<string, EnforcementLevel> }> {
    await call(host.client, "getPluginInfo", new Empty());
    const pack = readPackInfo(await call(host.client, "getAnalyzerInfo", new Empty()));
    const resolved = resolvePolicyConfig(pack.policies, packConfig, configSource);
    const request = new analyzerProto.ConfigureAnalyzerRequest();
    const map = request.getPolicyconfigMap();
    const levels: Record<string, EnforcementLevel> = {};
    for (const [name, config] of resolved) {
        const policyConfig = new analyzerProto.PolicyConfig();
        policyConfig.setEnforcementlevel(LEVEL_NUMBERS[config.enforcementLevel]);
        policyConfig.setProperties(Struct.fromJavaScript(config.properties));
        map.set(name, policyConfig);
        levels[name] = config.enforcementLevel;
    }
    await call(host.client, "configure", request);
    return { pack, levels };
}

/**
 * A stack policy reports the resources whose own values are unknown in one diagnostic
 * (policies/lib/unknowns.ts): each of them becomes its own "unknown" finding.
 */
function perResource(finding: Finding, byUrn: Map<string, RecordedResource>): Finding[] {
    if (finding.outcome !== "unknown" || finding.urn) {
        return [finding];
    }
    const urns = parseUnknownResources(finding.message);
    if (urns.length === 0) {
        return [finding];
    }
    return urns.map((urn) => ({ ...finding, urn, type: byUrn.get(urn)?.type, name: byUrn.get(urn)?.name }));
}

function findings(response: any, subject: RecordedResource | undefined, byUrn: Map<string, RecordedResource>): Finding[] {
    return response.getDiagnosticsList().flatMap((d: any): Finding[] => {
        const urn: string = d.getUrn() || subject?.urn || "";
        const resource = byUrn.get(urn) ?? subject;
        // The policy SDK sends "<description>\n<message>"; keep the message on its own.
        const description: string = d.getDescription();
        const raw: string = d.getMessage();
        const message = description && raw.startsWith(`${description}\n`) ? raw.slice(description.length + 1) : raw;
        return perResource({
            policy: d.getPolicyname(),
            level: LEVELS[d.getEnforcementlevel()],
            // The SDK reports a policy that touched an unknown value with this advisory message.
            outcome: /^can't run policy '[^']+' from policy pack '[^']+' during preview/.test(message) ? "unknown" : "violation",
            message,
            urn: urn || undefined,
            type: resource?.type,
            name: resource?.name,
            severity: SEVERITIES[d.getSeverity()] ?? "",
            description,
        }, byUrn);
    });
}

function notApplicable(response: any, subject: RecordedResource | undefined): NotApplicable[] {
    return response.getNotApplicableList().map((n: any): NotApplicable => ({
        policy: n.getPolicyName(),
        reason: n.getReason(),
        urn: subject?.urn,
        type: subject?.type,
        name: subject?.name,
    }));
}

/** The policy SDK's error on one line: which policy failed and why, without the gRPC code or stack frames. */
function grpcCause(err: unknown): string {
    const message = err instanceof Error ? err.message : String(err);
    return message.replace(/^\d+ [A-Z_]+: /, "")
        .split("\n")
        .map((line) => line.trim())
        .filter((line) => line !== "" && !line.startsWith("at "))
        .join(" ");
}

async function inParallel<T>(items: readonly T[], limit: number, work: (item: T) => Promise<void>): Promise<void> {
    let next = 0;
    const workers = Array.from({ length: Math.min(limit, items.length) }, async () => {
        while (next < items.length) {
            const item = items[next++];
            await work(item);
        }
    });
    await Promise.all(workers);
}

export interface AnalyzeOptions {
    packConfig?: unknown;
    configSource?: string;
    config?: Record<string, string>;
    dryRun?: boolean;
    /** Analyze calls in flight at once. */
    concurrency?: number;
}

/** Runs the Analyzer protocol over a program's resources, as the engine does during a preview. */
export async function analyzeRun(host: AnalyzerHost, run: ProgramRun, options: AnalyzeOptions = {}): Promise<Analysis> {
    const started = process.hrtime.bigint();
    const { pack, levels } = await configurePack(host, options.packConfig, options.configSource);
    const stackConfig = new analyzerProto.AnalyzerStackConfigureRequest();
    stackConfig.setStack(run.stack);
    stackConfig.setProject(run.project);
    stackConfig.setDryRun(options.dryRun ?? true);
    await call(host.client, "configureStack", stackConfig).catch(() => undefined);

    const { resources, providerOf } = withDefaultProviders(run, options.config ?? {});
    const byUrn = new Map(resources.map((r) => [r.urn, r]));
    const parts = new RequestParts();
    const results: Finding[][] = new Array(resources.length);
    const skipped: NotApplicable[][] = new Array(resources.length);
    const order = new Map(resources.map((r, i) => [r, i]));
    await inParallel(resources, options.concurrency ?? 64, async (r) => {
        try {
            const response = await call(host.client, "analyze", analyzeRequest(parts, r, providerOf.get(r.urn)));
            results[order.get(r)!] = findings(response, r, byUrn);
            skipped[order.get(r)!] = notApplicable(response, r);
        } catch (err) {
            throw new PolicyRuntimeError(`a policy failed on ${r.type} "${r.name}": ${grpcCause(err)}`);
        }
    });
    const stackRequest = new analyzerProto.AnalyzeStackRequest();
    stackRequest.setResourcesList(resources.map((r) => stackResource(parts, r, providerOf.get(r.urn))));
    let stackFindings: Finding[];
    let stackSkipped: NotApplicable[];
    try {
        const response = await call(host.client, "analyzeStack", stackRequest);
        stackFindings = findings(response, undefined, byUrn);
        stackSkipped = notApplicable(response, undefined);
    } catch (err) {
        throw new PolicyRuntimeError(`a stack policy failed: ${grpcCause(err)}`);
    }
    return {
        pack,
        resources: resources.length,
        findings: [...results.flat(), ...stackFindings],
        notApplicable: [...skipped.flat(), ...stackSkipped],
        levels,
        durationMillis: Number(process.hrtime.bigint() - started) / 1e6,
    };
}
