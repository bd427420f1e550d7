import * as k8s from "@pulumi/kubernetes";
import { SERVICE_ACCOUNT } from "../reference/kubernetes/platform";
import { PRIORITY_CLASS } from "../reference/kubernetes/scheduling";
import { APP_LABELS, NAMESPACE } from "../reference/kubernetes/workload";
import { scenario } from "../scenario";

type PodTemplate = k8s.types.input.core.v1.PodTemplateSpec;

// Hardened in every other way, so only the structure is at fault.
const HARDENED_POD: k8s.types.input.core.v1.PodSpec = {
    serviceAccountName: SERVICE_ACCOUNT,
    priorityClassName: PRIORITY_CLASS,
    automountServiceAccountToken: false,
    securityContext: { runAsNonRoot: true, runAsUser: 1000, seccompProfile: { type: "RuntimeDefault" } },
    containers: [{
        name: "worker",
        image: "registry.example.com/shop/worker:1.2.0",
        resources: { requests: { cpu: "100m", memory: "128Mi" }, limits: { cpu: "500m", memory: "256Mi" } },
        securityContext: { allowPrivilegeEscalation: false, readOnlyRootFilesystem: true, capabilities: { drop: ["ALL"] } },
        livenessProbe: { httpGet: { path: "/health", port: 8080 } },
        readinessProbe: { httpGet: { path: "/ready", port: 8080 } },
    }],
};

export default scenario({
    description: "A Deployment declared under apiVersion v1, and an Argo Rollout whose containers are image strings: objects the API server rejects",
    violations: [
        ["kubernetes-object-require-valid-shape", "legacy-worker"],
        ["kubernetes-object-require-valid-shape", "storefront-canary"],
    ],
    extra: () => {
        const template: PodTemplate = { metadata: { labels: APP_LABELS }, spec: HARDENED_POD };
        new k8s.apiextensions.CustomResource("legacy-worker", {
            apiVersion: "v1",
            kind: "Deployment",
            metadata: { name: "legacy-worker", namespace: NAMESPACE },
            spec: { replicas: 2, selector: { matchLabels: APP_LABELS }, template },
        });
        new k8s.apiextensions.CustomResource("storefront-canary", {
            apiVersion: "argoproj.io/v1alpha1",
            kind: "Rollout",
            metadata: { name: "storefront-canary", namespace: NAMESPACE },
            spec: {
                replicas: 2,
                selector: { matchLabels: APP_LABELS },
                template: { metadata: { labels: APP_LABELS }, spec: { ...HARDENED_POD, containers: ["registry.example.com/shop/storefront:2.8.0"] } },
                strategy: { canary: { steps: [{ setWeight: 20 }] } },
            },
        });
    },
});
