import type * as k8s from "@pulumi/kubernetes";
import { storefrontParts } from "../reference/kubernetes/workload";
import { patch, scenario } from "../scenario";

const DEPLOYMENT = "kubernetes:apps/v1:Deployment";

export default scenario({
    description: "The storefront pod shares the node's network, binds a host port and mounts the node's /var/log",
    violations: [
        ["kubernetes-workload-disallow-host-namespaces", "storefront"],
        ["kubernetes-workload-disallow-host-ports", "storefront"],
        ["kubernetes-workload-disallow-host-path-volumes", "storefront"],
        ["kubernetes-workload-restrict-volume-types", "storefront"],
    ],
    patches: [patch<k8s.apps.v1.DeploymentArgs>(DEPLOYMENT, "storefront", (a) => {
        const { pod, container } = storefrontParts(a);
        pod.hostNetwork = true;
        container.ports = [{ name: "http", containerPort: 8080, hostPort: 8080 }];
        pod.volumes = [{ name: "tmp", emptyDir: { sizeLimit: "64Mi" } }, { name: "node-logs", hostPath: { path: "/var/log", type: "Directory" } }];
        container.volumeMounts = [{ name: "tmp", mountPath: "/tmp" }, { name: "node-logs", mountPath: "/host/logs", readOnly: true }];
    })],
});
