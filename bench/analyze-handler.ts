// The pack's Analyze handler (policies/serving/analyze-handler.ts) against the SDK's
// makeAnalyzeRpcFun, in one process: both behind Analyze by type with the encoded answers, as the
// pack serves them, over the same 10,000-resource stack's requests, alternating, CPU seconds per
// pass (decoding each request and encoding each response included, gRPC left out).
//   npm run build && npx ts-node --transpile-only bench/analyze-handler.ts
//   BENCH_PAIRS (default 5), BENCH_SIZES (default 10000; the largest is used).
import { createHash } from "crypto";
import * as path from "path";
import * as analyzerProto from "@pulumi/pulumi/proto/analyzer_pb";
import { Struct } from "google-protobuf/google/protobuf/struct_pb";
import { withDefaultProviders } from "../src/analyzer/default-providers";
import { readPackInfo } from "../src/analyzer/pack-info";
import { analyzeRequest, RequestParts } from "../src/analyzer/requests";
import { WIRE_LEVEL } from "../src/analyzer/wire";
import { resolvePolicyConfig } from "../src/pack/config";
import { loadProject, runProgram } from "../src/program";
import type * as AnalyzeHandler from "../policies/serving/analyze-handler";
import type * as Served from "../policies/serving/served-handlers";
import type * as SharedProperties from "../policies/serving/shared-properties";
import type * as TypeDispatch from "../policies/serving/type-dispatch";
import type * as Registry from "../policies/registry";
import { syntheticStack } from "./synthetic-stack";

const ROOT = path.resolve(__dirname, "..");
// The compiled pack, as the analyzer runs it.
const BIN = path.join(ROOT, "policies", "bin");
const PAIRS = Number(process.env.BENCH_PAIRS ?? 5);
const SIZE = Math.max(...(process.env.BENCH_SIZES ?? "10000").split(",").map(Number));

/* eslint-disable @typescript-eslint/no-require-imports */
const load = <T>(module: string) => require(path.join(BIN, module)) as T;
const { sdkDirectory } = load<{ sdkDirectory(from?: string): string }>("serving/pinned-sdk");
const SDK = sdkDirectory(BIN);
const server = require(path.join(SDK, "server.js")) as Served.ServerModule;
const { isResourcePolicy } = require(path.join(SDK, "policy.js")) as { isResourcePolicy(p: object): boolean };
const grpc = require(require.resolve("@grpc/grpc-js", { paths: [SDK] })) as { Server: { prototype: Record<string, unknown> } };
/* eslint-enable @typescript-eslint/no-require-imports */

type Handler = Served.Handler;

/** The SDK's served handlers with the pack's serving changes, and the Analyze maker they use. */
function servedPack(policies: readonly Served.ServedPolicy[]): { implementation: Served.Implementation; make: Served.MakeHandler } {
    load<typeof SharedProperties>("serving/shared-properties").shareDeserializedProperties({}, SDK);
    load<typeof AnalyzeHandler>("serving/analyze-handler").serveAnalyzeHandler({}, SDK);
    let served: { implementation: Served.Implementation; make: Served.MakeHandler } | undefined;
    load<typeof Served>("serving/served-handlers").replaceServedHandlers(SDK, "the bench's view", (implementation, _pack, withMaker) => {
        served = { implementation, make: withMaker.makeAnalyzeRpcFun };
        return implementation;
    });
    const proto = grpc.Server.prototype;
    const { addService, bindAsync } = proto;
    proto.addService = () => undefined;
    proto.bindAsync = () => undefined;
    try {
        server.serve("production-readiness", "0.1.0", "advisory", { policies }, undefined);
    } finally {
        proto.addService = addService;
        proto.bindAsync = bindAsync;
    }
    return served!;
}

function call(handler: Handler, request: unknown): Promise<{ serializeBinary(): Uint8Array }> {
    return new Promise((resolve, reject) => handler({ request }, (err, response) => (err ? reject(err) : resolve(response as { serializeBinary(): Uint8Array }))));
}

/** Configures the pack with every policy's defaults, as `prodready preview` does. */
async function configure(implementation: Served.Implementation): Promise<void> {
    const info = await call(implementation.getAnalyzerInfo, new analyzerProto.AnalyzerInfo()) as unknown as analyzerProto.AnalyzerInfo;
    const request = new analyzerProto.ConfigureAnalyzerRequest();
    for (const [name, config] of resolvePolicyConfig(readPackInfo(info).policies, {})) {
        const policyConfig = new analyzerProto.PolicyConfig();
        policyConfig.setEnforcementlevel(WIRE_LEVEL[config.enforcementLevel]);
        policyConfig.setProperties(Struct.fromJavaScript(config.properties as Record<string, never>));
        request.getPolicyconfigMap().set(name, policyConfig);
    }
    await call(implementation.configure, request);
}

/** One pass over every request, 64 at a time as the CLI sends them: CPU seconds and a digest of the answers. */
async function pass(handler: Handler, requests: readonly Uint8Array[]): Promise<{ cpu: number; digest: string }> {
    const started = process.cpuUsage();
    const answers: Uint8Array[] = new Array(requests.length);
    let next = 0;
    await Promise.all(Array.from({ length: 64 }, async () => {
        while (next < requests.length) {
            const i = next++;
            answers[i] = (await call(handler, analyzerProto.AnalyzeRequest.deserializeBinary(requests[i]))).serializeBinary();
        }
    }));
    const used = process.cpuUsage(started);
    return { cpu: (used.user + used.system) / 1e6, digest: createHash("sha256").update(Buffer.concat(answers)).digest("hex") };
}

async function main(): Promise<void> {
    const policies = load<typeof Registry>("registry").loadPolicies();
    const { implementation, make } = servedPack(policies);
    await configure(implementation);
    const run = syntheticStack(await runProgram(loadProject(ROOT)), SIZE);
    const { resources, providerOf } = withDefaultProviders(run, {});
    const parts = new RequestParts();
    const requests = resources.map((r) => analyzeRequest(parts, r, providerOf.get(r.urn)).serializeBinary());
    const { analyzeByType } = load<typeof TypeDispatch>("serving/type-dispatch");
    const resourcePolicies = policies.filter((p) => isResourcePolicy(p));
    const own = analyzeByType(resourcePolicies, (some) => make("production-readiness", "0.1.0", "advisory", some), true);
    const sdk = analyzeByType(resourcePolicies, (some) => server.makeAnalyzeRpcFun("production-readiness", "0.1.0", "advisory", some), true);
    console.log(`| pair | pack's handler CPU s | SDK's handler CPU s | ratio | same bytes |\n| --- | --- | --- | --- | --- |`);
    const ratios: number[] = [];
    for (let i = 0; i < PAIRS; i++) {
        const a = await pass(own, requests);
        const b = await pass(sdk, requests);
        ratios.push(a.cpu / b.cpu);
        console.log(`| ${i + 1} | ${a.cpu.toFixed(2)} | ${b.cpu.toFixed(2)} | ${(a.cpu / b.cpu).toFixed(2)} | ${a.digest === b.digest} |`);
        if (a.digest !== b.digest) {
            process.exitCode = 1;
        }
    }
    const sorted = [...ratios].sort((x, y) => x - y);
    console.log(`\nmedian ratio over ${SIZE} resources: ${sorted[Math.floor(sorted.length / 2)].toFixed(2)}`);
}

main().catch((err) => {
    console.error(`bench failed: ${err instanceof Error ? err.stack : err}`);
    process.exitCode = 1;
});
