import * as k8s from "@pulumi/kubernetes";

export const NAMESPACE = "shop";
export const APP_LABELS = { "app.kubernetes.io/name": "storefront", "app.kubernetes.io/part-of": "shop" };

/** The storefront Deployment: non-root, read-only, sized, probed, pinned image, secrets by reference. */
export function workload(namespace: k8s.core.v1.Namespace, serviceAccountName: string): k8s.apps.v1.Deployment {
    return new k8s.apps.v1.Deployment("storefront", {
        metadata: { name: "storefront", namespace: NAMESPACE, labels: APP_LABELS },
        spec: {
            replicas: 3,
            selector: { matchLabels: APP_LABELS },
            strategy: { type: "RollingUpdate", rollingUpdate: { maxUnavailable: 0, maxSurge: 1 } },
            template: {
                metadata: { labels: APP_LABELS },
                spec: {
                    serviceAccountName,
                    automountServiceAccountToken: false,
                    terminationGracePeriodSeconds: 30,
                    securityContext: { runAsNonRoot: true, runAsUser: 1000, runAsGroup: 1000, fsGroup: 1000, seccompProfile: { type: "RuntimeDefault" } },
                    containers: [{
                        name: "storefront",
                        image: "registry.example.com/shop/storefront:2.7.1",
                        ports: [{ name: "http", containerPort: 8080 }],
                        env: [
                            { name: "LOG_FORMAT", value: "json" },
                            { name: "DATABASE_PASSWORD", valueFrom: { secretKeyRef: { name: "storefront-db", key: "password" } } },
                        ],
                        resources: { requests: { cpu: "250m", memory: "256Mi" }, limits: { cpu: "1", memory: "512Mi" } },
                        securityContext: {
                            allowPrivilegeEscalation: false,
                            privileged: false,
                            readOnlyRootFilesystem: true,
                            capabilities: { drop: ["ALL"] },
                        },
                        livenessProbe: { httpGet: { path: "/health", port: "http" }, periodSeconds: 10, failureThreshold: 3 },
                        readinessProbe: { httpGet: { path: "/ready", port: "http" }, periodSeconds: 5 },
                        volumeMounts: [{ name: "tmp", mountPath: "/tmp" }],
                    }],
                    volumes: [{ name: "tmp", emptyDir: { sizeLimit: "64Mi" } }],
                },
            },
        },
    }, { dependsOn: [namespace] });
}
