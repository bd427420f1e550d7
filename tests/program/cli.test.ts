// Through the command line: a program's late registrations reach the policies, and an interrupt
// ends every process the preview started and leaves no files behind.
import { spawn } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { CLI, runCli } from "../harness/cli";
import { childPids, waitFor } from "../harness/processes";

const ROOT = path.resolve(__dirname, "..", "..");
const FIXTURES = path.join(__dirname, "fixtures", "programs");

function alive(pid: number): boolean {
    try {
        process.kill(pid, 0);
        return true;
    } catch {
        return false;
    }
}

describe("prodready preview", () => {
    it("fails a program whose only declaration is a ConfigFile with a privileged root Pod", () => {
        const result = runCli(["preview", path.join(FIXTURES, "configfile-root-pod"), "--format", "json"], { timeoutMs: 240_000 });
        expect(result.stderr).toBe("");
        expect(result.code).toBe(1);
        const report = JSON.parse(result.stdout);
        expect(JSON.stringify(report)).toContain("kubernetes:yaml:ConfigFile$kubernetes:core/v1:Pod::shop/root-shell");
    });

    it("rejects a --timeout that is not a positive number of seconds", () => {
        const result = runCli(["preview", ".", "--timeout", "soon"]);
        expect(result.code).toBe(2);
        expect(result.stderr.trim().split("\n")).toHaveLength(1);
        expect(result.stderr).toMatch(/--timeout.*expected a number of seconds above 0, got "soon"/);
    });

    it("rejects a --timeout longer than Node.js timers hold, which would fire at once", () => {
        const result = runCli(["preview", ".", "--timeout", "3000000"]);
        expect(result.code).toBe(2);
        expect(result.stderr.trim().split("\n")).toHaveLength(1);
        expect(result.stderr).toMatch(/--timeout.*expected at most 2147483 seconds .*got "3000000"/);
    });

    it("ends the program's process and leaves no temporary files when terminated", async () => {
        const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "prodready-signal-"));
        const runTmp = path.join(tmp, "tmp");
        fs.mkdirSync(runTmp);
        const pidFile = path.join(tmp, "program.pid");
        try {
            const cli = spawn(process.execPath, [CLI, "preview", path.join(FIXTURES, "never-finishes")], {
                cwd: ROOT,
                env: { ...process.env, TMPDIR: runTmp, PRODREADY_TEST_PID_FILE: pidFile },
                stdio: ["ignore", "pipe", "pipe"],
            });
            let stderr = "";
            cli.stderr!.on("data", (chunk) => { stderr += chunk; });
            const exited = new Promise<number | null>((resolve) => cli.on("exit", (code) => resolve(code)));
            const programPid = await waitFor(() => (fs.existsSync(pidFile) ? Number(fs.readFileSync(pidFile, "utf8")) : undefined), 120);
            const children = childPids(cli.pid!);
            expect(children).toContain(programPid);

            cli.kill("SIGTERM");
            expect(await exited).toBe(143);
            expect(stderr.trim()).toBe("prodready: error: interrupted by SIGTERM");
            await waitFor(() => (children.every((pid) => !alive(pid)) ? true : undefined), 10);
            expect(fs.readdirSync(runTmp)).toEqual([]);
        } finally {
            fs.rmSync(tmp, { recursive: true, force: true });
        }
    });
});
