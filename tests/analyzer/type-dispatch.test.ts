// The pack serves Analyze per resource type with only the policies whose answer can be something,
// with its own handler, keeps the SDK's not-applicable answers encoded, builds the stack's resources
// once per AnalyzeStack and loads policy modules on first use: the engine must receive exactly the
// responses the SDK's plain path sends (every one of those changes switched off).
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { helmStyleCorpus } from "../../bench/corpus";
import type { AnalyzeResponse } from "@pulumi/pulumi/proto/analyzer_pb";
import { AnalyzerConnection, AnalyzerHost, startAnalyzer } from "../../src/analyzer/host";
import { analyzeRun } from "../../src/analyzer/session";
import { manifestRun, parseManifest } from "../../src/manifests";
import { DEFAULT_PACK_DIR } from "../../src/pack/load";
import { packConfigOf } from "../../src/pack/config-file";
import { loadProject, runProgram } from "../../src/program";
import type { ProgramRun } from "../../src/program/records";
import { ANALYZE_HANDLER_SWITCH } from "../../policies/serving/analyze-handler";
import { ENCODED_ANSWERS_SWITCH } from "../../policies/serving/encoded-answers";
import { LAZY_ARBORIST_SWITCH, LAZY_TYPESCRIPT_SWITCH } from "../../policies/serving/lazy-closure-modules";
import { LAZY_POLICIES_SWITCH } from "../../policies/serving/policy-index";
import { SHARED_PROPERTIES_SWITCH } from "../../policies/serving/shared-properties";
import { SHARED_STACK_SWITCH } from "../../policies/serving/shared-stack";
import { dispatchAnalyzeByType, policiesAnswering, TYPE_DISPATCH_SWITCH } from "../../policies/serving/type-dispatch";
import { ROOT } from "../harness/stack";
import { HOSTILE_MANIFESTS } from "./hostile-manifests";

type Message = { serializeBinary(): Uint8Array };

/** The host's connection, recording each Analyze and AnalyzeStack response as it came off the wire. */
function recording(host: AnalyzerHost): { host: AnalyzerHost; responses: Map<string, string> } {
    const responses = new Map<string, string>();
    const record = (key: string, response: Message) => {
        responses.set(key, Buffer.from(response.serializeBinary()).toString("base64"));
        return response;
    };
    const connection: AnalyzerConnection = {
        ...host.connection,
        analyze: async (request) => record(request.getUrn(), await host.connection.analyze(request)) as AnalyzeResponse,
        analyzeStack: async (request) => record("analyzeStack", await host.connection.analyzeStack(request)) as AnalyzeResponse,
        getAnalyzerInfo: async () => record("getAnalyzerInfo", await host.connection.getAnalyzerInfo()) as Awaited<ReturnType<AnalyzerConnection["getAnalyzerInfo"]>>,
    };
    return { host: { ...host, connection }, responses };
}


/** Every change to how the pack is served switched off: the SDK's plain path. */
const PLAIN = {
    [TYPE_DISPATCH_SWITCH]: "0", [ENCODED_ANSWERS_SWITCH]: "0", [SHARED_STACK_SWITCH]: "0",
    [SHARED_PROPERTIES_SWITCH]: "0", [LAZY_POLICIES_SWITCH]: "0", [LAZY_ARBORIST_SWITCH]: "0", [LAZY_TYPESCRIPT_SWITCH]: "0",
    [ANALYZE_HANDLER_SWITCH]: "0",
};

describe("the pack's serving changes, against the SDK's plain path", () => {
    let byType: AnalyzerHost;
    let plain: AnalyzerHost;
    let reference: ProgramRun;
    beforeAll(async () => {
        [byType, plain, reference] = await Promise.all([
            startAnalyzer(DEFAULT_PACK_DIR),
            startAnalyzer(DEFAULT_PACK_DIR, { env: PLAIN }),
            runProgram(loadProject(ROOT)),
        ]);
    });
    afterAll(async () => {
        await Promise.all([byType?.stop(), plain?.stop()]);
    });

    // Disabled policies of both shapes: one naming a single type, one naming several.
    const disabling = { "aws-s3-require-encryption": "disabled", "kubernetes-workload-disallow-privileged": "disabled" };
    const cases: Array<{ name: string; run: () => ProgramRun; packConfig?: unknown }> = [
        { name: "the reference stack", run: () => reference },
        { name: "the reference stack with policies disabled", run: () => reference, packConfig: disabling },
        { name: "a Helm-style corpus under a profile", run: () => manifestRun(parseManifest(helmStyleCorpus(40), "corpus.yaml")), packConfig: packConfigOf({ profile: "pss-restricted" }).packConfig },
        { name: "hostile objects", run: () => manifestRun(parseManifest(HOSTILE_MANIFESTS, "hostile.yaml")), packConfig: disabling },
    ];

    test.each(cases)("answers $name with the SDK's responses, byte for byte", async ({ run, packConfig }) => {
        const recorded = run();
        const fast = recording(byType);
        const slow = recording(plain);
        await analyzeRun(fast.host, recorded, { packConfig });
        await analyzeRun(slow.host, recorded, { packConfig });
        expect(fast.responses.size).toBeGreaterThan(recorded.resources.length / 2);
        expect(fast.responses.has("getAnalyzerInfo") && fast.responses.has("analyzeStack")).toBe(true);
        expect([...fast.responses.entries()].sort()).toEqual([...slow.responses.entries()].sort());
    });

    it("leaves out only policies that name several other types and judge nothing else", () => {
        const judgeAll = { name: "all", validateResource: () => undefined };
        const several = { name: "workloads", validateResource: () => undefined, resourceTypes: ["kubernetes:core/v1:Pod", "kubernetes:apps/v1:Deployment"] };
        const single = { name: "pods", validateResource: Object.assign(() => undefined, { __pulumiType: "kubernetes:core/v1:Pod" }), resourceTypes: ["kubernetes:core/v1:Pod"] };
        const custom = { name: "custom", validateResource: () => undefined, resourceTypes: ["kubernetes:core/v1:Pod"], appliesTo: () => true };
        const stack = { name: "stack", validateStack: () => undefined };
        const policies = [judgeAll, several, single, custom, stack];
        expect(policiesAnswering(policies, "kubernetes:core/v1:Pod").map((p) => p.name)).toEqual(["all", "workloads", "pods", "custom", "stack"]);
        expect(policiesAnswering(policies, "aws:s3/bucket:Bucket").map((p) => p.name)).toEqual(["all", "pods", "custom", "stack"]);
    });

    it("keeps the SDK's plain path, and says why, when switched off or on another SDK release", () => {
        expect(dispatchAnalyzeByType({ [TYPE_DISPATCH_SWITCH]: "0" })).toEqual({ dispatched: false, reason: `${TYPE_DISPATCH_SWITCH}=0` });
        const dir = fs.mkdtempSync(path.join(os.tmpdir(), "prodready-sdk-"));
        fs.writeFileSync(path.join(dir, "package.json"), JSON.stringify({ name: "@pulumi/policy", version: "1.22.0" }));
        const outcome = dispatchAnalyzeByType({}, dir);
        expect(outcome.dispatched).toBe(false);
        expect(!outcome.dispatched && outcome.reason).toMatch(/1\.22\.0/);
        fs.writeFileSync(path.join(dir, "package.json"), JSON.stringify({ name: "@pulumi/policy", version: "1.21.0" }));
        fs.writeFileSync(path.join(dir, "server.js"), "exports.serve = function () {};\n");
        const misshapen = dispatchAnalyzeByType({}, dir);
        expect(misshapen.dispatched).toBe(false);
        fs.rmSync(dir, { recursive: true, force: true });
    });
});
