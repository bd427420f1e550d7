// prodready's Analyze handler, which sets up each resource's call once for every policy, must answer
// exactly as the SDK's makeAnalyzeRpcFun: the same bytes for verdicts, not-applicable answers,
// unknown values, exemptions and each configuration, and the same error for a policy that fails.
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import * as analyzerProto from "@pulumi/pulumi/proto/analyzer_pb";
import { Struct } from "google-protobuf/google/protobuf/struct_pb";
import { helmStyleCorpus } from "../../bench/corpus";
import { withDefaultProviders } from "../../src/analyzer/default-providers";
import { readPackInfo } from "../../src/analyzer/pack-info";
import { analyzeRequest, RequestParts } from "../../src/analyzer/requests";
import { WIRE_LEVEL } from "../../src/analyzer/wire";
import { manifestRun, parseManifest } from "../../src/manifests";
import { packConfigOf } from "../../src/pack/config-file";
import { resolvePolicyConfig } from "../../src/pack/config";
import type { ProgramRun } from "../../src/program/records";
import { ANALYZE_HANDLER_SWITCH, serveAnalyzeHandler } from "../../policies/serving/analyze-handler";
import { sdkDirectory } from "../../policies/serving/pinned-sdk";
import { Handler, Implementation, MakeHandler, replaceServedHandlers, ServedPolicy } from "../../policies/serving/served-handlers";
import { shareDeserializedProperties } from "../../policies/serving/shared-properties";
import { loadPolicies } from "../../policies/registry";
import { referenceRuns } from "../harness/stack";
import { HOSTILE_MANIFESTS } from "./hostile-manifests";

const SDK_DIR = sdkDirectory(path.join(__dirname, "..", "..", "policies"));
/* eslint-disable @typescript-eslint/no-require-imports */
const sdkServer = require(path.join(SDK_DIR, "server.js")) as { serve(...args: unknown[]): void; makeAnalyzeRpcFun: MakeHandler };
const grpc = require(require.resolve("@grpc/grpc-js", { paths: [SDK_DIR] })) as { Server: { prototype: Record<string, unknown> } };
const { unknownStringValue } = require(path.join(SDK_DIR, "proxy.js")) as { unknownStringValue: string };
/* eslint-enable @typescript-eslint/no-require-imports */

type Args = {
    type: string; name: string; urn: string; props: Record<string, any>; opts: object; provider?: { name: string; props: object };
    stackTags: ReadonlyMap<string, string>; getConfig(): Record<string, unknown>; notApplicable(reason?: string): never;
    isType(c: unknown): boolean; asType(c: unknown): unknown;
};
type Report = (message: unknown, urn?: string) => void;

const DEPLOYMENT = "kubernetes:apps/v1:Deployment";

/** Policies of every shape makeAnalyzeRpcFun treats apart, around the pack's own. */
function shapes(): ServedPolicy[] {
    const policy = (name: string, validateResource: unknown, extra: Record<string, unknown> = {}) =>
        ({ name, description: `${name} description`, enforcementLevel: "advisory", validateResource, ...extra }) as ServedPolicy;
    return [
        policy("sees-everything", (args: Args, report: Report) => report(`${args.type} ${args.name} ${args.urn} ${JSON.stringify(args.opts)} ${args.provider?.name ?? "no provider"}`), { severity: "low" }),
        policy("object-report", (args: Args, report: Report) => report({ message: `object ${args.name}`, urn: args.urn, severity: "critical", enforcementLevel: "mandatory" })),
        policy("renamed-report", (_args: Args, report: Report) => report({ name: "another-name", description: "another description" }, "urn:x")),
        policy("sometimes-not-applicable", (args: Args, report: Report) => (args.name.length % 2 ? args.notApplicable(`odd ${args.name}`) : report("even"))),
        policy("not-applicable-without-reason", (args: Args) => (args.name.length % 3 ? undefined : args.notApplicable())),
        policy("reads-deeply", (args: Args, report: Report) => report(JSON.stringify(args.props).slice(0, 200)), { enforcementLevel: "mandatory" }),
        policy("reads-provider", (args: Args, report: Report) => report(JSON.stringify(args.provider?.props ?? null).slice(0, 200))),
        policy("typed", Object.assign((args: Args, report: Report) => report(`deployment ${args.name}`), { __pulumiType: DEPLOYMENT })),
        policy("two-validations", [(_args: Args, report: Report) => report("first"), (args: Args) => args.notApplicable("second")]),
        policy("remediates-only", undefined, { remediateResource: () => undefined }),
        policy("remediate-level", (_args: Args, report: Report) => report("reported at remediate"), { enforcementLevel: "remediate" }),
        policy("pack-level", (_args: Args, report: Report) => report("no level of its own"), { enforcementLevel: undefined }),
        policy("configured", (args: Args, report: Report) => report(JSON.stringify(args.getConfig())), { configSchema: { properties: { limit: { type: "number", default: 2 } } } }),
        policy("stack-tags", (args: Args, report: Report) => report(JSON.stringify([...args.stackTags.entries()]))),
        policy("types", (args: Args, report: Report) => report(`${args.isType({ __pulumiType: DEPLOYMENT })} ${args.asType({ isInstance: (o: { __pulumiType: string }) => o.__pulumiType === args.type }) === args.props}`)),
        policy("later", async (args: Args, report: Report) => {
            await new Promise((resolve) => setImmediate(resolve));
            report(`later ${args.name}`);
        }),
        { name: "a-stack-policy", description: "d", enforcementLevel: "advisory", validateStack: () => undefined } as ServedPolicy,
    ];
}


/** Every resource of `run` as the engine sends it, and each again with an unknown value in its properties. */
function requests(run: ProgramRun): analyzerProto.AnalyzeRequest[] {
    const { resources, providerOf } = withDefaultProviders(run, {});
    const parts = new RequestParts();
    const list = resources.map((r) => analyzeRequest(parts, r, providerOf.get(r.urn)));
    const unknown = list.slice(0, 40).map((request) => {
        const copy = analyzerProto.AnalyzeRequest.deserializeBinary(request.serializeBinary());
        const props = copy.getProperties()?.toJavaScript() ?? {};
        const first = Object.keys(props)[0];
        copy.setProperties(Struct.fromJavaScript({ ...props, ...(first ? { [first]: unknownStringValue } : {}), spec: unknownStringValue, tags: { owner: unknownStringValue } }));
        return copy;
    });
    return [...list, ...unknown];
}

/** The handler's answer as the wire carries it, or its error's message without its stack frames. */
function answer(handler: Handler, request: unknown): Promise<string> {
    return new Promise((resolve) => {
        handler({ request }, (err, response) => {
            resolve(err ? `error: ${(err as Error).message.split("\n").filter((line) => !/^\s+at /.test(line)).join("\n")}` : Buffer.from((response as analyzerProto.AnalyzeResponse).serializeBinary()).toString("base64"));
        });
    });
}

function call(handler: Handler, request: unknown): Promise<unknown> {
    return new Promise((resolve, reject) => handler({ request }, (err, response) => (err ? reject(err) : resolve(response))));
}

describe("prodready's Analyze handler, against the SDK's makeAnalyzeRpcFun", () => {
    const policies = [...shapes(), ...loadPolicies()];
    let implementation: Implementation;
    let makeOwn: MakeHandler;
    let runs: Array<{ name: string; run: ProgramRun }>;

    beforeAll(async () => {
        // The pack's serving as it ships: properties shared, then this handler.
        shareDeserializedProperties({}, SDK_DIR);
        expect(serveAnalyzeHandler({}, SDK_DIR)).toEqual({ installed: true });
        replaceServedHandlers(SDK_DIR, "the test's view", (served, _pack, server) => {
            implementation = served;
            makeOwn = server.makeAnalyzeRpcFun;
            return served;
        });
        // The SDK's serve, its handlers kept and nothing bound.
        const proto = grpc.Server.prototype;
        const { addService, bindAsync } = proto;
        proto.addService = () => undefined;
        proto.bindAsync = () => undefined;
        try {
            sdkServer.serve("pack", "1.0.0", "advisory", { policies }, undefined);
        } finally {
            proto.addService = addService;
            proto.bindAsync = bindAsync;
        }
        const scenarios = ["aws-data-exposed-stores", "k8s-workload-privileged-container", "aws-edge-open-api"];
        const programs = await referenceRuns([undefined, ...scenarios]);
        runs = [
            { name: "the reference stack", run: programs[0] },
            ...scenarios.map((name, i) => ({ name, run: programs[i + 1] })),
            { name: "a Helm-style corpus", run: manifestRun(parseManifest(helmStyleCorpus(30), "corpus.yaml")) },
            { name: "hostile objects", run: manifestRun(parseManifest(HOSTILE_MANIFESTS, "hostile.yaml")) },
        ];
    }, 240_000);

    /** Configures the pack through its served handler, as the engine does. */
    async function configure(packConfig: unknown): Promise<void> {
        const pack = readPackInfo(await call(implementation.getAnalyzerInfo, new analyzerProto.AnalyzerInfo()) as analyzerProto.AnalyzerInfo);
        const request = new analyzerProto.ConfigureAnalyzerRequest();
        for (const [name, config] of resolvePolicyConfig(pack.policies, packConfig)) {
            const policyConfig = new analyzerProto.PolicyConfig();
            policyConfig.setEnforcementlevel(WIRE_LEVEL[config.enforcementLevel]);
            policyConfig.setProperties(Struct.fromJavaScript(config.properties as Record<string, never>));
            request.getPolicyconfigMap().set(name, policyConfig);
        }
        await call(implementation.configure, request);
    }

    /** Compares every request's answers; returns the decoded text of all of them. */
    async function compare(own: Handler, plain: Handler): Promise<string> {
        const seen: string[] = [];
        for (const { name, run } of runs) {
            for (const request of requests(run)) {
                const [mine, sdk] = await Promise.all([answer(own, request), answer(plain, request)]);
                if (mine !== sdk) {
                    throw new Error(`${name}, ${request.getUrn()}: the responses differ\n${mine}\n${sdk}`);
                }
                seen.push(Buffer.from(mine, "base64").toString("latin1"));
            }
        }
        return seen.join("\n");
    }

    const configs: Array<{ name: string; packConfig: unknown; everyShape?: boolean }> = [
        { name: "no configuration", packConfig: {}, everyShape: true },
        { name: "policies disabled and levels raised", packConfig: { "aws-s3-require-encryption": "disabled", "kubernetes-workload-disallow-privileged": "mandatory", "remediate-level": "disabled", "sees-everything": "mandatory" } },
        { name: "a profile", packConfig: packConfigOf({ profile: "pss-restricted" }).packConfig },
        { name: "settings and exemptions", packConfig: { configured: { enforcementLevel: "mandatory", limit: 3 }, "kubernetes-workload-require-resource-limits": { exemptions: [{ resource: "*", reason: "sized by the queue" }] } } },
    ];

    test.each(configs)("answers every resource with the SDK's bytes under $name", async ({ packConfig, everyShape }) => {
        await configure(packConfig);
        const own = makeOwn("pack", "1.0.0", "advisory", policies);
        const plain = sdkServer.makeAnalyzeRpcFun("pack", "1.0.0", "advisory", policies);
        const seen = await compare(own, plain);
        // The answers hold every shape of entry (a profile switches most policies off).
        for (const text of everyShape ? ["can't run policy", "Policy does not implement validateResource", "Policy only applies to resources of type", "odd ", "object ", "later ", "urn:pulumi:"] : []) {
            expect(seen).toContain(text);
        }
        // The served handler is the same one.
        expect(await compare(implementation.analyze, plain)).toBe(seen);
    }, 240_000);

    it("hands policies the stack's tags the SDK holds after each ConfigureStack", async () => {
        await configure({});
        const tagged = (tags: Record<string, string>) => {
            const request = new analyzerProto.AnalyzerStackConfigureRequest();
            for (const [k, v] of Object.entries(tags)) {
                request.getTagsMap().set(k, v);
            }
            return call(implementation.configureStack, request);
        };
        const request = requests(runs[0].run)[0];
        const tagPolicy = shapes().filter((p) => p.name === "stack-tags");
        const own = makeOwn("pack", "1.0.0", "advisory", tagPolicy);
        const plain = sdkServer.makeAnalyzeRpcFun("pack", "1.0.0", "advisory", tagPolicy);
        for (const tags of [{ team: "shop" }, {}, { team: "payments", tier: "1" }] as Array<Record<string, string>>) {
            await tagged(tags);
            const mine = await answer(own, request);
            expect(Buffer.from(mine, "base64").toString()).toContain(JSON.stringify(Object.entries(tags)).slice(1, -1));
            expect(mine).toBe(await answer(plain, request));
        }
    });

    it("fails as the SDK fails: a policy that throws, one that rejects, and a request the SDK cannot read", async () => {
        await configure({});
        const failing = (name: string, validateResource: unknown) => ({ name, description: "d", enforcementLevel: "mandatory", validateResource }) as ServedPolicy;
        const throws = failing("throws", (args: Args) => { if (args.name.includes("a")) throw new Error(`broken on ${args.name}`); });
        const rejects = failing("rejects", async () => { throw new TypeError("broken later"); });
        const throwsText = failing("throws-text", () => { throw "not an error"; });
        const request = requests(runs[0].run).find((r) => r.getName().includes("a"))!;
        for (const list of [[...shapes(), throws], [rejects, throws], [throwsText], [...shapes().slice(0, 3), throws, rejects]]) {
            const sdk = await answer(sdkServer.makeAnalyzeRpcFun("pack", "1.0.0", "advisory", list), request);
            expect(sdk).toMatch(/^error: Error validating resource with policy/);
            expect(await answer(makeOwn("pack", "1.0.0", "advisory", list), request)).toBe(sdk);
        }
        // No options: the SDK asks for a newer CLI, from the first policy that judges the resource.
        const bare = new analyzerProto.AnalyzeRequest();
        bare.setType(DEPLOYMENT);
        bare.setProperties(new Struct());
        const sdk = await answer(sdkServer.makeAnalyzeRpcFun("pack", "1.0.0", "advisory", policies), bare);
        expect(sdk).toMatch(/more recent version of the Pulumi CLI/);
        expect(await answer(makeOwn("pack", "1.0.0", "advisory", policies), bare)).toBe(sdk);
    });

    it("keeps the SDK's plain path, and says why, when switched off or on another SDK release", () => {
        expect(serveAnalyzeHandler({ [ANALYZE_HANDLER_SWITCH]: "0" })).toEqual({ installed: false, reason: `${ANALYZE_HANDLER_SWITCH}=0` });
        const dir = fs.mkdtempSync(path.join(os.tmpdir(), "prodready-sdk-"));
        fs.writeFileSync(path.join(dir, "package.json"), JSON.stringify({ name: "@pulumi/policy", version: "1.22.0" }));
        const outcome = serveAnalyzeHandler({}, dir);
        expect(outcome.installed).toBe(false);
        expect(!outcome.installed && outcome.reason).toMatch(/1\.22\.0/);
        fs.writeFileSync(path.join(dir, "package.json"), JSON.stringify({ name: "@pulumi/policy", version: "1.21.0" }));
        fs.writeFileSync(path.join(dir, "server.js"), "exports.serve = function (a, b, c, d, e) {};\n");
        expect(serveAnalyzeHandler({}, dir).installed).toBe(false);
        fs.rmSync(dir, { recursive: true, force: true });
    });
});
