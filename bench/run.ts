// `npm run bench`: prodready's speed targets, each measured against its baseline in the same run
// and printed with its ratio and PASS or FAIL. docs/performance.md records a run.
//   BENCH_RUNS (default 3): runs per figure, medians reported.
//   BENCH_SIZES (default 1000,10000): object counts for the manifest, program and analyzer figures.
//   BENCH_SECTIONS (default all): any of coldstart,analyzer,manifests,preview,tests.
import { spawn, spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { startAnalyzer } from "../src/analyzer/host";
import { analyzeRun } from "../src/analyzer/session";
import { loadProject, runProgram } from "../src/program";
import type { ProgramRun } from "../src/program/records";
import { indexedPolicies } from "../policies/serving/policy-index";
import { helmStyleCorpus } from "./corpus";
import { syntheticStack } from "./synthetic-stack";
import { writeProgram } from "./program";

const ROOT = path.resolve(__dirname, "..");
const PACK = path.join(ROOT, "policies");
const CLI = path.join(ROOT, "bin", "prodready.js");
const NODE_MODULES = path.join(ROOT, "node_modules");
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const SIZES = (process.env.BENCH_SIZES ?? "1000,10000").split(",").map(Number).sort((a, b) => a - b);
const SECTIONS = new Set((process.env.BENCH_SECTIONS ?? "coldstart,analyzer,manifests,preview,tests").split(","));
const WORK = fs.mkdtempSync(path.join(os.tmpdir(), "prodready-bench-"));

interface Target {
    name: string;
    measured: string;
    limit: string;
    pass: boolean | undefined;
}
const targets: Target[] = [];

function target(name: string, ratio: number | undefined, limit: number, unit = "×"): void {
    targets.push({
        name,
        measured: ratio === undefined ? "not measured" : `${ratio.toFixed(2)}${unit}`,
        limit: `≤ ${Number(limit.toFixed(2))}${unit}`,
        pass: ratio === undefined ? undefined : ratio <= limit,
    });
}

function median(values: number[]): number {
    const sorted = [...values].sort((a, b) => a - b);
    const mid = Math.floor(sorted.length / 2);
    return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

function log(text: string): void {
    process.stderr.write(`bench: ${text}\n`);
}

/** Runs a command to its end; wall milliseconds and peak RSS (MiB, Node.js processes only). */
function timed(command: string, args: string[], options: { cwd?: string; env?: NodeJS.ProcessEnv; okCodes?: number[] } = {}): Promise<{ millis: number; peakMiB?: number }> {
    const rssFile = path.join(WORK, `rss-${process.hrtime.bigint()}`);
    const env = { ...process.env, ...options.env, PRODREADY_BENCH_RSS: rssFile, NODE_OPTIONS: `--require=${path.join(__dirname, "peak-rss.js")}` };
    const started = process.hrtime.bigint();
    return new Promise((resolve, reject) => {
        const child = spawn(command, args, { cwd: options.cwd ?? ROOT, env, stdio: ["ignore", "ignore", "pipe"] });
        let stderr = "";
        child.stderr.on("data", (chunk) => { stderr += chunk; });
        child.on("error", reject);
        child.on("exit", (code) => {
            const millis = Number(process.hrtime.bigint() - started) / 1e6;
            if (!(options.okCodes ?? [0]).includes(code ?? -1)) {
                reject(new Error(`${path.basename(command)} ${args.slice(0, 2).join(" ")} exited ${code}: ${stderr.trim().split("\n").slice(-3).join(" | ")}`));
                return;
            }
            const peak = fs.existsSync(rssFile) ? Number(fs.readFileSync(rssFile, "utf8")) / 1024 : undefined;
            resolve({ millis, peakMiB: peak });
        });
    });
}

async function medianOf(run: () => Promise<{ millis: number; peakMiB?: number }>): Promise<{ millis: number; peakMiB?: number }> {
    const results = [];
    for (let i = 0; i < RUNS; i++) results.push(await run());
    return { millis: median(results.map((r) => r.millis)), peakMiB: results[0].peakMiB === undefined ? undefined : median(results.map((r) => r.peakMiB!)) };
}

// ---- Cold start ----

function link(target: string, at: string): void {
    fs.symlinkSync(target, at);
}

/** The smallest useful pack: two policies, precompiled, for the per-resource baseline. */
function trivialPack(): string {
    const dir = fs.mkdtempSync(path.join(WORK, "trivial-"));
    fs.writeFileSync(path.join(dir, "PulumiPolicy.yaml"), "runtime: nodejs\n");
    fs.writeFileSync(path.join(dir, "package.json"), JSON.stringify({ name: "trivial", version: "0.0.1", main: "index.js" }));
    fs.writeFileSync(path.join(dir, "index.js"), `
const { PolicyPack } = require("@pulumi/policy");
new PolicyPack("trivial", { policies: [
  { name: "has-props", description: "d", enforcementLevel: "advisory", validateResource: (a, report) => { if (!a.props) report("no props"); } },
  { name: "no-public", description: "d", enforcementLevel: "advisory", validateResource: (a, report) => { if (a.props.publiclyAccessible === true) report("public"); } },
] });
`);
    link(NODE_MODULES, path.join(dir, "node_modules"));
    return dir;
}

async function coldStart(): Promise<void> {
    const served = indexedPolicies(path.join(PACK, "bin"), {});
    if ("reason" in served) {
        log(`the pack loads every policy module at start (${served.reason}): run npm run build first`);
    }
    const starts: number[] = [];
    const bare: number[] = [];
    for (let i = 0; i < RUNS; i++) {
        const host = await startAnalyzer(PACK, { timeoutSeconds: 300 });
        starts.push(host.startMillis);
        await host.stop();
        bare.push((await timed(process.execPath, ["-e", "require('@pulumi/policy')"], { cwd: PACK })).millis);
    }
    const full = median(starts);
    const baseline = median(bare);
    console.log("| Cold start | median ms |\n| --- | --- |");
    console.log(`| the pack, spawned until it serves | ${full.toFixed(0)} |`);
    console.log(`| bare \`node -e "require('@pulumi/policy')"\` | ${baseline.toFixed(0)} |\n`);
    // Pack and bare require alternate: the ratio is taken pair by pair.
    target("analyzer cold start / bare require('@pulumi/policy') (median of pairs)", median(starts.map((s, i) => s / bare[i])), 1.3);
}

// ---- Analyzer throughput over gRPC ----

/**
 * The full pack and the trivial one analyse the same stack in turn (full, trivial, full, …), each
 * pack one process for all its runs, so that both see the same machine: the ratio is taken pair by pair.
 */
async function pairedAnalyses(run: ProgramRun, trivial: string): Promise<{ full: number; small: number; ratio: number }> {
    const [fullHost, smallHost] = [await startAnalyzer(PACK, { timeoutSeconds: 300 }), await startAnalyzer(trivial, { timeoutSeconds: 300 })];
    try {
        const full: number[] = [];
        const small: number[] = [];
        for (let i = 0; i < RUNS; i++) {
            full.push((await analyzeRun(fullHost, run, { concurrency: 64 })).durationMillis);
            small.push((await analyzeRun(smallHost, run, { concurrency: 64 })).durationMillis);
        }
        return { full: median(full), small: median(small), ratio: median(full.map((f, i) => f / small[i])) };
    } finally {
        await Promise.all([fullHost.stop(), smallHost.stop()]);
    }
}

async function analyzer(): Promise<void> {
    const trivial = trivialPack();
    const base = await runProgram(loadProject(ROOT));
    console.log("| Stack size | pack | resources/s (Analyze + AnalyzeStack over gRPC) | wall ms (median) | full/trivial time (median of pairs) |\n| --- | --- | --- | --- | --- |");
    let ratio = 0;
    for (const size of SIZES) {
        const run = syntheticStack(base, size);
        const paired = await pairedAnalyses(run, trivial);
        ratio = paired.ratio;
        console.log(`| ${size} | full | ${(size / (paired.full / 1000)).toFixed(0)} | ${paired.full.toFixed(0)} | ${ratio.toFixed(2)} |`);
        console.log(`| ${size} | trivial | ${(size / (paired.small / 1000)).toFixed(0)} | ${paired.small.toFixed(0)} | 1.00 |`);
    }
    console.log("");
    // 80 % of the trivial pack's throughput is at most 1.25 times its time.
    target(`analyzer: full pack time / trivial pack time at ${SIZES[SIZES.length - 1]} resources (80 % throughput)`, ratio, 1.25);
}

// ---- Manifests against kube-score ----

function kubeScore(): string | undefined {
    const onPath = spawnSync("sh", ["-c", "command -v kube-score"], { encoding: "utf8" }).stdout.trim();
    if (onPath) return onPath;
    const cacheBin = path.join(os.homedir(), ".cache", "prodready", "kube-score");
    const cached = path.join(cacheBin, "kube-score");
    if (fs.existsSync(cached)) return cached;
    if (spawnSync("go", ["version"]).status !== 0) {
        log("kube-score is not installed and Go is not available: the kube-score comparison is not measured");
        return undefined;
    }
    log("building kube-score v1.20.0 with go install (once, cached in ~/.cache/prodready/kube-score)");
    const built = spawnSync("go", ["install", "github.com/zegl/kube-score/cmd/kube-score@v1.20.0"], { env: { ...process.env, GOBIN: cacheBin }, stdio: "inherit" });
    return built.status === 0 && fs.existsSync(cached) ? cached : undefined;
}

async function manifests(): Promise<void> {
    const scorer = kubeScore();
    const ours: Record<number, { millis: number; peakMiB?: number }> = {};
    const theirs: Record<number, number> = {};
    console.log("| Objects | prodready manifests (ms) | peak RSS MiB | kube-score (ms) | prodready / kube-score |\n| --- | --- | --- | --- | --- |");
    for (const size of SIZES) {
        const file = path.join(WORK, `corpus-${size}.yaml`);
        fs.writeFileSync(file, helmStyleCorpus(size));
        // Exit code 1: the corpus breaks policies on purpose.
        ours[size] = await medianOf(() => timed(process.execPath, [CLI, "manifests", file, "--format", "json"], { okCodes: [1] }));
        if (scorer) {
            theirs[size] = (await medianOf(() => timed(scorer, ["score", file, "--output-format", "json"], { okCodes: [0, 1] }))).millis;
        }
        const ratio = theirs[size] ? (ours[size].millis / theirs[size]).toFixed(2) : "n/a";
        console.log(`| ${size} | ${ours[size].millis.toFixed(0)} | ${ours[size].peakMiB?.toFixed(0) ?? "n/a"} | ${theirs[size]?.toFixed(0) ?? "not measured"} | ${ratio} |`);
    }
    console.log("");
    const [small, large] = [SIZES[0], SIZES[SIZES.length - 1]];
    target(`manifests: prodready / kube-score at ${large} objects`, theirs[large] ? ours[large].millis / theirs[large] : undefined, 1);
    if (large > small) {
        const factor = large / small;
        target(`manifests: time at ${large} / time at ${small} objects (linear)`, ours[large].millis / ours[small].millis, Number((factor * 1.1).toFixed(1)));
        const memory = ours[large].peakMiB && ours[small].peakMiB ? ours[large].peakMiB! / ours[small].peakMiB! : undefined;
        target(`manifests: peak memory at ${large} / at ${small} objects (linear)`, memory, factor * 1.1);
    }
}

// ---- Preview against the SDK's mock run ----

async function preview(): Promise<void> {
    const tsNode = require.resolve("ts-node/dist/bin.js");
    const mockRun = path.join(__dirname, "mock-run.ts");
    const ours: Record<number, number> = {};
    const mocks: Record<number, number> = {};
    console.log("| Resources | prodready preview (ms) | SDK mock run, no policies (ms) | ratio |\n| --- | --- | --- | --- |");
    for (const size of SIZES) {
        const dir = path.join(WORK, `program-${size}`);
        writeProgram(dir, size, NODE_MODULES);
        // Both runs transpile the program without type-checking it, as the mock run's ts-node does.
        ours[size] = (await medianOf(() => timed(process.execPath, [CLI, "preview", dir, "--format", "json", "--timeout", "3600"], { okCodes: [1], env: { PULUMI_NODEJS_TRANSPILE_ONLY: "true" } }))).millis;
        mocks[size] = (await medianOf(() => timed(process.execPath, [tsNode, "--transpile-only", mockRun, dir], { cwd: dir }))).millis;
        console.log(`| ${size} | ${ours[size].toFixed(0)} | ${mocks[size].toFixed(0)} | ${(ours[size] / mocks[size]).toFixed(2)} |`);
    }
    console.log("");
    const [small, large] = [SIZES[0], SIZES[SIZES.length - 1]];
    target(`preview: prodready / SDK mock run at ${large} resources`, ours[large] / mocks[large], 1.3);
    if (large > small) {
        target(`preview: time at ${large} / time at ${small} resources (linear)`, ours[large] / ours[small], (large / small) * 1.1);
    }
}

// ---- The test suite ----

/** The whole suite on the 2-core machine, from a clean clone, must fit in this. */
const TEST_SUITE_LIMIT_SECONDS = 360;

async function tests(): Promise<void> {
    if (process.env.BENCH_TEST_SUITE !== "1") {
        targets.push({ name: "npm test without the engine tests", measured: "not measured (set BENCH_TEST_SUITE=1)", limit: `≤ ${TEST_SUITE_LIMIT_SECONDS} s`, pass: undefined });
        return;
    }
    const jest = require.resolve("jest/bin/jest.js");
    const { millis } = await timed(process.execPath, [jest, "--testPathIgnorePatterns", "tests/engine"]);
    console.log(`| Test suite without the engine tests | ${(millis / 1000).toFixed(0)} s |\n| --- | --- |\n`);
    target("npm test without the engine tests (seconds)", millis / 1000, TEST_SUITE_LIMIT_SECONDS, " s");
}

async function main(): Promise<void> {
    const machine = `${os.cpus().length} × ${os.cpus()[0]?.model ?? "cpu"}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}, load average ${os.loadavg()[0].toFixed(1)} at start`;
    console.log(`Machine: ${machine}; medians of ${RUNS} runs; sizes ${SIZES.join(", ")}\n`);
    const sections: Array<[string, () => Promise<void>]> = [
        ["coldstart", coldStart], ["analyzer", analyzer], ["manifests", manifests], ["preview", preview], ["tests", tests],
    ];
    for (const [name, run] of sections) {
        if (SECTIONS.has(name)) {
            log(`${name}…`);
            await run();
        }
    }
    console.log("| Target | measured | limit | result |\n| --- | --- | --- | --- |");
    for (const t of targets) {
        console.log(`| ${t.name} | ${t.measured} | ${t.limit} | ${t.pass === undefined ? "NOT MEASURED" : t.pass ? "PASS" : "FAIL"} |`);
    }
    fs.rmSync(WORK, { recursive: true, force: true });
}

main().catch((err) => {
    console.error(`bench failed: ${err instanceof Error ? err.message : err}`);
    process.exitCode = 1;
});
