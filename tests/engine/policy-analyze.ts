// `pulumi policy analyze`: the engine judges a stack's recorded state (a `pulumi stack export`)
// with local policy packs, without running the program or calling a provider
// (pkg/cmd/pulumi/policy/policy_analyze.go). With --file it needs no stack and no backend login;
// with --json it writes one apitype.EngineEvent a line on stdout: a policyEvent per violation (with
// its `exceptions`) and a closing summaryEvent; the per-resource policy summaries are left out.
// It exits non-zero when a mandatory violation no exception covers is found.
import * as fs from "fs";
import * as path from "path";
import { EngineEvent, readEvents } from "../../src/report/event-log";
import { EngineHarness, engineVerdict, PACK_DIR, Verdict } from "./suite";

export interface PolicyAnalysis {
    status: number | null;
    stderr: string;
    events: EngineEvent[];
    verdict: Verdict;
}

let analyses = 0;

/** Runs `pulumi policy analyze --file <export> --json` with prodready's pack (and a policy-pack config), and reads its verdicts. */
export function policyAnalyze(engine: EngineHarness, exportFile: string, packConfig?: unknown): PolicyAnalysis {
    const args = ["policy", "analyze", "--file", exportFile, "--policy-pack", PACK_DIR, "--json"];
    if (packConfig !== undefined) {
        const file = path.join(engine.tmp(), `analyze-config-${++analyses}.json`);
        fs.writeFileSync(file, JSON.stringify(packConfig));
        args.push("--policy-pack-config", file);
    }
    const r = engine.pulumi(args, 5 * 60_000, engine.tmp());
    // The same reader as `prodready report`, which checks every event's shape.
    const log = path.join(engine.tmp(), `analyze-events-${++analyses}.jsonl`);
    fs.writeFileSync(log, r.stdout);
    const events = r.stdout.trim() === "" ? [] : readEvents(log);
    return { status: r.status, stderr: r.stderr, events, verdict: engineVerdict(events) };
}
