import { spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { manifestRun, parseManifest, pulumiType, readManifests } from "../../src/manifests";

const ROOT = path.resolve(__dirname, "..", "..");
const CLI = path.join(ROOT, "bin", "prodready.js");

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
    const r = spawnSync(process.execPath, [CLI, "manifests", ...args, "--format", "json"], { cwd: ROOT, input, encoding: "utf8", timeout: 120000 });
    return { code: r.status, stdout: r.stdout, stderr: r.stderr, report: r.status !== 2 && r.stdout ? JSON.parse(r.stdout) : undefined };
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
});
