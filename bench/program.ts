// A Pulumi program of N Kubernetes resources for the preview benchmark: the Helm-style corpus's
// objects, each declared with the provider's own class. Written to a directory with its Pulumi.yaml.
import * as fs from "fs";
import * as path from "path";
import { parse } from "yaml";
import { helmStyleCorpus } from "./corpus";

const PROGRAM = `import * as fs from "fs";
import * as path from "path";
import * as k8s from "@pulumi/kubernetes";

const classes: Record<string, any> = {
    Deployment: k8s.apps.v1.Deployment,
    Service: k8s.core.v1.Service,
    Ingress: k8s.networking.v1.Ingress,
    HorizontalPodAutoscaler: k8s.autoscaling.v2.HorizontalPodAutoscaler,
    PodDisruptionBudget: k8s.policy.v1.PodDisruptionBudget,
    ConfigMap: k8s.core.v1.ConfigMap,
};

const objects: any[] = JSON.parse(fs.readFileSync(path.join(__dirname, "objects.json"), "utf8"));
for (const object of objects) {
    const Resource = classes[object.kind];
    new Resource(\`\${object.metadata.namespace}-\${object.kind}-\${object.metadata.name}\`.toLowerCase(), object);
}
`;

/** Writes a program of `size` resources (rounded to whole apps) into `dir`, using the repository's node_modules. */
export function writeProgram(dir: string, size: number, nodeModules: string): void {
    fs.mkdirSync(dir, { recursive: true });
    const objects = helmStyleCorpus(size).split(/^---\n/m).filter((d) => d.trim()).map((d) => parse(d));
    fs.writeFileSync(path.join(dir, "objects.json"), JSON.stringify(objects));
    fs.writeFileSync(path.join(dir, "index.ts"), PROGRAM);
    fs.writeFileSync(path.join(dir, "Pulumi.yaml"), "name: bench\nruntime: nodejs\nmain: index.ts\n");
    fs.writeFileSync(path.join(dir, "package.json"), JSON.stringify({ name: "bench", version: "0.0.1", main: "index.ts" }));
    if (!fs.existsSync(path.join(dir, "node_modules"))) {
        fs.symlinkSync(nodeModules, path.join(dir, "node_modules"));
    }
}
