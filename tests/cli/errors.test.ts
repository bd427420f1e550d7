// Bad input gets one clear line and a non-zero exit, never a stack trace or a hang.
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { runCli } from "../harness/cli";

const ROOT = path.resolve(__dirname, "..", "..");

const prodready = (...args: string[]) => runCli(args);

function tempProgram(source: string): string {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "prodready-test-"));
    fs.writeFileSync(path.join(dir, "Pulumi.yaml"), "name: broken\nruntime: nodejs\n");
    fs.writeFileSync(path.join(dir, "index.ts"), source);
    fs.symlinkSync(path.join(ROOT, "node_modules"), path.join(dir, "node_modules"));
    return dir;
}

function tempFile(name: string, content: string): string {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "prodready-test-")), name);
    fs.writeFileSync(file, content);
    return file;
}

function expectOneLineError(result: ReturnType<typeof prodready>, pattern: RegExp) {
    expect(result.code).toBe(2);
    const lines = result.stderr.trim().split("\n");
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^prodready: error: /);
    expect(lines[0]).toMatch(pattern);
    expect(result.stderr).not.toMatch(/\n\s+at /);
}

/** A pack with one policy that fails on every resource, to see how a crashing policy is reported. */
function throwingPack(): string {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "prodready-test-pack-"));
    fs.writeFileSync(path.join(dir, "PulumiPolicy.yaml"), "runtime: nodejs\n");
    fs.writeFileSync(path.join(dir, "package.json"), JSON.stringify({ name: "throwing", version: "0.0.1", main: "index.js" }));
    fs.writeFileSync(path.join(dir, "index.js"), `
const { PolicyPack } = require("@pulumi/policy");
new PolicyPack("throwing", { policies: [{ name: "always-throws", description: "fails on purpose", enforcementLevel: "mandatory",
    validateResource: (args) => { if (args.type === "aws:ec2/vpc:Vpc") throw new Error("cidrBlock.split is not a function"); } }] });
`);
    fs.symlinkSync(path.join(ROOT, "node_modules"), path.join(dir, "node_modules"));
    return dir;
}

describe("prodready preview on bad input", () => {
    it("names the policy and the resource when a policy throws", () => {
        expectOneLineError(prodready("preview", ".", "--policy-pack", throwingPack()),
            /a policy failed on aws:ec2\/vpc:Vpc "app-vpc": .*always-throws.*cidrBlock.split is not a function/);
    });

    it("names a program directory that does not exist", () => {
        expectOneLineError(prodready("preview", "/nonexistent/program"), /program directory \/nonexistent\/program does not exist/);
    });

    it("names a directory without Pulumi.yaml", () => {
        expectOneLineError(prodready("preview", os.tmpdir()), /has no Pulumi.yaml/);
    });

    it("reports a program that throws with its message", () => {
        const dir = tempProgram('throw new Error("the database name is required");\n');
        expectOneLineError(prodready("preview", dir), /the program failed: the database name is required/);
    });

    it("rejects an unreadable policy-pack config", () => {
        expectOneLineError(prodready("preview", ".", "--policy-pack-config", "/nonexistent/config.json"), /cannot read policy-pack config \/nonexistent\/config.json: ENOENT/);
    });

    it("rejects a policy-pack config that is not JSON", () => {
        const file = tempFile("config.json", "{ not json");
        expectOneLineError(prodready("preview", ".", "--policy-pack-config", file), /is not valid JSON/);
    });

    it("rejects an unknown policy name", () => {
        const file = tempFile("config.json", JSON.stringify({ "aws-rds-require-backups-forever": "advisory" }));
        expectOneLineError(prodready("preview", ".", "--policy-pack-config", file), /unknown policy "aws-rds-require-backups-forever"/);
    });

    it("rejects a threshold of the wrong type against the policy's schema", () => {
        const file = tempFile("config.json", JSON.stringify({ "aws-rds-require-backup-retention": { minimumDays: "thirty" } }));
        expectOneLineError(prodready("preview", ".", "--policy-pack-config", file), /"aws-rds-require-backup-retention" is invalid: minimumDays must be integer/);
    });

    it("rejects an unknown enforcement level", () => {
        const file = tempFile("config.json", JSON.stringify({ all: "sometimes" }));
        expectOneLineError(prodready("preview", ".", "--policy-pack-config", file), /enforcement level must be one of advisory, mandatory, remediate, disabled/);
    });
});
