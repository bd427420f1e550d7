// The embedded preview runs a program with its SDK's own runner against an in-process engine, so it
// records every registration until the program has really finished and fails when the program does.
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { loadProject, ProgramError, runProgram } from "../../src/program";
import { failure, runAt } from "../harness/program";

const ROOT = path.resolve(__dirname, "..", "..");
const FIXTURES = path.join(__dirname, "fixtures", "programs");

function run(fixture: string, options: { config?: Record<string, string>; timeoutSeconds?: number } = {}) {
    return runAt(path.join(FIXTURES, fixture), { config: options.config }, options.timeoutSeconds ?? 120);
}

describe("runProgram records what the program registers after its first turn", () => {
    it.each(["configfile-root-pod", "configgroup-root-pod"])("records the Pod a %s decodes", async (fixture) => {
        const result = await run(fixture);
        const kind = fixture.startsWith("configfile") ? "ConfigFile" : "ConfigGroup";
        const pod = result.resources.find((r) => r.type === "kubernetes:core/v1:Pod");
        expect(pod?.urn).toBe(`urn:pulumi:dev::${fixture}::kubernetes:yaml:${kind}$kubernetes:core/v1:Pod::shop/root-shell`);
        expect(pod?.inputs).toMatchObject({ spec: { containers: [{ securityContext: { privileged: true, runAsUser: 0 } }] } });
    });

    it("records resources registered from a timer, an fs callback and a beforeExit handler", async () => {
        const names = (await run("late-registrations")).resources.filter((r) => r.type === "kubernetes:core/v1:ConfigMap").map((r) => r.name);
        expect(names.sort()).toEqual(["from-before-exit", "from-body", "from-fs-callback", "from-timer"]);
    });
});

describe("runProgram fails when the program fails", () => {
    it("fails on an unhandled promise rejection", async () => {
        const err = await failure(run("unhandled-rejection"));
        expect(err).toBeInstanceOf(ProgramError);
        expect(err.message).toBe("the program failed: the quota service rejected the request");
    });

    it("fails on an uncaught exception thrown after the program body returned", async () => {
        const err = await failure(run("late-uncaught"));
        expect(err).toBeInstanceOf(ProgramError);
        expect(err.message).toBe("the program failed: the late certificate check failed");
    });

    it("fails a program that throws inside apply, on one line and without waiting for the timeout", async () => {
        const err = await failure(run("throw-in-apply", { timeoutSeconds: 60 }));
        expect(err).toBeInstanceOf(ProgramError);
        expect(err.message).toBe("the program failed: the namespace lookup failed inside apply");
    });

    it("names the file, line and compiler message of a TypeScript syntax error", async () => {
        const dir = fs.mkdtempSync(path.join(os.tmpdir(), "prodready-ts-error-"));
        try {
            fs.writeFileSync(path.join(dir, "Pulumi.yaml"), "name: ts-syntax-error\nruntime: nodejs\n");
            fs.writeFileSync(path.join(dir, "index.ts"), 'import * as pulumi from "@pulumi/pulumi";\n\nconst name: string = "shop"\nexport const out = pulumi.output(name.;\n');
            fs.symlinkSync(path.join(ROOT, "node_modules"), path.join(dir, "node_modules"));
            const err = await failure(runProgram(loadProject(dir), { timeoutSeconds: 120 }));
            expect(err).toBeInstanceOf(ProgramError);
            expect(err.message.split("\n")).toHaveLength(1);
            expect(err.message).toMatch(/^the program failed: \S*index\.ts:4:\d+: .*expected\. \(TS\d+\)$/);
        } finally {
            fs.rmSync(dir, { recursive: true, force: true });
        }
    });

    it("gives up on a program that does not finish within the limit, naming it", async () => {
        const err = await failure(run("never-finishes", { timeoutSeconds: 15 }));
        expect(err).toBeInstanceOf(ProgramError);
        expect(err.message).toBe("the program did not finish within the 15 s limit (--timeout)");
    });
});

describe("runProgram keeps config off the command line", () => {
    it("passes config through the environment, never through a process's arguments", async () => {
        const password = "stand-in-password-7f3a91";
        const result = await run("command-line-probe", { config: { databasePassword: password } });
        const probe = result.resources.find((r) => r.name === "probe");
        const data = (probe?.inputs as any).data;
        expect(data.databasePasswordLength).toBe(String(password.length));
        expect(data.commandLine).toMatch(/cmd\/run/);
        expect(data.commandLine).not.toContain(password);
        expect(data.commandLine).not.toContain("databasePassword");
    });
});
