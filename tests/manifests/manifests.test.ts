import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { manifestRun, parseManifest, pulumiType, readManifests } from "../../src/manifests";
import { runCli } from "../harness/cli";


const ROOT_DEPLOYMENT = `apiVersion: apps/v1
kind: Deployment
metadata: {name: web, namespace: shop}
spec:
  replicas: 1
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}}
    spec:
      securityContext: {runAsUser: 0}
      containers: [{name: app, image: "registry.example.com/web:1.0.0"}]
`;

const LB_SERVICE = `apiVersion: v1
kind: Service
metadata: {name: ssh, namespace: shop}
spec: {type: LoadBalancer, selector: {app: web}, ports: [{port: 22}]}
`;

function prodready(args: string[], input?: string) {
    const r = runCli(["manifests", ...args, "--format", "json"], { input });
    return { ...r, report: r.code !== 2 && r.stdout ? JSON.parse(r.stdout) : undefined };
}

// A privileged, host-network, uid-0 Pod whose dangerous settings all arrive through merge keys.
const MERGED_PRIVILEGED_POD = `x-root: &root {runAsUser: 0, privileged: true, allowPrivilegeEscalation: true}
x-host: &host {hostNetwork: true, hostPID: true}
apiVersion: v1
kind: Pod
metadata: {name: merged, namespace: shop}
spec:
  <<: *host
  containers:
    - name: app
      image: registry.example.com/app:1.0.0
      securityContext:
        <<: [*root]
`;

function tempDir(): string {
    return fs.mkdtempSync(path.join(os.tmpdir(), "prodready-manifests-"));
}

function pairs(report: any): string[] {
    return [...new Set<string>(report.findings.filter((f: any) => f.outcome === "violation").map((f: any) => `${f.policy} ${f.name}`))].sort();
}

describe("manifest mode", () => {
    it("maps apiVersion and kind to the provider's type token", () => {
        expect(pulumiType("apps/v1", "Deployment")).toBe("kubernetes:apps/v1:Deployment");
        expect(pulumiType("v1", "Service")).toBe("kubernetes:core/v1:Service");
        expect(pulumiType("networking.k8s.io/v1", "Ingress")).toBe("kubernetes:networking.k8s.io/v1:Ingress");
    });

    it("reads every document of a multi-document file and the items of a List", () => {
        const list = `apiVersion: v1\nkind: List\nitems:\n  - {apiVersion: v1, kind: ConfigMap, metadata: {name: a}}\n  - {apiVersion: v1, kind: ConfigMap, metadata: {name: b}}\n`;
        const objects = parseManifest(`${ROOT_DEPLOYMENT}---\n${LB_SERVICE}---\n${list}`, "all.yaml");
        expect(objects.map((o) => `${o.object.kind}/${(o.object.metadata as any).name}`)).toEqual(["Deployment/web", "Service/ssh", "ConfigMap/a", "ConfigMap/b"]);
        const run = manifestRun(objects);
        expect(run.resources.map((r) => r.name)).toEqual(["shop/web", "shop/ssh", "a", "b"]);
        expect(run.resources[0].urn).toBe("urn:pulumi:rendered::manifests::kubernetes:apps/v1:Deployment::shop/web");
    });

    it("names the file and line of malformed YAML, and judges nothing", () => {
        const dir = fs.mkdtempSync(path.join(os.tmpdir(), "prodready-manifests-"));
        const file = path.join(dir, "broken.yaml");
        fs.writeFileSync(file, `${LB_SERVICE}---\napiVersion: v1\nkind: ConfigMap\ndata: {a: [1, 2}\n`);
        expect(() => readManifests([file])).toThrow(new RegExp(`${file}:\\d+: invalid YAML`));
        const result = prodready([file]);
        expect(result.code).toBe(2);
        expect(result.stdout).toBe("");
        expect(result.stderr.trim()).toMatch(new RegExp(`^prodready: error: ${file}:8: invalid YAML`));
    });

    it("rejects an object without apiVersion or kind", () => {
        expect(() => parseManifest("metadata: {name: x}\n", "x.yaml")).toThrow("x.yaml:1: a Kubernetes object needs apiVersion and kind");
    });

    it("judges standard input through the analyzer, like helm template | prodready manifests -", () => {
        const result = prodready(["-"], `${ROOT_DEPLOYMENT}---\n${LB_SERVICE}`);
        expect(result.code).toBe(1);
        expect(pairs(result.report)).toEqual(expect.arrayContaining([
            "kubernetes-workload-require-non-root shop/web",
            "kubernetes-workload-require-resource-limits shop/web",
            "kubernetes-service-restrict-load-balancer-ports shop/ssh",
        ]));
    });

    it("reads directories recursively and passes a hardened manifest", () => {
        const dir = fs.mkdtempSync(path.join(os.tmpdir(), "prodready-manifests-"));
        fs.mkdirSync(path.join(dir, "nested"));
        fs.writeFileSync(path.join(dir, "nested", "svc.yaml"), LB_SERVICE);
        fs.writeFileSync(path.join(dir, "notes.txt"), "not a manifest");
        const result = prodready([dir]);
        expect(pairs(result.report)).toEqual(["kubernetes-service-restrict-load-balancer-ports shop/ssh"]);
    });

    it("applies merge keys as kubectl does, so a privileged Pod written with them fails", () => {
        const [pod] = parseManifest(MERGED_PRIVILEGED_POD, "pod.yaml");
        expect((pod.object.spec as any).hostNetwork).toBe(true);
        expect((pod.object.spec as any).containers[0].securityContext).toEqual({ runAsUser: 0, privileged: true, allowPrivilegeEscalation: true });
        const dir = tempDir();
        fs.writeFileSync(path.join(dir, "pod.yaml"), MERGED_PRIVILEGED_POD);
        const result = prodready([path.join(dir, "pod.yaml")]);
        expect(result.code).toBe(1);
        expect(pairs(result.report)).toEqual(expect.arrayContaining([
            "kubernetes-workload-disallow-privileged shop/merged",
            "kubernetes-workload-disallow-host-namespaces shop/merged",
            "kubernetes-workload-require-non-root shop/merged",
        ]));
    });

    it("accepts a quoted value continued on less-indented lines, as kubectl does", () => {
        const text = `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: note\n  annotations:\n    text: "first line\nsecond line"\n`;
        const [object] = parseManifest(text, "note.yaml");
        expect((object.object.metadata as any).annotations.text).toBe("first line second line");
    });

    it("skips null items of a List and keeps each item's own line", () => {
        const text = `apiVersion: v1\nkind: List\nitems:\n  -\n  - apiVersion: v1\n    kind: ConfigMap\n    metadata: {name: a}\n  - null\n  - {apiVersion: v1, kind: ConfigMap, metadata: {name: b}}\n`;
        const objects = parseManifest(text, "list.yaml");
        expect(objects.map((o) => [(o.object.metadata as any).name, o.line, o.column])).toEqual([["a", 5, 5], ["b", 9, 5]]);
    });

    it("keeps the line of each document in time linear in the number of documents", () => {
        const doc = (i: number) => `apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c${i}}\n`;
        const many = (count: number) => Array.from({ length: count }, (_, i) => doc(i)).join("---\n");
        const cpuMillis = (text: string) => {
            const before = process.cpuUsage();
            const objects = parseManifest(text, "many.yaml");
            const used = process.cpuUsage(before);
            return { objects, millis: (used.user + used.system) / 1000 };
        };
        cpuMillis(many(1000));
        const small = cpuMillis(many(1000));
        const large = cpuMillis(many(8000));
        // 8 times the documents: about 8 times the work when linear, 64 when each line is found from the start.
        expect(large.millis / small.millis).toBeLessThan(14);
        expect(large.objects[7999].line).toBe(1 + 7999 * 4);
        expect(large.objects[7999].column).toBe(1);
    });

    it.each([
        ["an empty file", ""],
        ["a file of document separators", "---\n---\n"],
        ["a file of comments", "# rendered nothing\n---\n# still nothing\n"],
    ])("refuses %s: nothing judged is never ready", (_what, text) => {
        const file = path.join(tempDir(), "empty.yaml");
        fs.writeFileSync(file, text);
        expect(() => readManifests([file])).toThrow(`${file}: no Kubernetes objects`);
        const result = prodready([file]);
        expect(result.code).toBe(2);
        expect(result.stdout).toBe("");
        expect(result.stderr.trim()).toBe(`prodready: error: ${file}: no Kubernetes objects: the file is empty or holds only comments, document separators or empty Lists`);
    });

    it("refuses empty standard input, as when helm template fails before the pipe", () => {
        const result = prodready(["-"], "");
        expect(result.code).toBe(2);
        expect(result.stderr.trim()).toMatch(/^prodready: error: <stdin>: standard input is empty/);
    });

    it("refuses a directory without manifests", () => {
        const dir = tempDir();
        fs.writeFileSync(path.join(dir, "README.md"), "no manifests here");
        fs.writeFileSync(path.join(dir, "empty.yaml"), "# nothing\n");
        expect(() => readManifests([dir])).toThrow(`${dir}: no Kubernetes objects in the directory`);
        const result = prodready([dir]);
        expect(result.code).toBe(2);
        expect(result.stderr.trim()).toBe(`prodready: error: ${dir}: no Kubernetes objects in the directory (files read: .yaml, .yml, .json)`);
    });

    it("reads directories reached through symbolic links, and stops at a link back to a parent", () => {
        const rendered = tempDir();
        fs.writeFileSync(path.join(rendered, "svc.yaml"), LB_SERVICE);
        const dir = tempDir();
        fs.symlinkSync(rendered, path.join(dir, "rendered"));
        fs.symlinkSync(dir, path.join(rendered, "loop"));
        const objects = readManifests([dir]);
        expect(objects.map((o) => o.source)).toEqual([path.join(dir, "rendered", "svc.yaml")]);
    });

    it("names the file that cannot be read", () => {
        const dir = tempDir();
        fs.symlinkSync(path.join(dir, "missing.yaml"), path.join(dir, "broken.yaml"));
        expect(() => readManifests([dir])).toThrow(`${path.join(dir, "broken.yaml")}: cannot read: no such file (a broken symbolic link?)`);
    });

    it("names the file of an alias bomb", () => {
        let text = "a: &a [x, x, x, x, x, x, x, x, x]\n";
        for (let i = 1; i < 9; i++) {
            const [prev, next] = [String.fromCharCode(96 + i), String.fromCharCode(97 + i)];
            text += `${next}: &${next} [${new Array(9).fill(`*${prev}`).join(", ")}]\n`;
        }
        expect(() => parseManifest(text, "bomb.yaml")).toThrow(/^bomb\.yaml:\d+: invalid YAML: document contains excessive aliasing/);
    });
});
