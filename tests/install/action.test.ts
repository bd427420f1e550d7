// The GitHub Action (action.yml) and the pre-commit hooks (.pre-commit-hooks.yaml) at the root.
// The action's shell steps run here as the runner runs them (bash -eo pipefail, each in its
// working directory with its env, outputs through $GITHUB_OUTPUT) on a temporary project whose
// prodready is this checkout (after `npx tsc -p tsconfig.build.json`); the steps that are other
// actions (setup-node, upload-sarif) are only checked for their inputs.
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { parse } from "yaml";
import type { Log } from "sarif";
import { runCli } from "../harness/cli";

const ROOT = path.resolve(__dirname, "..", "..");

interface Step {
    id?: string;
    name?: string;
    uses?: string;
    run?: string;
    shell?: string;
    if?: string;
    env?: Record<string, string>;
    with?: Record<string, string>;
    "working-directory"?: string;
}

interface Action {
    inputs: Record<string, { default?: string }>;
    outputs: Record<string, { value: string }>;
    runs: { using: string; steps: Step[] };
}

const action: Action = parse(fs.readFileSync(path.join(ROOT, "action.yml"), "utf8"));

/** Fills in the expressions the shell steps use; any other expression fails the test. */
function expand(text: string, inputs: Record<string, string>, outputs: Record<string, string>): string {
    return text.replace(/\$\{\{\s*([^}]+?)\s*\}\}/g, (_, expression: string) => {
        const input = /^inputs\.([\w-]+)$/.exec(expression);
        if (input) {
            return inputs[input[1]];
        }
        const output = /^steps\.preview\.outputs\.([\w-]+)$/.exec(expression);
        if (output) {
            return outputs[output[1]] ?? "";
        }
        throw new Error(`an expression the test does not evaluate: ${expression}`);
    });
}

const POD_PROGRAM = [
    `import * as k8s from "@pulumi/kubernetes";`,
    `new k8s.core.v1.Pod("debug-shell", { metadata: { namespace: "tools" }, spec: { containers: [{ name: "shell", image: "busybox:1.36", securityContext: { privileged: true } }] } });`,
    "",
].join("\n");

const work = fs.mkdtempSync(path.join(os.tmpdir(), "prodready-action-"));
afterAll(() => fs.rmSync(work, { recursive: true, force: true }));

/** A repository with a Pulumi program in infra/ and prodready installed as a dev dependency would be. */
function repository(): string {
    const repo = fs.mkdtempSync(path.join(work, "repo-"));
    fs.mkdirSync(path.join(repo, "infra"));
    fs.writeFileSync(path.join(repo, "infra", "Pulumi.yaml"), "name: shop\nruntime: nodejs\n");
    fs.writeFileSync(path.join(repo, "infra", "index.ts"), POD_PROGRAM);
    fs.mkdirSync(path.join(repo, "node_modules", ".bin"), { recursive: true });
    fs.symlinkSync(path.join(ROOT, "node_modules", "@pulumi"), path.join(repo, "node_modules", "@pulumi"));
    fs.symlinkSync(path.join(ROOT, "bin", "prodready.js"), path.join(repo, "node_modules", ".bin", "prodready"));
    fs.symlinkSync(path.join(repo, "node_modules"), path.join(repo, "infra", "node_modules"));
    return repo;
}

/** Runs the action's shell steps in order, as the runner would, stopping at the first that fails. */
function runSteps(repo: string, given: Record<string, string>) {
    const inputs = { ...Object.fromEntries(Object.entries(action.inputs).map(([k, v]) => [k, v.default ?? ""])), ...given };
    const outputs: Record<string, string> = {};
    const results: Array<{ name: string; code: number | null; stdout: string; stderr: string }> = [];
    for (const step of action.runs.steps.filter((s) => s.run !== undefined)) {
        const outputFile = path.join(work, `output-${results.length}`);
        fs.writeFileSync(outputFile, "");
        const env: NodeJS.ProcessEnv = { ...process.env, GITHUB_OUTPUT: outputFile, GITHUB_WORKSPACE: repo,
            ...Object.fromEntries(Object.entries(step.env ?? {}).map(([k, v]) => [k, expand(v, inputs, outputs)])) };
        delete env.FORCE_COLOR;
        const cwd = path.resolve(repo, expand(step["working-directory"] ?? ".", inputs, outputs));
        const result = spawnSync("bash", ["--noprofile", "--norc", "-eo", "pipefail", "-c", expand(step.run!, inputs, outputs)], { cwd, env, encoding: "utf8", timeout: 180000 });
        results.push({ name: step.name ?? step.id ?? "", code: result.status, stdout: result.stdout, stderr: result.stderr });
        if (step.id === "preview") {
            for (const line of fs.readFileSync(outputFile, "utf8").split("\n").filter(Boolean)) {
                const at = line.indexOf("=");
                outputs[line.slice(0, at)] = line.slice(at + 1);
            }
        }
        if (result.status !== 0) {
            break;
        }
    }
    return { results, outputs };
}

describe("action.yml", () => {
    it("is a composite action: sets up Node.js, installs prodready, previews, uploads SARIF, then applies the gate", () => {
        expect(action.runs.using).toBe("composite");
        const steps = action.runs.steps;
        expect(steps[0].uses).toMatch(/^actions\/setup-node@v\d+$/);
        expect(steps[0].with).toEqual({ "node-version": "${{ inputs.node-version }}" });
        const upload = steps.find((s) => s.uses?.startsWith("github/codeql-action/upload-sarif@"))!;
        expect(upload.with).toEqual({ sarif_file: "${{ inputs.working-directory }}/${{ inputs.sarif-file }}", category: "prodready" });
        // The SARIF is uploaded whatever the gate says, and the gate comes last.
        expect(upload.if).toMatch(/always\(\)/);
        expect(steps.indexOf(upload)).toBeLessThan(steps.length - 1);
        expect(steps[steps.length - 1].name).toBe("Gate");
        for (const step of steps.filter((s) => s.run !== undefined)) {
            expect(step.shell).toBe("bash");
        }
        expect(action.outputs["exit-code"].value).toBe("${{ steps.preview.outputs.exit-code }}");
    });

    it("on a program with a mandatory violation: annotates it, writes SARIF and JUnit, then fails the job with exit 1", () => {
        const repo = repository();
        const { results, outputs } = runSteps(repo, { program: "infra" });
        expect(results.map((r) => r.name)).toEqual(["Install prodready", "prodready preview", "Gate"]);
        const [install, preview, gate] = results;
        expect(install.code).toBe(0);
        expect(install.stdout).toContain(`prodready: using the project's ${JSON.parse(fs.readFileSync(path.join(ROOT, "package.json"), "utf8")).version}`);
        expect(preview.code).toBe(0);
        expect(preview.stdout).toMatch(/^::error file=infra\/index\.ts,line=2,col=\d+,title=kubernetes-workload-disallow-privileged::/m);
        expect(outputs["exit-code"]).toBe("1");
        const sarif: Log = JSON.parse(fs.readFileSync(path.join(repo, "prodready.sarif"), "utf8"));
        expect(sarif.runs[0].results!.some((r) => r.ruleId === "kubernetes-workload-disallow-privileged" && r.level === "error")).toBe(true);
        expect(fs.readFileSync(path.join(repo, "prodready-junit.xml"), "utf8")).toContain("kubernetes-workload-disallow-privileged");
        expect(gate.code).toBe(1);
    }, 240000);

    it("passes the job when the extra arguments make the violation advisory, and honours the report paths", () => {
        const repo = repository();
        fs.writeFileSync(path.join(repo, "advisory.json"), JSON.stringify({ all: "advisory" }));
        const { results, outputs } = runSteps(repo, { program: "infra", args: "--policy-pack-config advisory.json", "sarif-file": "reports/out.sarif" });
        expect(results.map((r) => r.code)).toEqual([0, 0, 0]);
        expect(outputs["exit-code"]).toBe("0");
        expect(results[1].stdout).toMatch(/^::warning file=infra\/index\.ts,line=2,col=\d+,title=kubernetes-workload-disallow-privileged::/m);
        expect(fs.existsSync(path.join(repo, "reports", "out.sarif"))).toBe(true);
    }, 240000);
});

describe(".pre-commit-hooks.yaml", () => {
    const hooks: Array<{ id: string; entry: string; language: string; pass_filenames?: boolean }> = parse(fs.readFileSync(path.join(ROOT, ".pre-commit-hooks.yaml"), "utf8"));

    it("declares node hooks whose entries are prodready commands", () => {
        expect(hooks.map((h) => h.id)).toEqual(["prodready-preview", "prodready-manifests"]);
        for (const hook of hooks) {
            expect(hook.language).toBe("node");
            expect(hook.entry).toMatch(/^prodready (preview|manifests)$/);
        }
        // The preview judges the program, not the files pre-commit would pass.
        expect(hooks[0].pass_filenames).toBe(false);
    });

    it("the manifests hook's command judges the files it is given", () => {
        const dir = fs.mkdtempSync(path.join(work, "hook-"));
        fs.writeFileSync(path.join(dir, "pod.yaml"), "apiVersion: v1\nkind: Pod\nmetadata:\n  name: debug-shell\nspec:\n  containers:\n    - name: shell\n      image: busybox:1.36\n      securityContext:\n        privileged: true\n");
        const [command, ...args] = hooks[1].entry.split(" ");
        expect(command).toBe("prodready");
        const result = runCli([...args, "--quiet", "pod.yaml"], { cwd: dir });
        expect(result.code).toBe(1);
        expect(result.stdout).toContain("kubernetes-workload-disallow-privileged");
    }, 120000);

    it("neither file is published in the npm package", () => {
        const files: string[] = JSON.parse(fs.readFileSync(path.join(ROOT, "package.json"), "utf8")).files;
        expect(files.filter((f) => /action\.yml|pre-commit/.test(f))).toEqual([]);
    });
});
