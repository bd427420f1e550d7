// The stack's last state: `prodready state` judges a `pulumi stack export` without running the
// program, and `prodready preview --state` previews as the engine previews an update against it.
//
// The export is made here by the real Pulumi CLI (`pulumi up` on tests/state/fixtures/small-stack,
// file backend, passphrase secrets): Kubernetes through the real provider in its offline mode
// (`renderYamlToDirectory`), AWS through the provider double (tests/engine/provider-double), which
// stores the inputs as outputs and computes nothing. So each bucket's `arn`, which the AWS provider
// records, is added to the export here, in the form the provider writes it; nothing else is edited.
// Without the cached CLI, double and Kubernetes provider the suite is skipped with one line.
import Ajv from "ajv";
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import type { Report } from "../../src/report/document";
import { readStackExport } from "../../src/state";
import { LastState, stepOf } from "../../src/state/steps";
import { CliResult, runCliInProcess } from "../harness/cli";

const ROOT = path.resolve(__dirname, "..", "..");
const FIXTURE = path.join(__dirname, "fixtures", "small-stack");
const MINUTE = 60_000;
const prodready = (...args: string[]) => runCliInProcess(args);
const SECRET = "correct-horse-battery-staple";
const CACHE = process.env.PRODREADY_CACHE ?? path.join(os.homedir(), ".cache", "prodready");

/** The first directory holding an executable `name`: the PATH, then the cache the install scripts fill. */
function binDir(name: string, cached: string[]): string | undefined {
    for (const dir of [...(process.env.PATH ?? "").split(path.delimiter), ...cached]) {
        try {
            fs.accessSync(path.join(dir, name), fs.constants.X_OK);
            return dir;
        } catch {
            // not here
        }
    }
    return undefined;
}

function cachedUnder(folder: string): string[] {
    const root = path.join(CACHE, folder);
    return fs.existsSync(root) ? fs.readdirSync(root).map((v) => path.join(root, v, "bin")) : [];
}

const SDK_VERSION = JSON.parse(fs.readFileSync(path.join(ROOT, "node_modules", "@pulumi", "pulumi", "package.json"), "utf8")).version as string;
const TOOLS = {
    pulumi: binDir("pulumi", [path.join(CACHE, "pulumi-cli", SDK_VERSION, "bin")]),
    aws: binDir("pulumi-resource-aws", [path.join(CACHE, "provider-double", "bin")]),
    kubernetes: binDir("pulumi-resource-kubernetes", cachedUnder("kubernetes-provider")),
};
const missing = Object.entries(TOOLS).filter(([, dir]) => !dir).map(([name]) => name);
if (missing.length > 0) {
    process.stderr.write(`stack state tests skipped: no ${missing.join(", ")} (scripts/install-pulumi-cli.sh, tests/engine/provider-double/build.sh, scripts/install-kubernetes-provider.sh)\n`);
}
const withCli = missing.length === 0 ? describe : describe.skip;

const validate = new Ajv({ allErrors: true, strict: false }).compile(JSON.parse(fs.readFileSync(path.join(ROOT, "docs", "report.schema.json"), "utf8")));

/** The JSON report a run printed, checked against docs/report.schema.json. */
function json(run: CliResult): Report {
    const report = JSON.parse(run.stdout);
    expect(validate(report) ? [] : validate.errors).toEqual([]);
    return report as Report;
}

function findingsOn(report: Report, name: string, policy: string) {
    return report.findings.filter((f) => f.name === name && f.policy === policy);
}

withCli("the stack's last state, from the real Pulumi CLI", () => {
    let tmp = "";
    let program = "";
    /** `pulumi stack export` as it is: secrets encrypted by the passphrase provider. */
    let encrypted = "";
    /** The same with --show-secrets, and the buckets' ARNs the AWS provider records. */
    let state = "";
    /** Runs the real CLI on the program copy (with more environment variables for the program); returns its stdout. */
    let pulumi: (args: string[], more?: NodeJS.ProcessEnv) => string = () => "";

    beforeAll(() => {
        tmp = fs.mkdtempSync(path.join(os.tmpdir(), "prodready-state-"));
        program = path.join(tmp, "small-stack");
        fs.cpSync(FIXTURE, program, { recursive: true });
        fs.symlinkSync(path.join(ROOT, "node_modules"), path.join(program, "node_modules"));
        fs.mkdirSync(path.join(tmp, "backend"));
        // The Kubernetes provider reads KUBECONFIG, which renderYamlToDirectory refuses: none is set.
        const ambient = Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.startsWith("PULUMI_") && name !== "KUBECONFIG"));
        const env = {
            ...ambient,
            PATH: [TOOLS.aws, TOOLS.kubernetes, TOOLS.pulumi, process.env.PATH].join(path.delimiter),
            HOME: tmp,
            PULUMI_BACKEND_URL: `file://${path.join(tmp, "backend")}`,
            PULUMI_HOME: path.join(tmp, "pulumi-home"),
            PULUMI_CONFIG_PASSPHRASE: "state-test",
            PULUMI_SKIP_UPDATE_CHECK: "true",
            PULUMI_DISABLE_AUTOMATIC_PLUGIN_ACQUISITION: "true",
            PULUMI_NODEJS_TRANSPILE_ONLY: "true",
        };
        pulumi = (args, more = {}) => {
            const r = spawnSync(path.join(TOOLS.pulumi!, "pulumi"), [...args, "--non-interactive"], { cwd: program, env: { ...env, ...more }, encoding: "utf8", timeout: 3 * MINUTE });
            if (r.status !== 0) {
                throw new Error(`pulumi ${args.join(" ")}: exit ${r.status}\n${r.stdout.slice(-2000)}\n${r.stderr.slice(-2000)}`);
            }
            return r.stdout;
        };
        pulumi(["stack", "init", "dev"]);
        pulumi(["up", "--yes", "--skip-preview"]);
        encrypted = path.join(tmp, "export.json");
        pulumi(["stack", "export", "--file", encrypted]);
        const plain = path.join(tmp, "export-show-secrets.json");
        pulumi(["stack", "export", "--show-secrets", "--file", plain]);
        const exported = JSON.parse(fs.readFileSync(plain, "utf8"));
        for (const r of exported.deployment.resources) {
            if (r.type === "aws:s3/bucket:Bucket") {
                r.outputs = { ...r.outputs, arn: `arn:aws:s3:::${r.external ? r.id : r.outputs.bucket}` };
            }
        }
        state = path.join(tmp, "state.json");
        fs.writeFileSync(state, JSON.stringify(exported, null, 4));
        // The rendered manifests are the deployment's, not the preview's.
        fs.rmSync(path.join(program, "rendered"), { recursive: true, force: true });
    }, 6 * MINUTE);

    afterAll(() => {
        if (tmp) {
            fs.rmSync(tmp, { recursive: true, force: true });
        }
    });

    describe("prodready state", () => {
        it("fails the gate (exit 1) on the deployed privileged Pod", async () => {
            const run = await prodready("state", state, "--format", "json", "--quiet");
            expect(run.code).toBe(1);
            const report = json(run);
            expect(report.source).toEqual({ kind: "state", target: state });
            expect(findingsOn(report, "debug", "kubernetes-workload-disallow-privileged")).toEqual([
                expect.objectContaining({ outcome: "violation", enforcementLevel: "mandatory", type: "kubernetes:core/v1:Pod" }),
            ]);
            // Stack policies judge the deployed outputs: the read bucket's recorded ARN is in its public policy.
            expect(findingsOn(report, "shared-logs-public", "aws-s3-disallow-public-access")).toEqual([expect.objectContaining({ outcome: "violation" })]);
            // Providers and the stack are sent, as the engine sends them, and counted apart from what is judged.
            expect(report.summary.notPolicySubjects).toBe(3);
            expect(run.stdout).not.toContain(SECRET);
        });

        it("judges what a secret holds when the export shows it, and never prints it", async () => {
            const run = await prodready("state", state, "--format", "text");
            expect(run.stdout).toMatch(/kubernetes-workload-disallow-privileged {2}\(kubernetes:core\/v1:Pod: sealed\)/);
            expect(run.stdout + run.stderr).not.toContain(SECRET);
            expect(run.stderr).not.toMatch(/encrypted/);
        });

        it("fails closed on secrets it cannot decrypt: what reads them is not verified, and one line says why", async () => {
            const run = await prodready("state", encrypted, "--format", "json");
            expect(run.code).toBe(1);
            expect(run.stderr.split("\n").filter((l) => /encrypted/.test(l))).toEqual([
                expect.stringMatching(/^prodready: warning: the secret values of 2 resources \(db-password, sealed\) in .*export\.json are encrypted by the passphrase secrets provider and cannot be read offline: policies that read them are not verified; export with pulumi stack export --show-secrets/),
            ]);
            const report = json(run);
            expect(findingsOn(report, "sealed", "kubernetes-workload-disallow-privileged")).toEqual([
                expect.objectContaining({ outcome: "unknown", notVerified: expect.anything() }),
            ]);
            expect(findingsOn(report, "debug", "kubernetes-workload-disallow-privileged")).toEqual([expect.objectContaining({ outcome: "violation" })]);
            expect(fs.readFileSync(encrypted, "utf8")).not.toContain(SECRET);
        });
    });

    describe("prodready preview --state", () => {
        it("turns a bucket policy built from a read bucket's ARN from unknown into a verdict", async () => {
            const without = json(await prodready("preview", program, "--format", "json", "--quiet"));
            expect(findingsOn(without, "shared-logs-public", "aws-s3-disallow-public-access")).toEqual([
                expect.objectContaining({ outcome: "unknown", notVerified: expect.anything() }),
            ]);
            expect(without.steps).toBeUndefined();

            const run = await prodready("preview", program, "--state", state, "--format", "json", "--quiet");
            const withState = json(run);
            expect(findingsOn(withState, "shared-logs-public", "aws-s3-disallow-public-access")).toEqual([
                expect.objectContaining({ outcome: "violation", message: expect.stringContaining("allows Principal \"*\""), step: "update" }),
            ]);
            expect(withState.summary.unknown).toBe(0);
            expect(run.stdout).not.toContain(SECRET);
        });

        it("gives each resource its step: same where the inputs are the deployed ones", async () => {
            const report = json(await prodready("preview", program, "--state", state, "--format", "json", "--quiet"));
            // The double stored both bucket policies without the ARN it never computed: they change.
            expect(report.steps).toEqual({ state, counts: { same: 7, update: 2 }, deletes: [] });
            expect(findingsOn(report, "debug", "kubernetes-workload-disallow-privileged")).toEqual([expect.objectContaining({ step: "same" })]);
            expect(findingsOn(report, "logs", "aws-s3-require-versioning")).toEqual([expect.objectContaining({ step: "same" })]);
        });

        it("says update for changed inputs and delete for what the program no longer declares, in every format's model", async () => {
            const change = { SMALL_STACK_IMAGE: "busybox:1.37", SMALL_STACK_WITHOUT_CACHE: "1" };
            Object.assign(process.env, change);
            let run: CliResult;
            try {
                run = await prodready("preview", program, "--state", state, "--format", "text", "--output", `json=${path.join(tmp, "changed.json")}`, "--quiet");
            } finally {
                delete process.env.SMALL_STACK_IMAGE;
                delete process.env.SMALL_STACK_WITHOUT_CACHE;
            }
            const report = JSON.parse(fs.readFileSync(path.join(tmp, "changed.json"), "utf8")) as Report;
            expect(findingsOn(report, "debug", "kubernetes-workload-disallow-privileged")).toEqual([expect.objectContaining({ step: "update" })]);
            expect(report.steps?.deletes).toEqual([{ urn: "urn:pulumi:dev::small-stack::aws:s3/bucket:Bucket::cache", type: "aws:s3/bucket:Bucket", name: "cache", step: "delete" }]);
            expect(report.steps?.counts).toEqual({ same: 4, update: 4, delete: 1 });
            expect(run.stdout).toMatch(/kubernetes-workload-disallow-privileged {2}\(kubernetes:core\/v1:Pod: debug\) {2}\[update\]/);
            expect(run.stdout).toContain(`Steps against ${state}: 4 same, 4 update, 1 delete; deleted: aws:s3/bucket:Bucket: cache`);

            // The engine's own plan of the same change. Its steps come from the providers' Diff, so only
            // the resources whose provider is real or whose inputs did not change are compared: the
            // double answers every Diff with "no changes".
            const plan = JSON.parse(pulumi(["preview", "--json", "--show-sames"], change)) as { steps: Array<{ op: string; urn: string }> };
            const engine = new Map(plan.steps.map((s) => [s.urn.split("::").slice(2).join("::"), s.op]));
            const ours = new Map([...report.findings.filter((f) => f.urn).map((f) => [f.urn!, f.step] as const), ...report.steps!.deletes.map((d) => [d.urn, d.step] as const)]
                .map(([urn, step]) => [urn.split("::").slice(2).join("::"), step]));
            const compared = ["aws:s3/bucket:Bucket::logs", "aws:s3/bucket:Bucket::cache", "kubernetes:core/v1:Pod::debug"];
            expect(compared.map((name) => `${name} ${engine.get(name)}`)).toEqual([
                "aws:s3/bucket:Bucket::logs same", "aws:s3/bucket:Bucket::cache delete",
                // The Kubernetes provider's Diff replaces a Pod whose spec changes; without it prodready
                // knows a change but not that it forces a replacement (docs/adoption.md).
                "kubernetes:core/v1:Pod::debug replace",
            ]);
            expect(compared.map((name) => `${name} ${ours.get(name)}`)).toEqual([
                "aws:s3/bucket:Bucket::logs same", "aws:s3/bucket:Bucket::cache delete", "kubernetes:core/v1:Pod::debug update",
            ]);
        });

        it("refuses an export of another project with one line", async () => {
            const other = JSON.parse(fs.readFileSync(state, "utf8"));
            other.deployment.resources = other.deployment.resources.map((r: { urn: string }) => ({ ...r, urn: r.urn.replace("::small-stack::", "::other::") }));
            const file = path.join(tmp, "other-project.json");
            fs.writeFileSync(file, JSON.stringify(other));
            const run = await prodready("preview", program, "--state", file);
            expect(run.code).toBe(2);
            expect(run.stdout).toBe("");
            expect(run.stderr.trim().split("\n")).toEqual([expect.stringMatching(/^prodready: error: the stack export .* is of project "other", the program in .* is project "small-stack"$/)]);
        });
    });
});

describe("reading a stack export", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "prodready-export-"));
    afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
    const write = (name: string, content: unknown) => {
        const file = path.join(dir, name);
        fs.writeFileSync(file, typeof content === "string" ? content : JSON.stringify(content));
        return file;
    };

    it.each([
        ["another deployment version", { version: 4, deployment: { resources: [] } }, /is deployment version 4; prodready reads version 3/],
        ["not a stack export", { resources: [] }, /is not a stack export/],
        ["not JSON", "{ version: 3", /is not JSON/],
    ])("fails with one line on %s (exit 2)", async (_what, content, pattern) => {
        const run = await prodready("state", write(`${Math.random().toString(36).slice(2)}.json`, content));
        expect(run.code).toBe(2);
        expect(run.stdout).toBe("");
        const lines = run.stderr.trim().split("\n");
        expect(lines).toHaveLength(1);
        expect(lines[0]).toMatch(/^prodready: error: /);
        expect(lines[0]).toMatch(pattern);
    });

    it("reads plaintext secrets as the engine's secret values and encrypted ones as unknown, skipping pending deletions", () => {
        const sig = "4dabf18193072939515e22adb298388d";
        const secret = "1b47061264138c4ac30d75fd1eb44270";
        const file = write("secrets.json", { version: 3, deployment: { secrets_providers: { type: "passphrase" }, resources: [
            { urn: "urn:pulumi:prod::shop::pulumi:pulumi:Stack::shop-prod", type: "pulumi:pulumi:Stack", custom: false },
            { urn: "urn:pulumi:prod::shop::aws:ssm/parameter:Parameter::a", type: "aws:ssm/parameter:Parameter", custom: true, id: "a",
                inputs: { value: { [sig]: secret, plaintext: "\"s3cr3t-value\"" } }, outputs: { value: { [sig]: secret, ciphertext: "v1:abc" } } },
            { urn: "urn:pulumi:prod::shop::aws:ssm/parameter:Parameter::old", type: "aws:ssm/parameter:Parameter", custom: true, id: "old", delete: true },
        ] } });
        const state = readStackExport(file);
        expect(state).toMatchObject({ project: "shop", stack: "prod", encryptedSecrets: ["a"], secretsProvider: "passphrase" });
        expect(state.resources.map((r) => r.name)).toEqual(["shop-prod", "a"]);
        expect(state.resources[1].inputs.value).toEqual({ [sig]: secret, value: "s3cr3t-value" });
        expect(state.resources[1].outputs.value).toEqual({ [sig]: secret, value: "04da6b54-80e4-46f7-96ec-b56ff0331ba9" });
    });
});

describe("the step of a resource against its deployed self", () => {
    const deployed = (type: string, inputs: Record<string, unknown>) => ({
        urn: `urn:pulumi:dev::p::${type}::r`, type, name: "r", custom: true, inputs, outputs: inputs, dependencies: [], propertyDependencies: {},
        protect: false, ignoreChanges: [], additionalSecretOutputs: [], aliases: [], customTimeouts: { create: "", update: "", delete: "" },
        deleteBeforeReplace: false, external: false,
    });

    it("is create without one, same for the same inputs, update for others", () => {
        expect(stepOf("aws:s3/bucket:Bucket", { bucket: "b" }, undefined)).toBe("create");
        expect(stepOf("aws:s3/bucket:Bucket", { bucket: "b", tags: { a: "1" } }, deployed("aws:s3/bucket:Bucket", { tags: { a: "1" }, bucket: "b" }))).toBe("same");
        expect(stepOf("aws:s3/bucket:Bucket", { bucket: "b", tags: { a: "2" } }, deployed("aws:s3/bucket:Bucket", { bucket: "b", tags: { a: "1" } }))).toBe("update");
        // A property removed from the program is a change, though a provider default may have put it there.
        expect(stepOf("aws:s3/bucket:Bucket", { bucket: "b" }, deployed("aws:s3/bucket:Bucket", { bucket: "b", forceDestroy: false }))).toBe("update");
    });

    it("leaves out what the provider's Check named, and says replace when the physical name changes", () => {
        expect(stepOf("aws:s3/bucket:Bucket", {}, deployed("aws:s3/bucket:Bucket", { bucket: "r-4f2a1b3" }))).toBe("same");
        expect(stepOf("aws:s3/bucket:Bucket", { bucket: "new" }, deployed("aws:s3/bucket:Bucket", { bucket: "old" }))).toBe("replace");
        const pod = { apiVersion: "v1", kind: "Pod", spec: { containers: [{ name: "c", image: "i" }] } };
        expect(stepOf("kubernetes:core/v1:Pod", pod, deployed("kubernetes:core/v1:Pod", { ...pod, metadata: { name: "r-x1y2z3w4", annotations: { "pulumi.com/autonamed": "true" } } }))).toBe("same");
        expect(stepOf("kubernetes:core/v1:Pod", { ...pod, metadata: { name: "b" } }, deployed("kubernetes:core/v1:Pod", { ...pod, metadata: { name: "a" } }))).toBe("replace");
    });

    it("deletes what the program no longer declares, but not the engine's own resources or what the stack only read", () => {
        const resource = (type: string, name: string, external = false) => ({ ...deployed(type, {}), urn: `urn:pulumi:prod::p::${type}::${name}`, name, external });
        const last = new LastState({ file: "prod.json", project: "p", stack: "prod", encryptedSecrets: [], resources: [
            resource("pulumi:pulumi:Stack", "p-prod"), resource("pulumi:providers:aws", "default_7_48_0"), resource("pulumi:providers:aws", "eu"),
            resource("aws:s3/bucket:Bucket", "kept"), resource("aws:s3/bucket:Bucket", "gone"), resource("aws:s3/bucket:Bucket", "shared", true),
        ] });
        // Looked up from a stack of another name: the URN's stack part is not compared.
        expect(last.take("urn:pulumi:dev::p::aws:s3/bucket:Bucket::kept")?.name).toBe("kept");
        expect(last.deletes().map((d) => `${d.step} ${d.name}`)).toEqual(["delete eu", "delete gone"]);
    });

    it("counts a value unknown during preview, or a secret it could not decrypt, as a change", () => {
        const unknown = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";
        expect(stepOf("aws:s3/bucket:Bucket", { bucket: "b", policy: unknown }, deployed("aws:s3/bucket:Bucket", { bucket: "b", policy: "{}" }))).toBe("update");
    });
});
