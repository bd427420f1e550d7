// The engine's side of the Analyzer protocol during a preview: configure the pack, send each
// resource to Analyze and the whole stack to AnalyzeStack, and collect the answers.
import * as analyzerProto from "@pulumi/pulumi/proto/analyzer_pb";
import { Struct } from "google-protobuf/google/protobuf/struct_pb";
import type { ProgramRun } from "../program/records";
import type { Analysis, Finding, NotApplicable, PackInfo } from "../report/analysis";
import { EnforcementLevel, resolvePolicyConfig } from "../pack/config";
import { withDefaultProviders } from "./default-providers";
import type { AnalyzerHost } from "./host";
import { readPackInfo } from "./pack-info";
import { analyzeRequest, RequestParts, stackResource } from "./requests";
import { findingsOf, grpcCause, notApplicableOf } from "./responses";
import { WIRE_LEVEL } from "./wire";

/** Thrown when a policy fails on a resource (the engine fails the preview the same way). */
export class PolicyRuntimeError extends Error {
    constructor(message: string) {
        super(message);
        this.name = "PolicyRuntimeError";
    }
}

/** Fetches the pack's info and configures it: the first half of what the engine does with an analyzer. */
export interface ConfiguredPack {
    pack: PackInfo;
    levels: Record<string, EnforcementLevel>;
    /** The Configure request sent, to send again where the pack is shared (see AnalyzerHost.exclusive). */
    request: analyzerProto.ConfigureAnalyzerRequest;
}

export async function configurePack(host: AnalyzerHost, packConfig: unknown, configSource?: string): Promise<ConfiguredPack> {
    await host.connection.getPluginInfo();
    const pack = readPackInfo(await host.connection.getAnalyzerInfo());
    const resolved = resolvePolicyConfig(pack.policies, packConfig, configSource);
    const request = new analyzerProto.ConfigureAnalyzerRequest();
    const map = request.getPolicyconfigMap();
    const levels: Record<string, EnforcementLevel> = {};
    for (const [name, config] of resolved) {
        const policyConfig = new analyzerProto.PolicyConfig();
        policyConfig.setEnforcementlevel(WIRE_LEVEL[config.enforcementLevel]);
        policyConfig.setProperties(Struct.fromJavaScript(config.properties as Record<string, never>));
        map.set(name, policyConfig);
        levels[name] = config.enforcementLevel;
    }
    await host.connection.configure(request);
    return { pack, levels, request };
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
    /** The pack, already configured by configurePack; otherwise it is configured with packConfig first. */
    configured?: ConfiguredPack;
    packConfig?: unknown;
    configSource?: string;
    config?: Record<string, string>;
    dryRun?: boolean;
    /** Analyze calls in flight at once. */
    concurrency?: number;
    /** Told how many resources have been analyzed, of all, as they are. */
    onJudged?: (done: number, total: number) => void;
}

/** Runs the Analyzer protocol over a program's resources, as the engine does during a preview. */
export async function analyzeRun(host: AnalyzerHost, run: ProgramRun, options: AnalyzeOptions = {}): Promise<Analysis> {
    if (!host.exclusive) {
        return analyzeOnce(host, run, options);
    }
    return host.exclusive(async () => {
        // A shared pack may have been configured for another run since: configure it again.
        if (options.configured) {
            await host.connection.configure(options.configured.request);
        }
        return analyzeOnce(host, run, options);
    });
}

async function analyzeOnce(host: AnalyzerHost, run: ProgramRun, options: AnalyzeOptions): Promise<Analysis> {
    const started = process.hrtime.bigint();
    const { pack, levels } = options.configured ?? await configurePack(host, options.packConfig, options.configSource);
    const stackConfig = new analyzerProto.AnalyzerStackConfigureRequest();
    stackConfig.setStack(run.stack);
    stackConfig.setProject(run.project);
    stackConfig.setDryRun(options.dryRun ?? true);
    await host.connection.configureStack(stackConfig).catch(() => undefined);

    const { resources, providerOf } = withDefaultProviders(run, options.config ?? {});
    const byUrn = new Map(resources.map((r) => [r.urn, r]));
    const parts = new RequestParts(host.plainProperties);
    const results: Finding[][] = new Array(resources.length);
    const skipped: NotApplicable[][] = new Array(resources.length);
    const order = new Map(resources.map((r, i) => [r, i]));
    let judged = 0;
    await inParallel(resources, options.concurrency ?? 64, async (r) => {
        try {
            const response = await host.connection.analyze(analyzeRequest(parts, r, providerOf.get(r.urn)));
            results[order.get(r)!] = findingsOf(response, r, byUrn);
            skipped[order.get(r)!] = notApplicableOf(response, r);
            options.onJudged?.(++judged, resources.length);
        } catch (err) {
            throw new PolicyRuntimeError(`a policy failed on ${r.type} "${r.name}": ${grpcCause(err)}`);
        }
    });
    const stackRequest = new analyzerProto.AnalyzeStackRequest();
    stackRequest.setResourcesList(resources.map((r) => stackResource(parts, r, providerOf.get(r.urn))));
    let stackFindings: Finding[];
    let stackSkipped: NotApplicable[];
    try {
        const response = await host.connection.analyzeStack(stackRequest);
        stackFindings = findingsOf(response, undefined, byUrn);
        stackSkipped = notApplicableOf(response, undefined);
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
