// Typed objects for the Kubernetes stack-policy specs that join Services, Ingresses,
// NetworkPolicies and ServiceAccounts to the workloads of a stack.
import type * as k8s from "@pulumi/kubernetes";
import type { StackResource } from "../../harness/policy";

export const LABELS = { app: "web" };
type Labels = Record<string, string>;
type ServicePort = k8s.types.input.core.v1.ServicePort;

export const TYPES = {
    Deployment: "kubernetes:apps/v1:Deployment",
    Service: "kubernetes:core/v1:Service",
    Ingress: "kubernetes:networking.k8s.io/v1:Ingress",
    NetworkPolicy: "kubernetes:networking.k8s.io/v1:NetworkPolicy",
    ServiceAccount: "kubernetes:core/v1:ServiceAccount",
} as const;

/** A Deployment whose container serves `http` on 8080. */
export function web(changes: { labels?: Labels; namespace?: string; name?: string; serviceAccountName?: string; ports?: k8s.types.input.core.v1.ContainerPort[] } = {}): StackResource {
    const labels = changes.labels ?? LABELS;
    const name = changes.name ?? "web";
    const props: k8s.apps.v1.DeploymentArgs = {
        metadata: { name, namespace: changes.namespace ?? "shop" },
        spec: {
            replicas: 2,
            selector: { matchLabels: labels },
            template: {
                metadata: { labels },
                spec: {
                    serviceAccountName: changes.serviceAccountName,
                    containers: [{ name: "app", image: "app:1", ports: changes.ports ?? [{ name: "http", containerPort: 8080 }] }],
                },
            },
        },
    };
    return { type: TYPES.Deployment, name, props };
}

export function service(selector: Labels | undefined = LABELS, ports: ServicePort[] = [{ name: "http", port: 80, targetPort: "http" }], namespace = "shop", name = "web"): StackResource {
    const props: k8s.core.v1.ServiceArgs = { metadata: { name, namespace }, spec: { selector, ports } };
    return { type: TYPES.Service, name: `${name}-svc`, props };
}

export function ingress(backend: k8s.types.input.networking.v1.IngressServiceBackend = { name: "web", port: { name: "http" } }, namespace = "shop"): StackResource {
    const props: k8s.networking.v1.IngressArgs = {
        metadata: { name: "web", namespace },
        spec: { rules: [{ host: "shop.example.com", http: { paths: [{ path: "/", pathType: "Prefix", backend: { service: backend } }] } }] },
    };
    return { type: TYPES.Ingress, name: "web-ingress", props };
}

export function networkPolicy(podSelector: k8s.types.input.meta.v1.LabelSelector, namespace = "shop"): StackResource {
    const props: k8s.networking.v1.NetworkPolicyArgs = { metadata: { name: "web", namespace }, spec: { podSelector, policyTypes: ["Ingress"] } };
    return { type: TYPES.NetworkPolicy, name: "web-netpol", props };
}

export function serviceAccount(name = "web", namespace = "shop"): StackResource {
    const props: k8s.core.v1.ServiceAccountArgs = { metadata: { name, namespace } };
    return { type: TYPES.ServiceAccount, name: `${name}-sa`, props };
}
