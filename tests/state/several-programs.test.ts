// Several programs in one run: `prodready preview <dirA> <dirB>` judges them as one estate, with one
// pack process whose stack policies see every stack, and one report with a section per stack.
// tests/state/fixtures: app-stack declares an internet-facing load balancer; monitoring-stack
// alarms on it by its CloudWatch name and notifies a topic.
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import * as host from "../../src/analyzer/host";
import * as inProcess from "../../src/analyzer/in-process";
import type { Report } from "../../src/report/document";
import { runCliInProcess } from "../harness/cli";

const FIXTURES = path.join(__dirname, "fixtures");
const APP = path.join(FIXTURES, "app-stack");
const MONITORING = path.join(FIXTURES, "monitoring-stack");
const ALARMS = "aws-cloudwatch-require-load-balancer-alarms";

/** The command line in this process: the suite spies on the analyzer it starts. */
const prodready = (...args: string[]) => runCliInProcess(args);

describe("several programs in one run", () => {
    afterEach(() => jest.restoreAllMocks());

    it("share one analyzer process, and an alarm in the monitoring stack covers the app stack's load balancer", async () => {
        const alone = await prodready("preview", APP, "--format", "json", "--quiet");
        const aloneReport = JSON.parse(alone.stdout) as Report;
        expect(aloneReport.findings.filter((f) => f.policy === ALARMS).map((f) => f.name)).toEqual(["web", "web"]);

        const started = jest.spyOn(host, "startAnalyzer");
        const inThisProcess = jest.spyOn(inProcess, "startInProcessAnalyzer");
        const run = await prodready("preview", APP, MONITORING, "--format", "json", "--quiet");
        expect(started).toHaveBeenCalledTimes(1);
        expect(inThisProcess).not.toHaveBeenCalled();
        expect(run.code).toBe(0);
        const report = JSON.parse(run.stdout) as Report;
        expect(report.findings.filter((f) => f.policy === ALARMS)).toEqual([]);
        expect(report.stacks).toEqual([
            { project: "shop-app", stack: "dev", target: APP, resources: 3 },
            { project: "shop-monitoring", stack: "dev", target: MONITORING, resources: 5 },
        ]);
        // Each resource is judged as its own stack's: its URN names its stack and project.
        expect(report.findings.filter((f) => f.name === "web").every((f) => f.urn?.startsWith("urn:pulumi:dev::shop-app::"))).toBe(true);
        expect(report.findings.filter((f) => f.name === "alerts").every((f) => f.urn?.startsWith("urn:pulumi:dev::shop-monitoring::"))).toBe(true);
        expect(report.summary.resources).toBe(8);
    });

    it("still judges the alarm: one that does not match the load balancer leaves it uncovered", async () => {
        const run = await prodready("preview", APP, MONITORING, "--config", "loadBalancer=app/other/50dc6c495c0c9188", "--format", "json", "--quiet");
        const report = JSON.parse(run.stdout) as Report;
        expect(report.findings.filter((f) => f.policy === ALARMS).map((f) => f.name)).toEqual(["web", "web"]);
    });

    it("prints one section per stack, and one for what the stack policies say of them all", async () => {
        const run = await prodready("preview", APP, MONITORING, "--quiet");
        const headings = run.stdout.split("\n").filter((l) => /^ {4}(Stack|Across)/.test(l));
        expect(headings).toEqual([
            expect.stringMatching(/^ {4}Stack shop-app\/dev \(program: .*app-stack, 3 resources\): 0 mandatory violations, \d+ advisory, 0 unknown$/),
            expect.stringMatching(/^ {4}Stack shop-monitoring\/dev \(program: .*monitoring-stack, 5 resources\): 0 mandatory violations, \d+ advisory, 0 unknown$/),
            expect.stringMatching(/^ {4}Across the stacks/),
        ]);
        const appSection = run.stdout.slice(run.stdout.indexOf("Stack shop-app/dev"), run.stdout.indexOf("Stack shop-monitoring/dev"));
        expect(appSection).toContain("(aws:lb/loadBalancer:LoadBalancer: web)");
        expect(appSection).not.toContain("(aws:sns/topic:Topic: alerts)");
    });

    it("refuses the same stack twice, and --state with several programs, with one line (exit 2)", async () => {
        const dir = fs.mkdtempSync(path.join(os.tmpdir(), "prodready-programs-"));
        const state = path.join(dir, "export.json");
        fs.writeFileSync(state, JSON.stringify({ version: 3, deployment: { resources: [] } }));
        try {
            for (const [args, cause] of [
                [[APP, APP], /are both stack shop-app\/dev: their resources would have the same URNs$/],
                [[APP, MONITORING, "--state", state], /--state is the last state of one stack: give it with one program$/],
            ] as const) {
                const run = await prodready("preview", ...args);
                expect(run.code).toBe(2);
                expect(run.stdout).toBe("");
                expect(run.stderr.trim().split("\n")).toEqual([expect.stringMatching(/^prodready: error: /)]);
                expect(run.stderr.trim()).toMatch(cause);
            }
        } finally {
            fs.rmSync(dir, { recursive: true, force: true });
        }
    });
});
