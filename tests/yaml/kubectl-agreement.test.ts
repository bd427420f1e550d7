// prodready must read manifests to the same JSON objects as kubectl. The reference is kubectl's own
// decoder (k8s.io/apimachinery's YAMLOrJSONDecoder over sigs.k8s.io/yaml), built from
// tests/yaml/kubectl-reference with `go build`; every corpus file must decode to the same documents
// in both, or be rejected by both.
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { isDeepStrictEqual } from "util";
import { helmStyleCorpus } from "../../bench/corpus";
import { KubernetesYamlError, readKubernetesYaml } from "../../src/yaml";

const TOOL_DIR = path.join(__dirname, "kubectl-reference");
const CORPUS = path.join(__dirname, "corpus");
const CACHE = process.env.PRODREADY_CACHE ?? path.join(os.homedir(), ".cache", "prodready");
const BINARY = path.join(CACHE, "kubectl-reference");

const goAvailable = spawnSync("go", ["version"], { encoding: "utf8" }).status === 0;
if (!goAvailable) {
    console.log("kubectl agreement test skipped: no `go` on the PATH to build tests/yaml/kubectl-reference");
}

type Reference = Record<string, { documents: unknown[] | null; error?: string }>;

/** Files made at test time: too large to keep in the repository. */
function generatedCases(dir: string): string[] {
    const long = "x".repeat(150_000);
    const words = Array.from({ length: 5_000 }, (_, i) => `word${i}`).join(" ");
    const file = path.join(dir, "long-strings.yaml");
    fs.writeFileSync(file, `apiVersion: v1\nkind: ConfigMap\nmetadata: {name: long}\ndata:\n  plain: ${long}\n  quoted: "${long}"\n  words: ${words}\n  block: |\n    ${long}\n`);
    // The bench's rendered corpus (anchors and aliases included), which the plain-document reader reads.
    const rendered = path.join(dir, "helm-style.yaml");
    fs.writeFileSync(rendered, helmStyleCorpus(600));
    return [file, rendered];
}

(goAvailable ? describe : describe.skip)("the YAML reader agrees with kubectl's decoder", () => {
    let reference: Reference;
    const files = fs.readdirSync(CORPUS).sort().map((name) => path.join(CORPUS, name));

    beforeAll(() => {
        fs.mkdirSync(CACHE, { recursive: true });
        const build = spawnSync("go", ["build", "-o", BINARY, "."], { cwd: TOOL_DIR, encoding: "utf8", timeout: 600_000 });
        if (build.status !== 0) {
            throw new Error(`go build of tests/yaml/kubectl-reference failed: ${build.stderr}`);
        }
        files.push(...generatedCases(fs.mkdtempSync(path.join(os.tmpdir(), "prodready-yaml-"))));
        const run = spawnSync(BINARY, files, { encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
        if (run.status !== 0) {
            throw new Error(`kubectl-reference failed: ${run.stderr}`);
        }
        reference = JSON.parse(run.stdout);
    }, 600_000);

    it("covers both accepted and rejected inputs", () => {
        const outcomes = Object.values(reference).map((r) => (r.error === undefined ? "accepted" : "rejected"));
        expect(new Set(outcomes)).toEqual(new Set(["accepted", "rejected"]));
        expect(files.length).toBeGreaterThan(30);
    });

    it("decodes every corpus file to kubectl's documents, or rejects it as kubectl does", () => {
        const disagreements: string[] = [];
        for (const file of files) {
            const expected = reference[file];
            const name = path.basename(file);
            let actual: unknown[] | undefined;
            let error: unknown;
            try {
                actual = readKubernetesYaml(fs.readFileSync(file, "utf8"), file).documents.map((d) => d.value);
            } catch (err) {
                error = err;
            }
            if (error !== undefined && !(error instanceof KubernetesYamlError)) {
                disagreements.push(`${name}: unexpected ${String(error)}`);
            } else if (expected.error !== undefined && error === undefined) {
                disagreements.push(`${name}: kubectl rejects it (${expected.error}), prodready accepts it`);
            } else if (expected.error === undefined && error !== undefined) {
                disagreements.push(`${name}: prodready rejects it (${(error as Error).message}), kubectl accepts it`);
            } else if (expected.error === undefined && !isDeepStrictEqual(actual, expected.documents)) {
                disagreements.push(`${name}: prodready ${JSON.stringify(actual).slice(0, 600)}\n   kubectl ${JSON.stringify(expected.documents).slice(0, 600)}`);
            }
        }
        expect(disagreements).toEqual([]);
    });

    it("names the file and line of what kubectl rejects", () => {
        for (const file of files.filter((f) => reference[f].error !== undefined)) {
            expect(() => readKubernetesYaml(fs.readFileSync(file, "utf8"), file)).toThrow(new RegExp(`^${escape(file)}:\\d+: invalid YAML: \\S`));
        }
    });
});

function escape(text: string): string {
    return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
