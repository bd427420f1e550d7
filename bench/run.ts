// `npm run bench`: the analyzer's cold start (compiled JavaScript against TypeScript compiled at
// start) and analyze throughput over gRPC for synthetic stacks, for the full pack against a
// trivial two-policy pack. Prints a Markdown table; docs/performance.md records the figures.
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { startAnalyzer } from "../src/analyzer/host";
import { analyzeRun } from "../src/analyzer/session";
import { loadProject, runProgram } from "../src/program";
import type { ProgramRun, RecordedResource } from "../src/program/records";

const ROOT = path.resolve(__dirname, "..");
const PACK = path.join(ROOT, "policies");
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const SIZES = (process.env.BENCH_SIZES ?? "1000,10000").split(",").map(Number);

function median(values: number[]): number {
    const sorted = [...values].sort((a, b) => a - b);
    const mid = Math.floor(sorted.length / 2);
    return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

function peakRssMiB(pid: number): number {
    // VmHWM is the process's peak resident set size.
    const status = fs.readFileSync(`/proc/${pid}/status`, "utf8");
    const kb = Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0);
    return kb / 1024;
}

function link(target: string, at: string): void {
    fs.symlinkSync(target, at);
}

/** A pack that loads its TypeScript sources through ts-node at start, as a pack without a build step does. */
function typescriptPack(): string {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "prodready-bench-ts-"));
    for (const entry of ["index.ts", "pack.ts", "registry.ts", "lib", "aws", "kubernetes", "PulumiPolicy.yaml"]) {
        fs.cpSync(path.join(PACK, entry), path.join(dir, entry), { recursive: true });
    }
    const pkg = JSON.parse(fs.readFileSync(path.join(PACK, "package.json"), "utf8"));
    fs.writeFileSync(path.join(dir, "package.json"), JSON.stringify({ ...pkg, main: "index.ts" }));
    fs.writeFileSync(path.join(dir, "tsconfig.json"), JSON.stringify({
        compilerOptions: { target: "ES2022", module: "commonjs", strict: true, esModuleInterop: true, skipLibCheck: true, types: ["node"], typeRoots: [path.join(ROOT, "node_modules", "@types")] },
    }));
    link(path.join(ROOT, "node_modules"), path.join(dir, "node_modules"));
    return dir;
}

/** The smallest useful pack: two policies, precompiled, for the per-resource baseline. */
function trivialPack(): string {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "prodready-bench-trivial-"));
    fs.writeFileSync(path.join(dir, "PulumiPolicy.yaml"), "runtime: nodejs\n");
    fs.writeFileSync(path.join(dir, "package.json"), JSON.stringify({ name: "trivial", version: "0.0.1", main: "index.js" }));
    fs.writeFileSync(path.join(dir, "index.js"), `
const { PolicyPack } = require("@pulumi/policy");
new PolicyPack("trivial", { policies: [
  { name: "has-props", description: "d", enforcementLevel: "advisory", validateResource: (a, report) => { if (!a.props) report("no props"); } },
  { name: "no-public", description: "d", enforcementLevel: "advisory", validateResource: (a, report) => { if (a.props.publiclyAccessible === true) report("public"); } },
] });
`);
    link(path.join(ROOT, "node_modules"), path.join(dir, "node_modules"));
    return dir;
}

async function coldStart(dir: string): Promise<number[]> {
    const times: number[] = [];
    for (let i = 0; i < RUNS; i++) {
        const host = await startAnalyzer(dir, { timeoutSeconds: 300 });
        times.push(host.startMillis);
        await host.stop();
    }
    return times;
}

/** Replicates the reference stack's resources (real shapes, mixed AWS and Kubernetes) to `size`. */
function synthetic(base: ProgramRun, size: number): ProgramRun {
    const custom = base.resources.filter((r) => r.custom);
    const resources: RecordedResource[] = [];
    for (let i = 0; resources.length < size; i++) {
        const r = custom[i % custom.length];
        const copy = Math.floor(i / custom.length);
        resources.push({ ...r, name: `${r.name}-${copy}`, urn: `${r.urn}-${copy}`, parent: undefined, dependencies: [], propertyDependencies: {} });
    }
    return { ...base, resources };
}

async function throughput(dir: string, run: ProgramRun): Promise<{ perSecond: number; peakMiB: number; millis: number }> {
    const host = await startAnalyzer(dir, { timeoutSeconds: 300 });
    try {
        const times: number[] = [];
        for (let i = 0; i < Math.max(1, Math.min(RUNS, 3)); i++) {
            const analysis = await analyzeRun(host, run, { concurrency: 64 });
            times.push(analysis.durationMillis);
        }
        const millis = median(times);
        return { perSecond: run.resources.length / (millis / 1000), peakMiB: peakRssMiB(host.process.pid!), millis };
    } finally {
        await host.stop();
    }
}

async function main(): Promise<void> {
    const machine = `${os.cpus().length} × ${os.cpus()[0]?.model ?? "cpu"}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}`;
    console.log(`Machine: ${machine}; medians of ${RUNS} runs\n`);
    const tsPack = typescriptPack();
    const trivial = trivialPack();
    const compiledStart = median(await coldStart(PACK));
    const tsStart = median(await coldStart(tsPack));
    const trivialStart = median(await coldStart(trivial));
    console.log("| Cold start (process start to serving) | median ms |");
    console.log("| --- | --- |");
    console.log(`| full pack, compiled JavaScript | ${compiledStart.toFixed(0)} |`);
    console.log(`| full pack, TypeScript compiled by ts-node at start | ${tsStart.toFixed(0)} (${(tsStart / compiledStart).toFixed(1)}× slower) |`);
    console.log(`| trivial two-policy pack, compiled | ${trivialStart.toFixed(0)} |\n`);

    const base = await runProgram(loadProject(ROOT));
    console.log("| Stack size | pack | resources/s (analyze + analyzeStack) | wall ms | analyzer peak RSS MiB | full/trivial time |");
    console.log("| --- | --- | --- | --- | --- | --- |");
    for (const size of SIZES) {
        const run = synthetic(base, size);
        const full = await throughput(PACK, run);
        const small = await throughput(trivial, run);
        console.log(`| ${size} | full | ${full.perSecond.toFixed(0)} | ${full.millis.toFixed(0)} | ${full.peakMiB.toFixed(0)} | ${(full.millis / small.millis).toFixed(2)} |`);
        console.log(`| ${size} | trivial | ${small.perSecond.toFixed(0)} | ${small.millis.toFixed(0)} | ${small.peakMiB.toFixed(0)} | 1.00 |`);
    }
    for (const dir of [tsPack, trivial]) {
        fs.rmSync(dir, { recursive: true, force: true });
    }
}

main().catch((err) => {
    console.error(`bench failed: ${err instanceof Error ? err.message : err}`);
    process.exitCode = 1;
});
