// Remote components (yaml.v2, helm.v4, kustomize.v2) are constructed by the real Kubernetes provider
// plugin, and Helm v3 charts and kustomize v1 directories are rendered by its own functions, as the
// engine does: each holds a privileged Pod running as root, which must be judged by name, in
// TypeScript, Python and YAML programs alike. Without the plugin the run fails with one line, unless
// the component type is accepted unexpanded.
import { spawn } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { analyzeRun } from "../../../src/analyzer/session";
import { ManifestError, readManifestsInParallel } from "../../../src/manifests";
import type { ProgramOptions } from "../../../src/program";
import { locateProviderPlugin } from "../../../src/program/provider-plugins";
import type { ProgramRun } from "../../../src/program/records";
import { CLI, runCli } from "../../harness/cli";
import { sharedAnalyzer } from "../../harness/stack";
import { failure, runAt } from "../../harness/program";
import { descendants, running, waitFor } from "../../harness/processes";

const KUBERNETES_VERSION: string = require("@pulumi/kubernetes/package.json").version;
const PLUGIN = locateProviderPlugin("kubernetes", KUBERNETES_VERSION);
const HAVE_VENV = fs.existsSync(path.resolve(__dirname, "..", "..", "..", ".venv-python", "bin", "python"));

if (!PLUGIN && !process.env.CI) {
    console.log("Kubernetes component tests skipped: run scripts/install-kubernetes-provider.sh to build the provider plugin");
}
// CI builds the plugin before the tests, so a missing one fails there instead of skipping.
const withPlugin = PLUGIN || process.env.CI ? describe : describe.skip;
const withPluginAndPython = (PLUGIN || process.env.CI) && (HAVE_VENV || process.env.CI) ? describe : describe.skip;

function program(language: string): string {
    return path.join(__dirname, language);
}

function run(dir: string, options: ProgramOptions = {}): Promise<ProgramRun> {
    return runAt(dir, options, 240);
}

/** Runs `body` with no plugin to be found anywhere the engine or prodready would look. */
async function withoutPlugins<T>(body: () => Promise<T>): Promise<T> {
    const empty = fs.mkdtempSync(path.join(os.tmpdir(), "prodready-no-plugins-"));
    const saved = { ...process.env };
    process.env.PULUMI_IGNORE_AMBIENT_PLUGINS = "1";
    process.env.PULUMI_HOME = empty;
    process.env.PRODREADY_CACHE = empty;
    try {
        return await body();
    } finally {
        for (const key of ["PULUMI_IGNORE_AMBIENT_PLUGINS", "PULUMI_HOME", "PRODREADY_CACHE"]) {
            if (saved[key] === undefined) {
                delete process.env[key];
            } else {
                process.env[key] = saved[key];
            }
        }
        fs.rmSync(empty, { recursive: true, force: true });
    }
}

const PRIVILEGED = "kubernetes-workload-disallow-privileged";

/** The Pods the privileged policy found, by the name of the object in the cluster. */
function privilegedPods(analysis: Awaited<ReturnType<typeof analyzeRun>>, run: ProgramRun): string[] {
    const byUrn = new Map(run.resources.map((r) => [r.urn, r]));
    return analysis.findings
        .filter((f) => f.policy === PRIVILEGED && f.outcome === "violation")
        .map((f) => (byUrn.get(f.urn ?? "")?.inputs as any)?.metadata?.name as string)
        .sort();
}

const FIXTURES = path.join(__dirname, "fixtures");

describe("components whose provider plugin is missing", () => {
    test("prodready manifests refuses a kustomization or chart it cannot render, with the command to render it", async () => {
        const refused = await withoutPlugins(() => failure(readManifestsInParallel([path.join(FIXTURES, "kustomize")])));
        expect(refused).toBeInstanceOf(ManifestError);
        expect(refused.message).toMatch(/kustomize is a kustomization: rendering it needs the kubernetes provider plugin, which was not found .*kubectl kustomize .*kustomize \| prodready manifests -$/);
        const chart = await withoutPlugins(() => failure(readManifestsInParallel([path.join(FIXTURES, "chart")])));
        expect(chart.message).toMatch(/chart is a Helm chart: .*helm template .*chart \| prodready manifests -$/);
    });

    test("prodready manifests never judges a kustomization's or chart's files found inside a directory", async () => {
        const nested = await failure(readManifestsInParallel([FIXTURES]));
        expect(nested.message).toMatch(/fixtures\/(chart|kustomize) is a (Helm chart|kustomization): its files are not what gets applied/);
    });

    test("a remote component fails the run with one line naming its type and what to do", async () => {
        const err = await withoutPlugins(() => failure(run(program("typescript"), { config: { only: "group" } })));
        expect(err.message).toMatch(/^kubernetes:yaml\/v2:ConfigGroup "group" is a component whose children prodready cannot see: .*kubernetes provider plugin 4\.\d+\.\d+ was not found; install it \(pulumi plugin install resource kubernetes .*--allow-unexpanded 'kubernetes:yaml\/v2:ConfigGroup'/);
        expect(err.message).not.toContain("\n");
    });

    test("an accepted component type is recorded unexpanded and the run goes on", async () => {
        const recorded = await withoutPlugins(() => run(program("typescript"), { config: { only: "group,file" }, allowUnexpanded: ["kubernetes:yaml/v2:*"] }));
        expect(recorded.unexpanded?.map((c) => [c.type, c.name, c.allowed]).sort()).toEqual([
            ["kubernetes:yaml/v2:ConfigFile", "file", true],
            ["kubernetes:yaml/v2:ConfigGroup", "group", true],
        ]);
        expect(recorded.resources.filter((r) => r.type.startsWith("kubernetes:core/"))).toEqual([]);
    });

    test("the report lists an accepted component as not constructed, and the gate still judges the rest", async () => {
        const cli = await withoutPlugins(async () => runCli(["preview", program("typescript"),
            "--config", "only=group,plain", "--allow-unexpanded", "kubernetes:yaml/v2:*", "--format", "json"], { env: process.env, timeoutMs: 180_000 }));
        expect(cli.code).toBe(1);
        const report = JSON.parse(cli.stdout);
        expect(report.summary.unexpandedTypes).toEqual(["kubernetes:yaml/v2:ConfigGroup"]);
        expect(report.summary.notJudgedTypes).toContain("kubernetes:yaml/v2:ConfigGroup");
        expect(report.findings.filter((f: { policy: string }) => f.policy === PRIVILEGED).map((f: { name: string }) => f.name)).toEqual(["plain"]);
    });

    test("a function only the plugin computes fails the run with one line", async () => {
        const err = await withoutPlugins(() => failure(run(program("typescript"), { config: { only: "chartv3" } })));
        expect(err.message).toMatch(/^the program calls kubernetes:helm:template, which the embedded preview cannot answer: it runs in the kubernetes provider plugin, which was not found/);
    });

    test("a function nobody can answer fails the run with one line naming it", async () => {
        const err = await failure(run(program("typescript"), { config: { only: "function" } }));
        expect(err.message).toMatch(/^the program calls acme:index:getWidget, which the embedded preview cannot answer/);
    });
});

withPlugin("components constructed by the real Kubernetes provider", () => {
    const analyzer = sharedAnalyzer();

    test("TypeScript: every component class's privileged Pod is judged by name", async () => {
        const recorded = await run(program("typescript"));
        const analysis = await analyzeRun(analyzer(), recorded, {});
        expect(privilegedPods(analysis, recorded)).toEqual([
            "chartv3-pod", "chartv4-pod", "configfile-pod", "configgroup-pod", "kustomized-pod", "kustomized-pod",
        ]);
        expect(recorded.unexpanded).toEqual([]);
    });

    test("the children hang under their component, which the provider registered once", async () => {
        const recorded = await run(program("typescript"), { config: { only: "group" } });
        const components = recorded.resources.filter((r) => r.type === "kubernetes:yaml/v2:ConfigGroup");
        expect(components.map((c) => [c.name, c.remote, c.custom])).toEqual([["group", false, false]]);
        const pod = recorded.resources.find((r) => r.type === "kubernetes:core/v1:Pod");
        expect(pod?.parent).toBe(components[0].urn);
        expect(pod?.urn).toMatch(/::kubernetes:yaml\/v2:ConfigGroup\$kubernetes:core\/v1:Pod::/);
        // The provider's own rendering: the default namespace is filled in, as it would be applied.
        expect((pod?.inputs as any).metadata.namespace).toBe("default");
    });

    test("prodready manifests renders a kustomization and a chart named as targets, as kubectl apply -k and helm template would", async () => {
        const objects = await readManifestsInParallel([path.join(FIXTURES, "kustomize"), path.join(FIXTURES, "chart")]);
        expect(objects.map((o) => (o.object.metadata as any).name)).toEqual(["kustomized-pod", "release-name-pod"]);
        expect(objects[0].source).toBe(path.join(FIXTURES, "kustomize", "kustomization.yaml"));
    });

    test("each component is constructed by its own provider's configuration: the stack's, or an explicit provider's", async () => {
        const recorded = await run(path.join(__dirname, "provider-namespace"), { config: { "kubernetes:namespace": "shop" } });
        const maps = recorded.resources.filter((r) => r.type === "kubernetes:core/v1:ConfigMap");
        expect(maps.map((m) => [m.name, (m.inputs.metadata as any).namespace, m.provider?.split("::")[3] ?? "default"]).sort()).toEqual([
            ["default:shop/default", "shop", "default"],
            ["explicit:apps/explicit", "apps", "apps"],
        ]);
    });

    test("a component whose provider is configured from a value unknown before pulumi up is not constructed with a guess", async () => {
        const err = await failure(run(path.join(__dirname, "unknown-provider")));
        expect(err.message).toMatch(/^kubernetes:yaml\/v2:ConfigGroup "apps" is a component whose children prodready cannot see: its provider's namespace is unknown during preview; set it from a value known before pulumi up/);
    });

    test("a provider plugin ends with prodready, even when prodready is killed with SIGKILL", async () => {
        const cli = spawn(process.execPath, [CLI, "preview", program("typescript"), "--config", "only=group,spin"],
            { stdio: "ignore" });
        let plugins: Array<{ pid: number; args: string }> = [];
        for (let waited = 0; plugins.length === 0 && waited < 60_000; waited += 250) {
            await new Promise((resolve) => setTimeout(resolve, 250));
            plugins = descendants(cli.pid!).filter((p) => p.args.includes("pulumi-resource-kubernetes") && !p.args.includes("plugin-host"));
        }
        expect(plugins).not.toEqual([]);
        cli.kill("SIGKILL");
        await waitFor(() => (plugins.some((p) => running(p.pid)) ? undefined : true), 10).catch(() => undefined);
        expect(plugins.filter((p) => running(p.pid))).toEqual([]);
    });

    test("YAML: every component class's privileged Pod is judged by name", async () => {
        const recorded = await run(program("yaml"));
        const analysis = await analyzeRun(analyzer(), recorded, {});
        expect(privilegedPods(analysis, recorded)).toEqual(["chartv4-pod", "configfile-pod", "configgroup-pod", "kustomized-pod"]);
    });
});

withPluginAndPython("components in a Python program", () => {
    const analyzer = sharedAnalyzer();

    test("Python: every component class's privileged Pod is judged by name", async () => {
        const recorded = await run(program("python"));
        const analysis = await analyzeRun(analyzer(), recorded, {});
        expect(privilegedPods(analysis, recorded)).toEqual([
            "chartv3-pod", "chartv4-pod", "configfile-pod", "configgroup-pod", "kustomized-pod", "kustomized-pod",
        ]);
    });
});
