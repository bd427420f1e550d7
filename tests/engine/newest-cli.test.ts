// The cross-version engine tests (tests/engine/suite.ts) on every Pulumi CLI of
// PRODREADY_ENGINE_CLIS after the first: in CI, the newest the Go module proxy serves (.ci/run). The
// same verdicts as the embedded preview on the reference stack, on a scenario of every policy group,
// with configs and profiles, and the same event-log report; then what newer CLIs add:
//   - Pulumi policy exceptions: since 3.276 a versioned policy-pack config (`"version": 2`) lists
//     them under "exceptions" (pkg/resource/analyzer/config.go parsePolicyPackConfigV2,
//     exceptions.go), so a local preview writes excepted violations; prodready reports them as exempt.
//   - `pulumi policy validate-config` checks a config against a pack published to Pulumi Cloud
//     only; the profiles are checked by the engine's own config validation in a local preview.
//   - `pulumi policy analyze --file <stack export>` judges recorded state with the pack.
// Skipped with one line of notice when only one CLI is listed.
import * as fs from "fs";
import * as path from "path";
import { isUnknownDuringPreview } from "../../policies/lib/contract";
import { loadCatalog } from "../../src/catalog/catalog";
import { plainMessage, PolicyEvent, reportFromEvents } from "../../src/report/event-log";
import { previewReference, ROOT } from "../harness/stack";
import { loadScenario } from "../../stacks/scenario";
import { compareVersions, EngineCli, engineClis } from "./clis";
import { policyAnalyze } from "./policy-analyze";
import { embeddedVerdict, EngineHarness, engineSuite, engineVerdict, EngineRun, MINUTE, PACK_DIR, PACK_NAME, packsLoaded } from "./suite";

/** The first version the Go module proxy serves whose local policy-pack config takes "exceptions" (3.270 is refused by the proxy). */
const LOCAL_EXCEPTIONS_SINCE = "3.276.0";
const PROFILES = fs.readdirSync(path.join(ROOT, "profiles")).filter((f) => f.endsWith(".json")).sort();

const others = engineClis().slice(1);
if (others.length === 0) {
    process.stderr.write("cross-version engine tests skipped: PRODREADY_ENGINE_CLIS lists no second pulumi CLI (.ci/run builds the newest)\n");
    describe.skip("the real Pulumi engine, another version", () => {
        it("needs a second pulumi CLI", () => undefined);
    });
}
for (const cli of others) {
    engineSuite(cli, { full: false, more: (engine) => newerCliTests(cli, engine) });
}

function violationsOf(run: EngineRun): PolicyEvent[] {
    return run.events.flatMap((e) => e.policyEvent && !isUnknownDuringPreview(plainMessage(e.policyEvent.message)) ? [e.policyEvent] : []);
}

function newerCliTests(cli: EngineCli, engine: EngineHarness): void {
    const catalog = loadCatalog();

    if (compareVersions(cli.version, LOCAL_EXCEPTIONS_SINCE) >= 0) {
        it("reports a violation a Pulumi policy exception covers as exempt, with the exception's id and reason, and fails only on the rest", async () => {
            const scenario = "aws-analytics-warehouse-exposed";
            engine.setScenario(scenario);
            const before = await engine.preview();
            const violations = violationsOf(before);
            expect(violations.map((v) => v.policyName).sort()).toEqual(loadScenario(scenario).violations.map(([policy]) => policy).sort());
            expect(violations.every((v) => v.enforcementLevel === "mandatory" && !v.exceptions)).toBe(true);
            expect(before.status).not.toBe(0);

            // One exception for the first violation: the second still fails the run.
            const [first, second] = violations;
            const exception = (policy: PolicyEvent, reason: string) => ({ reason, match: [{ policies: [policy.policyName], targets: [policy.resourceUrn] }] });
            const partly = { version: 2, policies: {}, exceptions: { "EXC-7": exception(first, "the warehouse is reached through a\nVPN-only endpoint until Q3") } };
            const r = await engine.preview({ packConfig: partly });
            engine.timing(`exception preview ${r.ms} ms`);
            expect(packsLoaded(r.events)).toContain(PACK_NAME);
            expect(violationsOf(r).map((v) => [v.policyName, v.exceptions ?? []]).sort()).toEqual([
                [first.policyName, [{ id: "EXC-7", reason: "the warehouse is reached through a\nVPN-only endpoint until Q3" }]],
                [second.policyName, []],
            ].sort());
            expect(r.status).not.toBe(0);
            const report = reportFromEvents(r.events, { catalog, packDir: PACK_DIR, packConfig: partly, target: "events.jsonl" });
            expect(report.exemptions.filter((e) => e.source.startsWith("Pulumi policy exception"))).toEqual([{
                policy: first.policyName, reason: "the warehouse is reached through a VPN-only endpoint until Q3", source: "Pulumi policy exception EXC-7",
                urn: first.resourceUrn, type: "aws:redshift/cluster:Cluster", name: "app-warehouse",
            }]);
            expect(report.findings.filter((f) => f.outcome === "violation").map((f) => [f.policy, f.enforcementLevel])).toEqual([[second.policyName, "mandatory"]]);
            expect(report.summary).toMatchObject({ mandatory: 1, passed: false });

            // Both excepted: the engine passes the run, and so does the report.
            const all = { ...partly, exceptions: { ...partly.exceptions, "EXC-12": exception(second, "public access is audited daily") } };
            const passed = await engine.preview({ packConfig: all });
            engine.setScenario(undefined);
            expect(passed.status).toBe(0);
            const passedReport = reportFromEvents(passed.events, { catalog, packDir: PACK_DIR, packConfig: all, target: "events.jsonl" });
            expect(passedReport.findings.filter((f) => f.outcome === "violation")).toEqual([]);
            expect(passedReport.exemptions.filter((e) => e.source.startsWith("Pulumi policy exception")).map((e) => [e.policy, e.source]))
                .toEqual([[first.policyName, "Pulumi policy exception EXC-7"], [second.policyName, "Pulumi policy exception EXC-12"]].sort());
            expect(passedReport.summary).toMatchObject({ mandatory: 0, notVerified: 0, passed: true });
        }, 10 * MINUTE);
    } else {
        process.stderr.write(`pulumi ${cli.version} predates local policy exceptions (${LOCAL_EXCEPTIONS_SINCE}): not tested on it\n`);
    }

    it("has `pulumi policy validate-config`, which checks a config only against a pack published to Pulumi Cloud", () => {
        const help = engine.pulumi(["policy", "validate-config", "--help"], MINUTE);
        expect(help.status).toBe(0);
        expect(help.stdout).toMatch(/pulumi policy validate-config <org-name>\/<policy-pack-name> <version>/);
        // With the file:// backend it cannot reach the published pack (pkg/backend/diy/backend.go GetPolicyPack).
        const r = engine.pulumi(["policy", "validate-config", `organization/${PACK_NAME}`, "0.1.0", "--config", path.join(ROOT, "profiles", PROFILES[0])], MINUTE);
        expect(r.status).not.toBe(0);
        expect(r.stderr).toMatch(/DIY backend does not support resource policy/);
    });

    it.each(PROFILES)("loads the pack with profiles/%s through the engine's own config validation, with the embedded preview's verdicts", async (profile) => {
        engine.setScenario(undefined);
        const packConfig = JSON.parse(fs.readFileSync(path.join(ROOT, "profiles", profile), "utf8"));
        const [r, embedded] = await Promise.all([engine.preview({ packConfig }), previewReference(engine.analyzer(), undefined, packConfig)]);
        engine.timing(`${profile} ${r.ms} ms`);
        expect(`${r.stdout}\n${r.stderr}`).not.toMatch(/validating policy config|reconciling policy config|error:/);
        expect(packsLoaded(r.events)).toContain(PACK_NAME);
        expect(engineVerdict(r.events)).toEqual(embeddedVerdict(embedded));
    }, 10 * MINUTE);

    it("judges stack exports with `pulumi policy analyze` and the pack: a scenario's state differs from the reference stack's by the scenario's violations", async () => {
        // A stack of its own, deployed without the pack (a mandatory violation would stop `up`)
        // against the AWS double and the Kubernetes provider rendering to a folder (no cluster):
        // first the reference stack, then a scenario, each exported.
        const scenario = "aws-data-short-backup-retention";
        const stack = ["--stack", "analyze", "--non-interactive"];
        const step = (args: string[]) => {
            const r = engine.pulumi([...args, ...stack], 10 * MINUTE);
            if (r.status !== 0) {
                throw new Error(`pulumi ${args.join(" ")}: exit ${r.status}: ${r.stderr.slice(-2000)}${r.stdout.slice(-2000)}`);
            }
            return r;
        };
        const deployed = (name: string) => {
            step(["up", "--yes", "--skip-preview"]);
            const file = path.join(engine.tmp(), `${name}.export.json`);
            step(["stack", "export", "--file", file]);
            return file;
        };
        step(["stack", "init", "--no-select"]);
        step(["config", "set", "kubernetes:renderYamlToDirectory", path.join(engine.tmp(), "rendered-analyze")]);
        const reference = deployed("reference");
        step(["config", "set", "prodready:scenario", scenario]);
        const broken = deployed(scenario);

        const started = Date.now();
        const [before, after] = [policyAnalyze(engine, reference), policyAnalyze(engine, broken)];
        engine.timing(`policy analyze twice in ${Date.now() - started} ms`);
        for (const analysis of [before, after]) {
            expect(packsLoaded(analysis.events)).toContain(PACK_NAME);
        }
        // The double computes no output (an ARN, an id), so the recorded state judges otherwise than
        // a preview on policies that read one: only the difference the scenario makes is compared.
        const added = after.verdict.violations.filter((k) => !before.verdict.violations.includes(k)).map((k) => k.split("\u0000").slice(0, 2).join(" "));
        const gone = before.verdict.violations.filter((k) => !after.verdict.violations.includes(k));
        expect({ added, gone }).toEqual({ added: loadScenario(scenario).violations.map(([policy, name]) => `${policy} ${name}`), gone: [] });
        expect(after.status).not.toBe(0);

        // With the scenario's violation excepted, analyze marks it so and judges as on the reference state.
        const [policy] = loadScenario(scenario).violations[0];
        const event = after.events.map((e) => e.policyEvent).find((p) => p?.policyName === policy)!;
        const excepted = policyAnalyze(engine, broken, {
            version: 2, policies: {}, exceptions: { "EXC-3": { reason: "restored from a snapshot", match: [{ policies: [policy], targets: [event.resourceUrn] }] } },
        });
        expect(excepted.events.flatMap((e) => e.policyEvent?.exceptions ?? [])).toEqual([{ id: "EXC-3", reason: "restored from a snapshot" }]);
        expect(excepted.status).toBe(before.status);
    }, 20 * MINUTE);
}
