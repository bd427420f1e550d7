// A version 2 policy-pack config (Pulumi 3.276 and later) gives prodready what it gives the engine:
// its policies' levels and settings, and each Pulumi policy exception as an exemption of exactly the
// policies and URNs it matches, reported with the exception's id; what prodready cannot honour
// offline is one clear error.
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { readPackConfig } from "../../src/pack/config-file";

const ROOT = path.resolve(__dirname, "..", "..");
const CLI = path.join(ROOT, "bin", "prodready.js");
const PRIVILEGED = "kubernetes-workload-disallow-privileged";
const POD_URN = "urn:pulumi:rendered::manifests::kubernetes:core/v1:Pod::tools/debug-shell";

const work = fs.mkdtempSync(path.join(os.tmpdir(), "prodready-config-v2-"));
afterAll(() => fs.rmSync(work, { recursive: true, force: true }));

function configFile(name: string, config: unknown): string {
    const file = path.join(work, name);
    fs.writeFileSync(file, JSON.stringify(config));
    return file;
}

const excepting = (targets: string[]) => ({
    version: 2,
    policies: { "kubernetes-workload-require-resource-limits": "advisory" },
    exceptions: { "EXC-7": { reason: "debug pod, removed after the incident", match: [{ policies: [PRIVILEGED], targets }] } },
});

describe("a version 2 policy-pack config", () => {
    it("keeps its policies and turns each exception into exemptions of the URNs it names", () => {
        const config = readPackConfig(configFile("v2.json", excepting([POD_URN]))) as Record<string, { exemptions?: unknown[] } | string>;
        expect(config["kubernetes-workload-require-resource-limits"]).toBe("advisory");
        expect(config[PRIVILEGED]).toEqual({ exemptions: [{ resource: POD_URN, reason: "debug pod, removed after the incident (Pulumi policy exception EXC-7)" }] });
    });

    it("matches a URN exactly, glob characters included", () => {
        const odd = "urn:pulumi:prod::shop::aws:s3/bucket:Bucket::logs-*";
        const config = readPackConfig(configFile("glob.json", excepting([odd]))) as Record<string, { exemptions: Array<{ resource: string }> }>;
        expect(config[PRIVILEGED].exemptions[0].resource).not.toBe(odd);
        expect(config[PRIVILEGED].exemptions[0].resource.replace(/\\/g, "")).toBe(odd);
    });

    it.each([
        ["another version", { version: 3, policies: {} }, /version 3 is not one prodready reads/],
        ["an unknown key", { version: 2, polices: {} }, /has no key "polices"/],
        ["ESC environments", { version: 2, environments: ["team/policy"] }, /ESC environments cannot be read without Pulumi Cloud/],
        ["an exception without targets", { version: 2, exceptions: { "EXC-1": { reason: "r", match: [{ policies: [PRIVILEGED] }] } } }, /each match lists "policies" by name and "targets" by URN/],
        ["an exception without a reason", { version: 2, exceptions: { "EXC-1": { reason: " ", match: [{ policies: [PRIVILEGED], targets: [POD_URN] }] } } }, /needs a "reason"/],
    ])("is refused with %s", (_what, config, message) => {
        expect(() => readPackConfig(configFile("bad.json", config))).toThrow(message);
    });

    it("exempts the excepted violation in a run, naming the exception, and fails on the others", () => {
        const pod = path.join(work, "pod.yaml");
        fs.writeFileSync(pod, ["apiVersion: v1", "kind: Pod", "metadata: {name: debug-shell, namespace: tools}", "spec:",
            "  containers: [{name: shell, image: \"busybox:1.36\", securityContext: {privileged: true}}]", ""].join("\n"));
        const result = spawnSync(process.execPath, [CLI, "manifests", pod, "--format", "json", "--quiet", "--policy-pack-config", configFile("run.json", excepting([POD_URN]))],
            { cwd: work, encoding: "utf8", timeout: 120_000 });
        const report = JSON.parse(result.stdout);
        expect(report.findings.filter((f: { policy: string }) => f.policy === PRIVILEGED)).toEqual([]);
        expect(report.exemptions).toContainEqual(expect.objectContaining({ policy: PRIVILEGED, urn: POD_URN, reason: "debug pod, removed after the incident (Pulumi policy exception EXC-7)" }));
        // Other mandatory policies still judge the pod.
        expect(result.status).toBe(1);
    });
});
