// Every process a preview starts ends with prodready, however prodready ends. SIGKILL runs no
// handler, and the program leads its own process group, which a kill of prodready's group misses:
// each child watches a pipe only prodready holds and, when the kernel closes it, ends itself and
// the processes it started. The programs here spin, so only a watch that does not wait on the
// program's own event loop or interpreter can end them.
import { spawn, spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { CLI } from "../harness/cli";
import { childPids, running, waitFor } from "../harness/processes";

const ROOT = path.resolve(__dirname, "..", "..");
const FIXTURES = path.join(__dirname, "fixtures", "programs");

const scratch: string[] = [];
const leftovers: number[] = [];
afterAll(() => {
    for (const pid of leftovers.filter(running)) {
        process.kill(pid, "SIGKILL");
    }
    scratch.forEach((dir) => fs.rmSync(dir, { recursive: true, force: true }));
});

/**
 * Runs `prodready preview` on a program that writes `{ program, helper }` pids to the marker file,
 * kills prodready alone with SIGKILL once the program and the pack run, and returns every process
 * that was started under it, to be checked.
 */
async function killPreview(programDir: string, env: NodeJS.ProcessEnv = {}): Promise<{ children: number[]; program: number; helper: number }> {
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "prodready-lifeline-"));
    scratch.push(tmp);
    const marker = path.join(tmp, "pids.json");
    const cli = spawn(process.execPath, [CLI, "preview", programDir], {
        cwd: ROOT,
        env: { ...process.env, ...env, PRODREADY_TEST_PID_FILE: marker },
        stdio: "ignore",
    });
    const exited = new Promise((resolve) => cli.on("exit", resolve));
    try {
        const { program, helper } = await waitFor(() => {
            try {
                return JSON.parse(fs.readFileSync(marker, "utf8")) as { program: number; helper: number };
            } catch {
                return undefined; // not written yet, or written in part
            }
        }, 120);
        leftovers.push(program, helper);
        // The program and the policy pack.
        const children = await waitFor(() => {
            const pids = childPids(cli.pid!);
            return pids.length >= 2 ? pids : undefined;
        }, 30);
        leftovers.push(...children);
        expect(children).toContain(program);
        expect(running(helper)).toBe(true);
        cli.kill("SIGKILL");
        await exited;
        return { children, program, helper };
    } finally {
        cli.kill("SIGKILL");
    }
}

describe("a preview killed by SIGKILL leaves no process behind", () => {
    it("ends a Node.js program stuck in a busy loop, the process it started, and the policy pack", async () => {
        const { children, helper } = await killPreview(path.join(FIXTURES, "spins-with-helper"));
        await waitFor(() => ([...children, helper].some(running) ? undefined : true), 10);
    });

    const python = ["python3", "python"].some((command) => spawnSync(command, ["--version"]).status === 0);
    (python ? it : it.skip)("ends a Python program stuck in a busy loop and the process it started", async () => {
        const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "prodready-lifeline-python-"));
        scratch.push(tmp);
        const program = path.join(tmp, "program");
        fs.mkdirSync(program);
        fs.writeFileSync(path.join(program, "Pulumi.yaml"), "name: spins\nruntime: python\n");
        fs.writeFileSync(path.join(program, "__main__.py"), "");
        // A stand-in `pulumi` package, found first on PYTHONPATH: importing it starts a helper and spins.
        const stub = path.join(tmp, "stub", "pulumi");
        fs.mkdirSync(stub, { recursive: true });
        fs.writeFileSync(path.join(stub, "__init__.py"), [
            "import json, os, subprocess, sys",
            "helper = subprocess.Popen([sys.executable, '-c', 'import time; time.sleep(600)'])",
            "with open(os.environ['PRODREADY_TEST_PID_FILE'], 'w') as f:",
            "    json.dump({'program': os.getpid(), 'helper': helper.pid}, f)",
            "while True:",
            "    pass",
            "",
        ].join("\n"));
        const { children, helper } = await killPreview(program, { PYTHONPATH: path.dirname(stub) });
        await waitFor(() => ([...children, helper].some(running) ? undefined : true), 10);
    });
});
