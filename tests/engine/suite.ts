// Proves that the real Pulumi engine (`pulumi preview --policy-pack policies`) reaches the same
// verdicts as prodready's embedded preview: on the reference stack, on the scenarios, with a
// policy-pack config, with a malformed one, and with the pack as published by `npm pack`.
//
// engineSuite(cli, ...) registers the tests for one Pulumi CLI (tests/engine/clis.ts lists them):
// tests/engine/real-cli.test.ts runs every test on the first, tests/engine/newest-cli.test.ts the
// cross-version set on each other one. Real: the CLI and its engine, the Kubernetes provider
// (scripts/install-kubernetes-provider.sh, run without a cluster) and the YAML language host
// (scripts/install-yaml-language-host.sh), each built here from its Go module when not cached.
// A test double: the AWS provider (tests/engine/provider-double). The backend is a temporary
// file:// folder: no cloud, no credentials.
//
// Every scenario runs when PRODREADY_ENGINE_ALL=1 or CI=true (about 14 s a preview, ~25 min for all);
// otherwise, and always in the cross-version set, a subset that touches every policy group
// (provider/group folder of policies/) runs.
// Known differences, all due to the test doubles, are listed with their cause in KNOWN_DIFFERENCES.
import { isUnknownDuringPreview, parseUnknownResources } from "../../policies/lib/contract";
import { execFileSync, spawn, spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import type { Analysis } from "../../src/report/analysis";
import { readEvents, plainMessage, EngineEvent, reportFromEvents } from "../../src/report/event-log";
import { withDefaultProviders } from "../../src/analyzer/default-providers";
import { loadCatalog } from "../../src/catalog/catalog";
import { Report, reportFromAnalysis } from "../../src/report/document";
import { jsonDocument } from "../../src/report/json";
import { packResourceTypes } from "../../src/pack/load";
import { loadScenario } from "../../stacks/scenario";
import { analyzeRun } from "../../src/analyzer/session";
import type { AnalyzerHost } from "../../src/analyzer/host";
import { loadProject, runProgram } from "../../src/program";
import { CLI } from "../harness/cli";
import { previewReference, previewReferenceRun, ROOT, sharedAnalyzer } from "../harness/stack";
import { EngineCli, engineClis } from "./clis";

export const MINUTE = 60_000;

const ALL_SCENARIOS = process.env.PRODREADY_ENGINE_ALL === "1" || process.env.CI === "true";
/** PRODREADY_ENGINE_SCENARIOS=a,b runs just those scenarios. */
const CHOSEN_SCENARIOS = (process.env.PRODREADY_ENGINE_SCENARIOS ?? "").split(",").map((s) => s.trim()).filter((s) => s);
const SCENARIOS = fs.readdirSync(path.join(ROOT, "stacks", "scenarios"))
    .filter((f) => f.endsWith(".ts"))
    .map((f) => f.replace(/\.ts$/, ""))
    .sort();
export const PACK_DIR = path.join(ROOT, "policies");
/** Programs written in TypeScript and in Pulumi YAML (tests/program/twins/<name>/{typescript,yaml}). */
const TWINS_DIR = path.join(ROOT, "tests", "program", "twins");
const YAML_TWINS = fs.readdirSync(TWINS_DIR)
    .filter((name) => fs.existsSync(path.join(TWINS_DIR, name, "yaml", "Pulumi.yaml")))
    .sort();
export const PACK_NAME = "production-readiness";
/**
 * Differences that come from the test doubles, not from the pack: the resources the engine cannot
 * see in a scenario, with the cause. The test checks the engine indeed sees no verdict on them, so
 * an entry that stops being true fails the test and must be removed.
 */
const KNOWN_DIFFERENCES: Record<string, { resources: string[]; cause: string }> = {};
/**
 * Scenarios whose objects the real Kubernetes provider refuses in its Check, before the pack sees
 * them: the engine fails the preview with the provider's error, and judges the rest only up to
 * that point. The embedded preview refuses the same object with a mandatory violation.
 */
const PROVIDER_REFUSALS: Record<string, { resource: string; error: RegExp }> = {
    "k8s-workload-invalid-shape": { resource: "legacy-worker", error: /apiVersion does not have both a group and a version: "v1"/ },
};

/** Policy group of a policy name `<provider>-<group>-<verb>-<subject>`, from the pack's folders. */
function policyGroups(): Map<string, string> {
    const groups = new Map<string, string>(); // policy name prefix -> group
    for (const provider of ["aws", "kubernetes"]) {
        for (const group of fs.readdirSync(path.join(PACK_DIR, provider))) {
            if (fs.statSync(path.join(PACK_DIR, provider, group)).isDirectory()) {
                groups.set(`${provider}-${group}-`, `${provider}/${group}`);
            }
        }
    }
    return groups;
}

/** Scenarios covering every policy group that some scenario violates, picked greedily (largest gain first). */
function representativeScenarios(): string[] {
    const prefixes = policyGroups();
    const groupsOf = new Map(SCENARIOS.map((name) => {
        const groups = new Set<string>();
        for (const [policy] of loadScenario(name).violations) {
            for (const [prefix, group] of prefixes) {
                if (policy.startsWith(prefix)) {
                    groups.add(group);
                }
            }
        }
        return [name, groups] as const;
    }));
    const uncovered = new Set([...groupsOf.values()].flatMap((g) => [...g]));
    const chosen: string[] = [];
    while (uncovered.size > 0) {
        let best = "";
        let gain = 0;
        for (const [name, groups] of groupsOf) {
            const g = [...groups].filter((x) => uncovered.has(x)).length;
            if (g > gain) {
                best = name;
                gain = g;
            }
        }
        chosen.push(best);
        groupsOf.get(best)!.forEach((g) => uncovered.delete(g));
    }
    return chosen.sort();
}

export interface EngineRun {
    status: number | null;
    stdout: string;
    stderr: string;
    ms: number;
    events: EngineEvent[];
}

/** What a run decided: `policy \0 resource name \0 level` for violations and for unknowns. */
export interface Verdict {
    violations: string[];
    unknowns: string[];
}

function key(policy: string, name: string | undefined, level: string): string {
    return `${policy}\u0000${name ?? ""}\u0000${level}`;
}

function show(keys: readonly string[]): string[] {
    return keys.map((k) => k.split("\u0000").join(" "));
}

export function engineVerdict(events: readonly EngineEvent[]): Verdict {
    const violations = new Set<string>();
    const unknowns = new Set<string>();
    for (const e of events) {
        const p = e.policyEvent;
        if (!p) {
            continue;
        }
        const message = plainMessage(p.message);
        const nameOf = (urn: string) => urn.slice(urn.lastIndexOf("::") + 2);
        // The engine files a stack policy's finding that names no resource under the root stack's URN.
        const stackWide = !p.resourceUrn || p.resourceUrn.includes("::pulumi:pulumi:Stack::");
        if (isUnknownDuringPreview(message)) {
            // A stack policy lists the resources it could not judge in one diagnostic.
            const urns = stackWide ? parseUnknownResources(message) : [p.resourceUrn!];
            for (const urn of urns.length ? urns : [""]) {
                unknowns.add(key(p.policyName, urn ? nameOf(urn) : "", p.enforcementLevel));
            }
        } else {
            violations.add(key(p.policyName, stackWide ? "" : nameOf(p.resourceUrn!), p.enforcementLevel));
        }
    }
    return { violations: [...violations].sort(), unknowns: [...unknowns].sort() };
}

export function embeddedVerdict(analysis: Analysis): Verdict {
    const of = (outcome: string) => [...new Set(analysis.findings.filter((f) => f.outcome === outcome)
        .map((f) => key(f.policy, f.name, f.level)))].sort();
    return { violations: of("violation"), unknowns: of("unknown") };
}

/** The embedded preview of a twin program, with its stack config (Pulumi.dev.yaml where present). */
async function twinAnalysis(host: AnalyzerHost, dir: string): Promise<Analysis> {
    const project = loadProject(dir);
    return analyzeRun(host, await runProgram(project, { timeoutSeconds: 120 }), { config: project.config });
}

/** Adds a difference to the list, and prints it at once: a full run is long. */
function noteDifference(differences: string[], difference: string): void {
    differences.push(difference);
    process.stderr.write(`engine difference: ${difference}\n`);
}

const hasMandatory = (v: Verdict) => v.violations.some((k) => k.endsWith("\u0000mandatory"));

export function packsLoaded(events: readonly EngineEvent[]): string[] {
    const summary = events.map((e) => e.summaryEvent as { PolicyPacks?: Record<string, string> } | undefined).find((s) => s);
    return Object.keys(summary?.PolicyPacks ?? {}).map((k) => k.split("|")[0]);
}

export interface PreviewOptions {
    /** The pack directory (default: policies/); null runs without a pack. */
    pack?: string | null;
    /** A policy-pack config, written to a file for --policy-pack-config (a string as it is). */
    packConfig?: unknown;
    cwd?: string;
}

/** What the suite's tests share with tests added to it (EngineSuiteOptions.more). */
export interface EngineHarness {
    /** A temporary folder of the suite's own, removed afterwards. */
    tmp(): string;
    /** Runs `pulumi` in the reference stack's project (or cwd) and waits for it. */
    pulumi(args: string[], timeoutMs?: number, cwd?: string): { status: number | null; stdout: string; stderr: string; ms: number };
    /** `pulumi preview --event-log` of the reference stack (or cwd), with the events it wrote. */
    preview(options?: PreviewOptions): Promise<EngineRun>;
    /** Selects a scenario of the reference stack (undefined: the reference stack itself). */
    setScenario(scenario: string | undefined): void;
    /** The embedded preview's analyzer, shared by the suite. */
    analyzer(): AnalyzerHost;
    /** Notes a timing, printed after the suite. */
    timing(what: string): void;
}

export interface EngineSuiteOptions {
    /**
     * Every test, with every scenario in CI; otherwise the cross-version set: the reference stack,
     * a scenario of every policy group, the policy-pack config tests and the event-log report.
     */
    full: boolean;
    /** Registers more tests in the suite, with its harness. */
    more?: (engine: EngineHarness) => void;
    /**
     * This suite's share of the scenarios: every `of`-th, from the `part`-th. The shares run as
     * test files of their own, so that jest's workers run them side by side; a suite with
     * `scenariosOnly` registers nothing else.
     */
    share?: { part: number; of: number; scenariosOnly?: boolean };
}

/** How many test files share the scenarios under the first CLI: real-cli.test.ts and real-cli-scenarios-N.test.ts. */
export const SCENARIO_SHARES = 3;

/**
 * The engine suite on the first CLI of PRODREADY_ENGINE_CLIS with share `part` of the scenarios;
 * the first share carries every other test too. Skipped with one line of notice without a CLI.
 */
export function realCliSuite(part: number): void {
    const [first] = engineClis();
    if (first) {
        engineSuite(first, { full: true, share: { part, of: SCENARIO_SHARES, scenariosOnly: part > 1 } });
        return;
    }
    if (part === 1) {
        process.stderr.write("engine tests skipped: no pulumi CLI on PATH; run scripts/install-pulumi-cli.sh\n");
    }
    describe.skip("the real Pulumi engine", () => {
        it("needs a pulumi CLI", () => undefined);
    });
}

/** The engine tests on one Pulumi CLI. */
export function engineSuite(cli: EngineCli, options: EngineSuiteOptions): void {
    describe(`the real Pulumi engine ${cli.version}`, () => engineTests(cli, options));
}

function engineTests(cli: EngineCli, options: EngineSuiteOptions): void {
    const analyzer = sharedAnalyzer();
    const allScenarios = options.full && ALL_SCENARIOS;
    const share = options.share ?? { part: 1, of: 1 };
    const none = (..._args: Parameters<typeof it>) => undefined;
    /** The tests besides the scenarios' verdicts. */
    const itOther = share.scenariosOnly ? none : it;
    /** Tests only the full suite runs. */
    const itFull = options.full && !share.scenariosOnly ? it : none;
    let tmp = "";
    let project = "";
    let env: NodeJS.ProcessEnv = {};
    let runs = 0;
    const timings: string[] = [];

    function pulumi(args: string[], timeoutMs = 3 * MINUTE, cwd = project) {
        const started = Date.now();
        const r = spawnSync(cli.bin, args, { cwd, env, encoding: "utf8", timeout: timeoutMs, maxBuffer: 64 * 1024 * 1024 });
        if (r.error) {
            throw new Error(`pulumi ${args.join(" ")}: ${r.error.message}`);
        }
        return { status: r.status, stdout: r.stdout, stderr: r.stderr, ms: Date.now() - started };
    }

    /** `pulumi` without blocking this process, so an embedded preview can run meanwhile. */
    function pulumiAsync(args: string[], timeoutMs = 3 * MINUTE, cwd = project): Promise<{ status: number | null; stdout: string; stderr: string; ms: number }> {
        const started = Date.now();
        const what = `pulumi ${args.join(" ")}`;
        return new Promise((resolve, reject) => {
            const child = spawn(cli.bin, args, { cwd, env, stdio: ["ignore", "pipe", "pipe"] });
            let stdout = "";
            let stderr = "";
            child.stdout.setEncoding("utf8").on("data", (d: string) => { stdout += d; });
            child.stderr.setEncoding("utf8").on("data", (d: string) => { stderr += d; });
            const timer = setTimeout(() => child.kill("SIGKILL"), timeoutMs);
            child.on("error", (err) => {
                clearTimeout(timer);
                reject(new Error(`${what}: ${err.message}`));
            });
            child.on("close", (status, signal) => {
                clearTimeout(timer);
                if (signal) {
                    reject(new Error(`${what}: ended by ${signal}${signal === "SIGKILL" ? ` after ${timeoutMs} ms` : ""}`));
                } else {
                    resolve({ status, stdout, stderr, ms: Date.now() - started });
                }
            });
        });
    }

    function setScenario(scenario: string | undefined): void {
        const r = scenario
            ? pulumi(["config", "set", "prodready:scenario", scenario, "--non-interactive"], MINUTE)
            : pulumi(["config", "rm", "prodready:scenario", "--non-interactive"], MINUTE);
        if (r.status !== 0 && !(scenario === undefined && /not found/i.test(r.stderr))) {
            throw new Error(`pulumi config: ${r.stderr}`);
        }
        // A component scenario's components are constructed by the real Kubernetes provider in its
        // offline rendering mode, the mode the embedded preview configures it with: without a
        // cluster, the engine's Construct fails otherwise.
        const components = scenario !== undefined && (loadScenario(scenario).components ?? []).includes("kubernetes");
        const render = components
            ? pulumi(["config", "set", "kubernetes:renderYamlToDirectory", path.join(tmp, "rendered"), "--non-interactive"], MINUTE)
            : pulumi(["config", "rm", "kubernetes:renderYamlToDirectory", "--non-interactive"], MINUTE);
        if (render.status !== 0 && !(!components && /not found/i.test(render.stderr))) {
            throw new Error(`pulumi config: ${render.stderr}`);
        }
    }

    async function preview(options: PreviewOptions = {}): Promise<EngineRun> {
        const log = path.join(tmp, `events-${++runs}.jsonl`);
        const args = ["preview", "--non-interactive", "--event-log", log];
        if (options.pack !== null) {
            args.push("--policy-pack", options.pack ?? PACK_DIR);
        }
        if (options.packConfig !== undefined) {
            const file = path.join(tmp, `pack-config-${runs}.json`);
            fs.writeFileSync(file, typeof options.packConfig === "string" ? options.packConfig : JSON.stringify(options.packConfig));
            args.push("--policy-pack-config", file);
        }
        const r = await pulumiAsync(args, 3 * MINUTE, options.cwd);
        const events = fs.existsSync(log) && fs.statSync(log).size > 0 ? readEvents(log) : [];
        return { ...r, events };
    }

    const explain = (r: EngineRun) => `exit ${r.status}\n${r.stdout.slice(-3000)}\n${r.stderr.slice(-3000)}`;

    beforeAll(() => {
        tmp = fs.mkdtempSync(path.join(os.tmpdir(), "prodready-engine-"));
        // The AWS double, the real Kubernetes provider and the real YAML language host, each
        // built once into the cache (a cold Kubernetes provider build takes about 9 minutes).
        const binOf = (script: string) => execFileSync(path.join(ROOT, script),
            { cwd: ROOT, encoding: "utf8", timeout: 20 * MINUTE, stdio: ["ignore", "pipe", "pipe"] }).trim().split("\n").pop()!;
        const doubles = binOf("tests/engine/provider-double/build.sh");
        const kubernetes = binOf("scripts/install-kubernetes-provider.sh");
        const yamlHost = binOf("scripts/install-yaml-language-host.sh");
        // The Kubernetes provider reads KUBECONFIG (else ~/.kube/config): a context that names a
        // namespace fills metadata.namespace during Check, and a reachable cluster answers for
        // the objects. An empty kubeconfig means no cluster and no namespace, as the embedded
        // preview assumes.
        const kubeconfig = path.join(tmp, "kubeconfig");
        fs.writeFileSync(kubeconfig, "");
        // The provider's own switches (PULUMI_K8S_*) are left out for the same reason.
        const ambient = Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.startsWith("PULUMI_K8S_")));
        env = {
            ...ambient,
            PATH: [doubles, kubernetes, yamlHost, path.dirname(cli.bin), process.env.PATH].join(path.delimiter),
            KUBECONFIG: kubeconfig,
            PULUMI_BACKEND_URL: `file://${path.join(tmp, "state")}`,
            // The CLI caches provider schemas by version in its home: a schema served by an older
            // double must not answer for the YAML language host.
            PULUMI_HOME: path.join(tmp, "pulumi-home"),
            PULUMI_CONFIG_PASSPHRASE: "test",
            PULUMI_SKIP_UPDATE_CHECK: "true",
            PULUMI_DISABLE_AUTOMATIC_PLUGIN_ACQUISITION: "true",
            PULUMI_NODEJS_TRANSPILE_ONLY: "true",
            PULUMI_DEBUG_COMMANDS: "true",
        };
        fs.mkdirSync(path.join(tmp, "state"));
        // The stack's own config file goes to a copy of the project, not to the repository; the
        // program and its node_modules are the repository's, through symbolic links.
        project = path.join(tmp, "project");
        fs.mkdirSync(project);
        fs.copyFileSync(path.join(ROOT, "Pulumi.yaml"), path.join(project, "Pulumi.yaml"));
        for (const entry of ["stacks", "node_modules", "package.json", "tsconfig.json"]) {
            if (fs.existsSync(path.join(ROOT, entry))) {
                fs.symlinkSync(path.join(ROOT, entry), path.join(project, entry));
            }
        }
        const init = pulumi(["stack", "init", "engine", "--non-interactive"], MINUTE);
        if (init.status !== 0) {
            throw new Error(`pulumi stack init: ${init.stderr}`);
        }
    }, 30 * MINUTE);

    afterAll(() => {
        if (timings.length) {
            process.stderr.write(`engine timings (pulumi ${cli.version}): ${timings.join("; ")}\n`);
        }
        if (tmp) {
            fs.rmSync(tmp, { recursive: true, force: true });
        }
    });

    itOther("passes the reference stack with the pack loaded", async () => {
        setScenario(undefined);
        const [r, embedded] = await Promise.all([preview(), previewReference(analyzer())]);
        timings.push(`reference with pack ${r.ms} ms`);
        expect({ status: r.status, packs: packsLoaded(r.events) }).toEqual({ status: 0, packs: [PACK_NAME] });
        const verdict = engineVerdict(r.events);
        expect(verdict.violations).toEqual([]);
        expect(verdict.violations).toEqual(embeddedVerdict(embedded).violations);
        const plain = await preview({ pack: null });
        timings.push(`reference without pack ${plain.ms} ms`);
        expect(plain.status).toBe(0);
    }, 10 * MINUTE);

    const listed = CHOSEN_SCENARIOS.length ? CHOSEN_SCENARIOS : allScenarios ? SCENARIOS : representativeScenarios();
    const scenarios = listed.filter((_, i) => i % share.of === share.part - 1);
    const which = CHOSEN_SCENARIOS.length ? "the chosen scenarios" : allScenarios ? "every scenario" : "a scenario of every policy group";
    const counted = share.of > 1 ? `part ${share.part} of ${share.of}: ${scenarios.length} of ${listed.length}` : `${scenarios.length} of ${SCENARIOS.length}`;
    (scenarios.length ? it : none)(`reaches the embedded preview's verdict on ${which} (${counted})`, async () => {
        const started = Date.now();
        const differences: string[] = [];
        for (const name of scenarios) {
            setScenario(name);
            // The engine's preview and the embedded one at once: each waits on its own processes.
            const [r, analysis] = await Promise.all([preview(), previewReference(analyzer(), name)]);
            const engine = engineVerdict(r.events);
            let embedded = embeddedVerdict(analysis);
            const known = KNOWN_DIFFERENCES[name];
            if (known) {
                const unseen = (k: string) => known.resources.includes(k.split("\u0000")[1]);
                const seen = [...engine.violations, ...engine.unknowns].filter(unseen);
                if (seen.length) {
                    noteDifference(differences, `${name}: the known difference (${known.cause}) is gone, the engine judged ${JSON.stringify(show(seen))}: remove it from KNOWN_DIFFERENCES`);
                }
                embedded = { violations: embedded.violations.filter((k) => !unseen(k)), unknowns: embedded.unknowns.filter((k) => !unseen(k)) };
            }
            const failed = r.status !== 0;
            if (!packsLoaded(r.events).includes(PACK_NAME)) {
                noteDifference(differences, `${name}: the engine run did not complete with the pack (${explain(r)})`);
                continue;
            }
            const refusal = PROVIDER_REFUSALS[name];
            if (refusal) {
                const refused = r.events.some((e) => e.diagnosticEvent?.severity === "error" && e.diagnosticEvent.urn?.endsWith(`::${refusal.resource}`)
                    && refusal.error.test(e.diagnosticEvent.message));
                const embeddedRefuses = embedded.violations.some((k) => k.split("\u0000")[1] === refusal.resource && k.endsWith("\u0000mandatory"));
                const beyond = (e: string[], m: string[]) => show(e.filter((k) => !m.includes(k)));
                if (!failed || !refused || !embeddedRefuses) {
                    noteDifference(differences, `${name}: expected the provider to refuse ${refusal.resource} (${refusal.error}) and the embedded preview to fail it: engine exit ${r.status}, refused ${refused}, embedded ${embeddedRefuses} (${explain(r)})`);
                }
                // The engine stops at the refusal: whatever it judged must be what the embedded preview found.
                if (beyond(engine.violations, embedded.violations).length || beyond(engine.unknowns, embedded.unknowns).length) {
                    noteDifference(differences, `${name}: only in the engine: ${JSON.stringify([...beyond(engine.violations, embedded.violations), ...beyond(engine.unknowns, embedded.unknowns)])}`);
                }
                continue;
            }
            if (failed !== hasMandatory(embedded) || failed !== hasMandatory(engine)) {
                noteDifference(differences, `${name}: engine exit ${r.status}, embedded ${hasMandatory(embedded) ? "has" : "has no"} mandatory violation`);
            }
            const only = (a: string[], b: string[]) => show(a.filter((x) => !b.includes(x)));
            for (const [what, e, m] of [["violations", engine.violations, embedded.violations], ["unknowns", engine.unknowns, embedded.unknowns]] as const) {
                const engineOnly = only(e, m);
                const embeddedOnly = only(m, e);
                if (engineOnly.length || embeddedOnly.length) {
                    noteDifference(differences, `${name}: ${what} only in the engine: ${JSON.stringify(engineOnly)}; only in the embedded preview: ${JSON.stringify(embeddedOnly)}`);
                }
            }
        }
        timings.push(`${scenarios.length} scenarios in ${Math.round((Date.now() - started) / 1000)} s`);
        setScenario(undefined);
        expect(differences).toEqual([]);
    }, (allScenarios ? 60 : 20) * MINUTE);

    itFull("reaches the same verdicts on the YAML twins through the real YAML language host as the embedded preview and the TypeScript twins", async () => {
        const differences: string[] = [];
        for (const twin of YAML_TWINS) {
            // Each twin is its own project, copied with its stack config (Pulumi.dev.yaml).
            const dir = path.join(tmp, "twins", twin);
            fs.mkdirSync(dir, { recursive: true });
            fs.cpSync(path.join(TWINS_DIR, twin, "yaml"), dir, { recursive: true });
            const init = pulumi(["stack", "init", "dev", "--non-interactive"], MINUTE, dir);
            if (init.status !== 0) {
                throw new Error(`pulumi stack init in ${twin}: ${init.stderr}`);
            }
            const [r, yamlAnalysis, typescriptAnalysis] = await Promise.all([preview({ cwd: dir }),
                twinAnalysis(analyzer(), path.join(TWINS_DIR, twin, "yaml")), twinAnalysis(analyzer(), path.join(TWINS_DIR, twin, "typescript"))]);
            timings.push(`${twin} (YAML) ${r.ms} ms`);
            if (!packsLoaded(r.events).includes(PACK_NAME)) {
                noteDifference(differences, `${twin}: the engine run did not complete with the pack (${explain(r)})`);
                continue;
            }
            const engine = engineVerdict(r.events);
            const yaml = embeddedVerdict(yamlAnalysis);
            const typescript = embeddedVerdict(typescriptAnalysis);
            if (engine.violations.length === 0) {
                noteDifference(differences, `${twin}: the engine found no violation`);
            }
            for (const [what, other] of [["the embedded preview of the YAML twin", yaml], ["the embedded preview of the TypeScript twin", typescript]] as const) {
                if (JSON.stringify(engine) !== JSON.stringify(other)) {
                    noteDifference(differences, `${twin}: the engine ${JSON.stringify({ violations: show(engine.violations), unknowns: show(engine.unknowns) })}, ${what} ${JSON.stringify({ violations: show(other.violations), unknowns: show(other.unknowns) })}`);
                }
            }
        }
        expect(differences).toEqual([]);
    }, 15 * MINUTE);

    itOther("applies a policy-pack config the same way (a P0 lowered to advisory, a threshold raised)", async () => {
        setScenario(undefined);
        const packConfig = { "aws-rds-require-backup-retention": { enforcementLevel: "advisory", minimumDays: 35 } };
        const r = await preview({ packConfig });
        const engine = engineVerdict(r.events);
        const embedded = embeddedVerdict(await previewReference(analyzer(), undefined, packConfig));
        expect(r.status).toBe(0);
        expect(engine.violations.length).toBeGreaterThan(0);
        expect(engine.violations.every((k) => k.startsWith("aws-rds-require-backup-retention\u0000") && k.endsWith("\u0000advisory"))).toBe(true);
        expect(engine).toEqual(embedded);
    }, 10 * MINUTE);

    itOther("gives the same report from the engine's event log as from the embedded preview", async () => {
        const name = "aws-data-short-backup-retention";
        setScenario(name);
        // An exemption and a lowered level, so that exemptions and levels are compared too.
        const packConfig = {
            "aws-rds-require-backup-retention": { enforcementLevel: "advisory", exemptions: [{ resource: "app-db", reason: "restored from a snapshot", expires: "2099-01-31" }] },
            "aws-rds-require-multi-az": "mandatory",
        };
        const r = await preview({ packConfig });
        setScenario(undefined);
        const catalog = loadCatalog();
        const fromLog = jsonDocument(reportFromEvents(r.events, { catalog, packDir: PACK_DIR, packConfig, target: "events.jsonl" }));
        const { analysis, run } = await previewReferenceRun(analyzer(), name, packConfig);
        const embedded = jsonDocument(reportFromAnalysis(analysis, { catalog, source: { kind: "preview" }, subjects: withDefaultProviders(run, {}).resources,
            resourceTypes: packResourceTypes(PACK_DIR) }));
        // The event log carries no source lines and no resource count, and the stacks' names differ:
        // the rest must be equal.
        const comparable = (report: Report) => JSON.parse(JSON.stringify({
            findings: report.findings.map(({ location: _location, ...f }) => f),
            exemptions: report.exemptions.map(({ location: _location, ...e }) => e),
            notApplicable: report.notApplicable,
            policies: report.policies,
            score: report.score,
            summary: { ...report.summary, resources: undefined },
        }).replace(/urn:pulumi:[^:]+::/g, "urn:pulumi:<stack>::"));
        expect(embedded.exemptions.length).toBeGreaterThan(0);
        expect(comparable(fromLog)).toEqual(comparable(embedded));
    }, 10 * MINUTE);

    itOther("applies a ready-made profile as a plain policy-pack config, the same way", async () => {
        const scenario = "k8s-workload-host-access";
        setScenario(scenario);
        const profile = JSON.parse(fs.readFileSync(path.join(ROOT, "profiles", "pss-restricted.json"), "utf8"));
        const r = await preview({ packConfig: profile });
        const engine = engineVerdict(r.events);
        const embedded = embeddedVerdict(await previewReference(analyzer(), scenario, profile));
        setScenario(undefined);
        expect(r.status).not.toBe(0);
        expect(engine.violations.length).toBeGreaterThan(0);
        // Only Pod Security Standards controls are enabled in the profile.
        expect(engine.violations.every((k) => k.startsWith("kubernetes-workload-"))).toBe(true);
        expect(engine).toEqual(embedded);
    }, 10 * MINUTE);

    itOther("rejects a malformed policy-pack config in both", async () => {
        setScenario(undefined);
        const bad = { "aws-rds-require-backup-retention": "bogus" };
        const r = await preview({ packConfig: bad });
        expect(r.status).not.toBe(0);
        expect(`${r.stdout}\n${r.stderr}`).toMatch(/bogus/);

        const file = path.join(tmp, "bad-pack-config.json");
        fs.writeFileSync(file, JSON.stringify(bad));
        const embedded = spawnSync(process.execPath, [CLI, "preview", ".", "--policy-pack-config", file],
            { cwd: ROOT, encoding: "utf8", timeout: 5 * MINUTE });
        expect(embedded.error).toBeUndefined();
        expect(embedded.status).toBe(2);
        expect(embedded.stderr).toMatch(/bogus/);
    }, 10 * MINUTE);

    itFull("passes the reference stack with the pack as published (npm pack, npm install)", async () => {
        const dest = path.join(tmp, "published");
        fs.mkdirSync(dest);
        const npm = (args: string[], cwd: string) => execFileSync("npm", [...args, "--no-audit", "--no-fund"],
            { cwd, encoding: "utf8", timeout: 10 * MINUTE, stdio: ["ignore", "pipe", "pipe"] });
        // `npm pack` runs the pack's prepack script (its tsc build) and prints the tarball's name last.
        const tarball = path.join(dest, npm(["pack", "--pack-destination", dest], PACK_DIR).trim().split("\n").pop()!);
        const install = path.join(dest, "install");
        fs.mkdirSync(install);
        fs.writeFileSync(path.join(install, "package.json"), JSON.stringify({ private: true }));
        npm(["install", tarball], install);
        const pack = path.join(install, "node_modules", "prodready-policies");
        expect(fs.existsSync(path.join(pack, "PulumiPolicy.yaml"))).toBe(true);

        setScenario(undefined);
        const r = await preview({ pack });
        timings.push(`reference with the published pack ${r.ms} ms`);
        expect({ status: r.status, packs: packsLoaded(r.events) }).toEqual({ status: 0, packs: [PACK_NAME] });
        expect(engineVerdict(r.events).violations).toEqual([]);
    }, 15 * MINUTE);

    (share.scenariosOnly ? undefined : options.more)?.({
        tmp: () => tmp,
        pulumi,
        preview,
        setScenario,
        analyzer,
        timing: (what) => timings.push(what),
    });
}
