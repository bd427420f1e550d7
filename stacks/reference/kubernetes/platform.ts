import * as k8s from "@pulumi/kubernetes";
import { included } from "../../scenario";
import { APP_LABELS, NAMESPACE } from "./workload";

export const SERVICE_ACCOUNT = "storefront";

/** The namespace and what the workload needs around it: identity, quotas, network rules. */
export function namespace(): { namespace: k8s.core.v1.Namespace; serviceAccount: k8s.core.v1.ServiceAccount } {
    const ns = new k8s.core.v1.Namespace("shop", {
        metadata: { name: NAMESPACE, labels: { "pod-security.kubernetes.io/enforce": "restricted" } },
    });
    const serviceAccount = new k8s.core.v1.ServiceAccount("storefront-sa", {
        metadata: { name: SERVICE_ACCOUNT, namespace: NAMESPACE },
        automountServiceAccountToken: false,
    }, { dependsOn: [ns] });
    new k8s.rbac.v1.Role("storefront-reader", {
        metadata: { name: "storefront-reader", namespace: NAMESPACE },
        rules: [{ apiGroups: [""], resources: ["configmaps"], verbs: ["get", "list", "watch"] }],
    }, { dependsOn: [ns] });
    new k8s.rbac.v1.RoleBinding("storefront-reader", {
        metadata: { name: "storefront-reader", namespace: NAMESPACE },
        roleRef: { apiGroup: "rbac.authorization.k8s.io", kind: "Role", name: "storefront-reader" },
        subjects: [{ kind: "ServiceAccount", name: SERVICE_ACCOUNT, namespace: NAMESPACE }],
    }, { dependsOn: [ns] });
    if (included("shop-limits")) {
        new k8s.core.v1.LimitRange("shop-limits", {
            metadata: { name: "defaults", namespace: NAMESPACE },
            spec: { limits: [{ type: "Container", default: { cpu: "500m", memory: "256Mi" }, defaultRequest: { cpu: "100m", memory: "128Mi" } }] },
        }, { dependsOn: [ns] });
    }
    if (included("shop-default")) {
        new k8s.networking.v1.NetworkPolicy("shop-default", {
            metadata: { name: "storefront", namespace: NAMESPACE },
            spec: {
                podSelector: { matchLabels: APP_LABELS },
                policyTypes: ["Ingress", "Egress"],
                ingress: [{ ports: [{ port: 8080, protocol: "TCP" }] }],
                egress: [{ ports: [{ port: 443, protocol: "TCP" }, { port: 53, protocol: "UDP" }] }],
            },
        }, { dependsOn: [ns] });
    }
    return { namespace: ns, serviceAccount };
}

/** Exposure and scaling around the Deployment: Service, TLS Ingress, autoscaler and disruption budget. */
export function exposure(deployment: k8s.apps.v1.Deployment): void {
    new k8s.core.v1.Service("storefront", {
        metadata: { name: "storefront", namespace: NAMESPACE, labels: APP_LABELS },
        spec: { type: "ClusterIP", selector: APP_LABELS, ports: [{ name: "http", port: 80, targetPort: "http" }] },
    }, { dependsOn: [deployment] });
    new k8s.networking.v1.Ingress("storefront", {
        metadata: { name: "storefront", namespace: NAMESPACE, annotations: { "nginx.ingress.kubernetes.io/ssl-redirect": "true" } },
        spec: {
            ingressClassName: "nginx",
            tls: [{ hosts: ["shop.example.com"], secretName: "storefront-tls" }],
            rules: [{
                host: "shop.example.com",
                http: { paths: [{ path: "/", pathType: "Prefix", backend: { service: { name: "storefront", port: { name: "http" } } } }] },
            }],
        },
    });
    if (included("storefront-hpa")) {
        new k8s.autoscaling.v2.HorizontalPodAutoscaler("storefront-hpa", {
            metadata: { name: "storefront", namespace: NAMESPACE },
            spec: {
                scaleTargetRef: { apiVersion: "apps/v1", kind: "Deployment", name: "storefront" },
                minReplicas: 3,
                maxReplicas: 12,
                metrics: [{ type: "Resource", resource: { name: "cpu", target: { type: "Utilization", averageUtilization: 70 } } }],
            },
        });
    }
    if (included("storefront-pdb")) {
        new k8s.policy.v1.PodDisruptionBudget("storefront-pdb", {
            metadata: { name: "storefront", namespace: NAMESPACE },
            spec: { minAvailable: 2, selector: { matchLabels: APP_LABELS }, unhealthyPodEvictionPolicy: "AlwaysAllow" },
        });
    }
}
