// A policy-pack config CI needs no flag for: prodready.json in the program's directory, else in the
// working directory, is read as --policy-pack-config would read it, and the run says so in one line;
// the flag names another. Through the command line as a user runs it (after `npm run build`).
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { runCli } from "../harness/cli";

const PRIVILEGED = "kubernetes-workload-disallow-privileged";

const POD = ["apiVersion: v1", "kind: Pod", "metadata:", "  name: debug-shell", "  namespace: tools", "spec:", "  containers:",
    "    - name: shell", "      image: busybox:1.36", "      securityContext:", "        privileged: true", ""].join("\n");

const PROGRAM = ["name: shell", "runtime: yaml", "resources:", "  shell:", "    type: kubernetes:core/v1:Pod", "    properties:",
    "      metadata: {name: debug-shell, namespace: tools}", "      spec:", "        containers:",
    "          - {name: shell, image: \"busybox:1.36\", securityContext: {privileged: true}}", ""].join("\n");

const work = fs.mkdtempSync(path.join(os.tmpdir(), "prodready-conventional-config-"));
afterAll(() => fs.rmSync(work, { recursive: true, force: true }));

const prodready = (args: string[], cwd: string) => runCli(args, { cwd, timeoutMs: 150_000 });

function privilegedLevel(stdout: string): string | undefined {
    return (JSON.parse(stdout).findings as Array<{ policy: string; enforcementLevel: string }>).find((f) => f.policy === PRIVILEGED)?.enforcementLevel;
}

describe("prodready.json found by convention", () => {
    const manifests = path.join(work, "manifests");
    fs.mkdirSync(manifests);
    fs.writeFileSync(path.join(manifests, "pod.yaml"), POD);
    fs.writeFileSync(path.join(manifests, "prodready.json"), JSON.stringify({ [PRIVILEGED]: "advisory" }));
    fs.writeFileSync(path.join(work, "mandatory.json"), JSON.stringify({ [PRIVILEGED]: "mandatory" }));

    it("configures a run in the working directory, and says which file it read", () => {
        const result = prodready(["manifests", "pod.yaml", "--format", "json"], manifests);
        expect(privilegedLevel(result.stdout)).toBe("advisory");
        expect(result.stderr).toContain("prodready: notice: policy-pack config prodready.json, found by convention");
    });

    it("gives way to --policy-pack-config", () => {
        const result = prodready(["manifests", "pod.yaml", "--format", "json", "--policy-pack-config", path.join(work, "mandatory.json")], manifests);
        expect(result.code).toBe(1);
        expect(privilegedLevel(result.stdout)).toBe("mandatory");
        expect(result.stderr).not.toContain("found by convention");
    });

    it("is an error when it is not valid JSON, as the flag's file is", () => {
        const broken = path.join(work, "broken");
        fs.mkdirSync(broken);
        fs.writeFileSync(path.join(broken, "pod.yaml"), POD);
        fs.writeFileSync(path.join(broken, "prodready.json"), "{ not json");
        const result = prodready(["manifests", "pod.yaml"], broken);
        expect(result.code).toBe(2);
        expect(result.stderr).toMatch(/prodready\.json is not valid JSON/);
    });

    it("is read from the program's directory before the working directory", () => {
        const program = path.join(work, "program");
        fs.mkdirSync(program);
        fs.writeFileSync(path.join(program, "Pulumi.yaml"), PROGRAM);
        fs.writeFileSync(path.join(program, "prodready.json"), JSON.stringify({ [PRIVILEGED]: "disabled" }));
        fs.writeFileSync(path.join(work, "prodready.json"), JSON.stringify({ [PRIVILEGED]: "advisory" }));
        const result = prodready(["preview", "program", "--format", "json"], work);
        expect(result.stderr).toContain(`policy-pack config ${path.join("program", "prodready.json")}, found by convention`);
        expect(privilegedLevel(result.stdout)).toBeUndefined();
        // The pod was judged, by every policy but the one the file disables.
        expect(JSON.parse(result.stdout).findings.some((f: { name?: string }) => f.name === "shell")).toBe(true);
    });
});
