import * as path from "path";
import * as pulumi from "@pulumi/pulumi";
import * as k8s from "@pulumi/kubernetes";

// `only` picks some of the classes (comma-separated names below); all of them by default, and the
// unanswerable function only when named.
const only = new pulumi.Config().get("only")?.split(",");
const wanted = (name: string) => !only || only.includes(name);

const fixtures = path.join(__dirname, "..", "fixtures");
const pod = (name: string) => `
apiVersion: v1
kind: Pod
metadata:
  name: ${name}
spec:
  hostNetwork: true
  containers:
    - name: app
      image: nginx:1.27.3
      securityContext:
        privileged: true
        runAsUser: 0
`;

if (wanted("group")) {
    new k8s.yaml.v2.ConfigGroup("group", { yaml: pod("configgroup-pod") });
}
if (wanted("file")) {
    new k8s.yaml.v2.ConfigFile("file", { file: path.join(fixtures, "manifests", "pod.yaml") });
}
if (wanted("chartv4")) {
    new k8s.helm.v4.Chart("chartv4", { chart: path.join(fixtures, "chart") });
}
if (wanted("chartv3")) {
    new k8s.helm.v3.Chart("chartv3", { path: path.join(fixtures, "chart") });
}
if (wanted("kustomizev2")) {
    new k8s.kustomize.v2.Directory("kustomizev2", { directory: path.join(fixtures, "kustomize") });
}
if (wanted("kustomizev1")) {
    new k8s.kustomize.Directory("kustomizev1", { directory: path.join(fixtures, "kustomize") });
}
if (only?.includes("plain")) {
    // A Pod the program registers itself, judged whatever happens to the components.
    new k8s.core.v1.Pod("plain", { metadata: { name: "plain-pod" }, spec: { containers: [{ name: "app", image: "nginx:1.27.3", securityContext: { privileged: true } }] } });
}
if (only?.includes("spin")) {
    // Never finishes: the components' plugins stay up until the run is ended.
    setInterval(() => undefined, 1000);
}
if (only?.includes("function")) {
    // A function of a package nobody here knows: the preview cannot answer it.
    pulumi.runtime.invoke("acme:index:getWidget", { name: "w" });
}
