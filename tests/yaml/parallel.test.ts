// Large streams are decoded by worker threads: the result, the positions the reports use and the
// first error must be exactly the serial reader's. The compiled reader (dist, built by `npm test`)
// is used, since worker threads run JavaScript.
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { helmStyleCorpus } from "../../bench/corpus";

/* eslint-disable @typescript-eslint/no-require-imports */
const DIST = path.resolve(__dirname, "..", "..", "dist", "src", "yaml");
const serial = require(path.join(DIST, "index.js")) as typeof import("../../src/yaml");
const parallel = require(path.join(DIST, "parallel.js")) as typeof import("../../src/yaml/parallel");

function listOf(count: number, firstLine: string): string {
    const items = Array.from({ length: count }, (_, i) => `  - apiVersion: v1\n    kind: ConfigMap\n    metadata: {name: item-${i}}\n    data: {index: "${i}"}\n`).join("");
    return `${firstLine}\napiVersion: v1\nkind: List\nitems:\n${items}`;
}

function itemPositions(stream: ReturnType<typeof serial.readKubernetesYaml>): unknown[] {
    return stream.documents.flatMap((d) => {
        const items = (d.value as { items?: object[] }).items;
        return Array.isArray(items) ? items.map((item) => stream.positionOf(item)) : [];
    });
}

describe("the parallel YAML reader", () => {
    const text = [helmStyleCorpus(300), listOf(5, "---"), helmStyleCorpus(120), "---\n# only a comment\n", listOf(3, "---")].join("");

    it("decodes in workers exactly what the serial reader decodes, with the same positions", async () => {
        const one = serial.readKubernetesYaml(text, "corpus.yaml");
        const many = await parallel.readKubernetesYamlParallel(text, "corpus.yaml", { minDocuments: 1 });
        expect(one.documents.length).toBeGreaterThan(400);
        expect(many.documents).toEqual(one.documents);
        expect(itemPositions(many)).toEqual(itemPositions(one));
        expect(itemPositions(one)).toHaveLength(8);
        expect(itemPositions(one).every((p) => p !== undefined)).toBe(true);
    });

    it("reports the first error in document order, as the serial reader does", async () => {
        const broken = `${helmStyleCorpus(300)}---\nkind: [unclosed\n${helmStyleCorpus(300)}---\nalso: [broken\n`;
        let expected: Error | undefined;
        try {
            serial.readKubernetesYaml(broken, "broken.yaml");
        } catch (err) {
            expected = err as Error;
        }
        expect(expected?.message).toMatch(/^broken\.yaml:\d+: invalid YAML/);
        await expect(parallel.readKubernetesYamlParallel(broken, "broken.yaml", { minDocuments: 1 })).rejects.toThrow(expected!.message);
        await expect(parallel.readKubernetesYamlParallel(broken, "broken.yaml", { minDocuments: 1 })).rejects.toBeInstanceOf(serial.KubernetesYamlError);
    });

    it("fails, never hangs, when a worker ends without its result", async () => {
        const dir = fs.mkdtempSync(path.join(os.tmpdir(), "prodready-worker-"));
        const silent = path.join(dir, "silent.js");
        fs.writeFileSync(silent, "process.exitCode = 0;\n");
        await expect(parallel.inWorker(silent, [{ text: "a: 1\n", firstLine: 1 }], "x.yaml")).rejects.toThrow("stopped without a result (exit code 0)");
        const crashing = path.join(dir, "crashing.js");
        fs.writeFileSync(crashing, "throw new Error('out of memory');\n");
        await expect(parallel.inWorker(crashing, [{ text: "a: 1\n", firstLine: 1 }], "x.yaml")).rejects.toThrow("out of memory");
    });

    it("cuts the documents into contiguous ranges of about equal text", () => {
        const chunks = Array.from({ length: 10 }, (_, i) => ({ text: "x".repeat(10), firstLine: i + 1 }));
        const parts = parallel.ranges(chunks, 3);
        expect(parts.flat()).toEqual(chunks);
        expect(parts).toHaveLength(3);
        expect(parallel.workerCount(100, 8)).toBe(2);
        expect(parallel.workerCount(10000, 2)).toBe(2);
        expect(parallel.workerCount(10000, 1)).toBe(1);
    });
});
