// The in-process analyzer and the shared deserialization must give exactly the verdicts of the pack
// served as a process over gRPC, the way the Pulumi engine serves it.
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { Struct } from "google-protobuf/google/protobuf/struct_pb";
import { helmStyleCorpus } from "../../bench/corpus";
import { AnalyzerHost, startAnalyzer } from "../../src/analyzer/host";
import { InProcessUnavailable, packInProcess, startInProcessAnalyzer } from "../../src/analyzer/in-process";
import { analyzeRun } from "../../src/analyzer/session";
import { manifestRun, parseManifest } from "../../src/manifests";
import { DEFAULT_PACK_DIR } from "../../src/pack/load";
import { packConfigOf } from "../../src/pack/config-file";
import { comparableVerdicts } from "../harness/stack";
import type { ProgramRun } from "../../src/program/records";
import { deserializeOnce, shareDeserializedProperties, SHARED_PROPERTIES_SWITCH } from "../../policies/serving/shared-properties";
import { policiesJudging } from "../../policies/serving/type-dispatch";


// Objects that meet many policies at once, and values a careless fast path would judge differently:
// the unknown-value sentinel and secret markers as plain text, credentials in a ConfigMap, a List.
const HOSTILE = `apiVersion: v1
kind: List
items:
  - apiVersion: v1
    kind: ConfigMap
    metadata: {name: odd, namespace: shop}
    data:
      SENTINEL: 04da6b54-80e4-46f7-96ec-b56ff0331ba9
      SECRET_MARKER: 1b47061264138c4ac30d75fd1eb44270
      AWS_SECRET_ACCESS_KEY: wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY
  - apiVersion: v1
    kind: Pod
    metadata: {name: root, namespace: default, annotations: {prodready.dev/exempt: "kubernetes-workload-require-resource-limits=batch job, sized by the queue"}}
    spec:
      hostNetwork: true
      containers:
        - {name: app, image: "busybox", securityContext: {privileged: true, runAsUser: 0}, ports: [{containerPort: 22}]}
  - apiVersion: example.com/v1
    kind: Widget
    metadata: {name: custom}
    spec: {template: {spec: {containers: [{name: w, image: "w:latest"}]}}}
`;

const CASES: Array<{ name: string; run: () => ProgramRun; config?: { profile?: string }; exempting?: string }> = [
    { name: "a Helm-style corpus", run: () => manifestRun(parseManifest(helmStyleCorpus(120), "corpus.yaml")) },
    { name: "hostile objects", run: () => manifestRun(parseManifest(HOSTILE, "hostile.yaml")), exempting: "batch job" },
    { name: "a Helm-style corpus under the restricted profile", run: () => manifestRun(parseManifest(helmStyleCorpus(60), "corpus.yaml")), config: { profile: "pss-restricted" } },
];

describe("the in-process analyzer", () => {
    let grpcHost: AnalyzerHost;
    let plainHost: AnalyzerHost;
    beforeAll(async () => {
        [grpcHost, plainHost] = await Promise.all([
            startAnalyzer(DEFAULT_PACK_DIR),
            startAnalyzer(DEFAULT_PACK_DIR, { env: { [SHARED_PROPERTIES_SWITCH]: "0" } }),
        ]);
    });
    afterAll(async () => {
        await Promise.all([grpcHost?.stop(), plainHost?.stop()]);
    });

    test.each(CASES)("judges $name exactly as the pack served over gRPC, with and without shared properties", async ({ run, config, exempting }) => {
        const recorded = run();
        const { packConfig } = packConfigOf(config ?? {});
        const inProcess = await analyzeRun(startInProcessAnalyzer(DEFAULT_PACK_DIR), recorded, { packConfig });
        const overGrpc = await analyzeRun(grpcHost, recorded, { packConfig });
        const plain = await analyzeRun(plainHost, recorded, { packConfig });
        expect(comparableVerdicts(inProcess)).toEqual(comparableVerdicts(overGrpc));
        expect(comparableVerdicts(overGrpc)).toEqual(comparableVerdicts(plain));
        expect(overGrpc.findings.filter((f) => f.outcome === "violation").length).toBeGreaterThan(0);
        if (exempting) {
            expect(inProcess.notApplicable.map((n) => n.reason)).toContainEqual(expect.stringContaining(exempting));
        }
    });

    it("runs analyses one at a time, each with its own configuration", async () => {
        const host = startInProcessAnalyzer(DEFAULT_PACK_DIR);
        const recorded = manifestRun(parseManifest(helmStyleCorpus(60), "corpus.yaml"));
        const off = { all: "disabled" };
        const [judged, silent] = await Promise.all([analyzeRun(host, recorded, {}), analyzeRun(host, recorded, { packConfig: off })]);
        expect(judged.findings.length).toBeGreaterThan(0);
        expect(silent.findings).toEqual([]);
    });

    it("leaves out of a type's handler only policies that name other types", () => {
        const judgeAll = { name: "all", validateResource: () => undefined };
        const workloads = { name: "pods", validateResource: () => undefined, resourceTypes: ["kubernetes:core/v1:Pod"] };
        const custom = { name: "custom", validateResource: () => undefined, resourceTypes: ["kubernetes:core/v1:Pod"], appliesTo: () => true };
        const stack = { name: "stack", validateStack: () => undefined };
        expect(policiesJudging([judgeAll, workloads, custom, stack], "kubernetes:core/v1:Pod").map((p) => p.name)).toEqual(["all", "pods", "custom"]);
        expect(policiesJudging([judgeAll, workloads, custom, stack], "aws:s3/bucket:Bucket").map((p) => p.name)).toEqual(["all", "custom"]);
    });

    it("answers Analyze with the pack's own handler, as the pack served over gRPC does", () => {
        expect(packInProcess(DEFAULT_PACK_DIR).analyzeHandlers).toBe("the pack's");
    });

    it("refuses a pack that is not prodready's, so the caller serves it as a process", () => {
        const dir = fs.mkdtempSync(path.join(os.tmpdir(), "prodready-pack-"));
        fs.writeFileSync(path.join(dir, "PulumiPolicy.yaml"), "runtime: nodejs\n");
        fs.writeFileSync(path.join(dir, "package.json"), JSON.stringify({ name: "other", version: "1.0.0" }));
        fs.symlinkSync(path.join(DEFAULT_PACK_DIR, "..", "node_modules"), path.join(dir, "node_modules"));
        expect(() => startInProcessAnalyzer(dir)).toThrow(InProcessUnavailable);
    });
});

describe("shared deserialized properties", () => {
    it("deserializes one request's properties once and leaves secret-preserving calls alone", () => {
        const calls: boolean[] = [];
        const once = deserializeOnce((struct, secrets) => {
            calls.push(secrets);
            return (struct as Struct).toJavaScript() as Record<string, unknown>;
        });
        const struct = Struct.fromJavaScript({ a: 1 });
        expect(once(struct, false)).toBe(once(struct, false));
        expect(once(Struct.fromJavaScript({ a: 1 }), false)).toEqual({ a: 1 });
        once(struct, true);
        once(struct, true);
        expect(calls).toEqual([false, false, true, true]);
    });

    it("applies only to the SDK release it was written for, and says why not otherwise", () => {
        const dir = fs.mkdtempSync(path.join(os.tmpdir(), "prodready-sdk-"));
        fs.writeFileSync(path.join(dir, "package.json"), JSON.stringify({ name: "@pulumi/policy", version: "v1.22.0" }));
        expect(shareDeserializedProperties({}, dir)).toEqual({ shared: false, reason: expect.stringContaining("@pulumi/policy is 1.22.0") });
        expect(shareDeserializedProperties({ [SHARED_PROPERTIES_SWITCH]: "0" })).toEqual({ shared: false, reason: `${SHARED_PROPERTIES_SWITCH}=0` });
        expect(shareDeserializedProperties({})).toEqual({ shared: true });
    });
});
