import { decodeYaml, invokeHandlers } from "../../src/program/invokes";
import { KubernetesYamlError, readKubernetesYaml } from "../../src/yaml";

describe("the Kubernetes YAML reader", () => {
    it("expands merge keys for k8s.yaml.ConfigFile/ConfigGroup through kubernetes:yaml:decode", () => {
        const text = "x: &root {runAsUser: 0, privileged: true}\napiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  hostNetwork: yes\n  containers:\n    - name: c\n      securityContext: {<<: *root}\n";
        const [pod] = decodeYaml(text) as any[];
        expect(pod.spec.hostNetwork).toBe(true);
        expect(pod.spec.containers[0].securityContext).toEqual({ runAsUser: 0, privileged: true });
        const answer = invokeHandlers()["kubernetes:yaml:decode"]({ text });
        expect(answer.result).toEqual([pod]);
    });

    it("lets a merge override keys written before it, and keys written after it override the merge", () => {
        const [value] = decodeYaml("b: &b {p: merged, q: merged}\nm:\n  p: before\n  <<: *b\n  q: after\n") as any[];
        expect(value.m).toEqual({ p: "merged", q: "after" });
    });

    it("reads YAML 1.1 scalars as go-yaml v2 does", () => {
        const [value] = decodeYaml("a: [yes, off, y, 0755, 08, 0o17, 1_000, 1:20, 0x1F, '0755', 2001-12-14]\n") as any[];
        expect(value.a).toEqual([true, false, true, 493, 8, 15, 1000, "1:20", 31, "0755", "2001-12-14"]);
    });

    it("skips empty, comment-only and null documents, and reads JSON streams", () => {
        expect(decodeYaml("---\n# c\n---\n~\n---\na: 1\n")).toEqual([{ a: 1 }]);
        expect(decodeYaml("{\"a\": 1}\n{\"b\": 2}\n")).toEqual([{ a: 1 }, { b: 2 }]);
        expect(decodeYaml("")).toEqual([]);
    });

    it("gives each document's line and column, and the position of nested mappings", () => {
        const stream = readKubernetesYaml("# header\na: 1\n---\n\nb:\n  - {c: 1}\n", "f.yaml");
        expect(stream.documents.map((d) => d.position)).toEqual([{ line: 2, column: 1 }, { line: 5, column: 1 }]);
        const item = (stream.documents[1].value as any).b[0];
        expect(stream.positionOf(item)).toEqual({ line: 6, column: 5 });
    });

    it("refuses what kubectl refuses, naming the source and line", () => {
        expect(() => readKubernetesYaml("a: 1\n--- {b: 2}\n", "sep.yaml")).toThrow("sep.yaml:2: invalid YAML: invalid document separator: {b: 2}");
        expect(() => readKubernetesYaml("a: 1\nb: \"\\/\"\n", "esc.yaml")).toThrow("esc.yaml:2: invalid YAML: found unknown escape character");
        expect(() => readKubernetesYaml("a:\n  b: [1, 2\n", "flow.yaml")).toThrow(KubernetesYamlError);
        expect(() => decodeYaml("ratio: .nan\n", "n.yaml")).toThrow(/^n\.yaml:1: invalid YAML: json: unsupported value: NaN/);
    });
});
