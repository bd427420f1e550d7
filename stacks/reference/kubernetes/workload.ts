import * as k8s from "@pulumi/kubernetes";
import { PRIORITY_CLASS } from "./scheduling";

export const NAMESPACE = "shop";
export const APP_LABELS = { "app.kubernetes.io/name": "storefront", "app.kubernetes.io/part-of": "shop" };

/** The storefront Deployment: non-root, read-only, sized, probed, pinned image, secrets by reference. */
export function workload(namespace: k8s.core.v1.Namespace, serviceAccountName: string): k8s.apps.v1.Deployment {
    return new k8s.apps.v1.Deployment("storefront", {
        metadata: { name: "storefront", namespace: NAMESPACE, labels: APP_LABELS },
        spec: {
            // No spec.replicas: the storefront autoscaler owns the count (minReplicas 3), and a static
            // count would reset it on every apply.
            selector: { matchLabels: APP_LABELS },
            strategy: { type: "RollingUpdate", rollingUpdate: { maxUnavailable: 0, maxSurge: 1 } },
            template: {
                metadata: { labels: APP_LABELS },
                spec: hardenedPodSpec(serviceAccountName, [{
                    name: "storefront",
                    image: "registry.example.com/shop/storefront:2.7.1",
                    imagePullPolicy: "Always",
                    ports: [{ name: "http", containerPort: 8080 }],
                    env: [
                        { name: "NODE_ENV", value: "production" },
                        { name: "LOG_LEVEL", value: "info" },
                        { name: "LOG_FORMAT", value: "json" },
                        { name: "DATABASE_PASSWORD", valueFrom: { secretKeyRef: { name: "storefront-db", key: "password" } } },
                        { name: "JWT_SECRET", valueFrom: { secretKeyRef: { name: "storefront-auth", key: "jwt-secret" } } },
                    ],
                    resources: { requests: { cpu: "250m", memory: "256Mi" }, limits: { cpu: "1", memory: "512Mi" } },
                    securityContext: hardenedContainer(),
                    livenessProbe: { httpGet: { path: "/health", port: "http" }, periodSeconds: 10, failureThreshold: 3 },
                    readinessProbe: { httpGet: { path: "/ready", port: "http" }, periodSeconds: 5 },
                    volumeMounts: [{ name: "tmp", mountPath: "/tmp" }],
                }], {
                    topologySpreadConstraints: [{ maxSkew: 1, topologyKey: "topology.kubernetes.io/zone", whenUnsatisfiable: "ScheduleAnyway", labelSelector: { matchLabels: APP_LABELS } }],
                }),
            },
        },
    }, { dependsOn: [namespace] });
}

type PodSpec = k8s.types.input.core.v1.PodSpec;
type Container = k8s.types.input.core.v1.Container;

/** Container-level hardening: no privilege, a read-only root filesystem, no capabilities. A new object each time, as scenarios patch it in place. */
export function hardenedContainer(): k8s.types.input.core.v1.SecurityContext {
    return { allowPrivilegeEscalation: false, privileged: false, readOnlyRootFilesystem: true, capabilities: { drop: ["ALL"] } };
}

/**
 * The pod settings the shop's workloads share: their own ServiceAccount without a token, a priority
 * class, a grace period, a non-root RuntimeDefault-seccomp pod, and a small scratch volume at /tmp.
 */
export function hardenedPodSpec(serviceAccountName: string, containers: Container[], changes: Partial<PodSpec> = {}): PodSpec {
    return {
        serviceAccountName,
        priorityClassName: PRIORITY_CLASS,
        automountServiceAccountToken: false,
        terminationGracePeriodSeconds: 30,
        securityContext: { runAsNonRoot: true, runAsUser: 1000, runAsGroup: 1000, fsGroup: 1000, seccompProfile: { type: "RuntimeDefault" } },
        containers,
        volumes: [{ name: "tmp", emptyDir: { sizeLimit: "64Mi" } }],
        ...changes,
    };
}

/** The parts of the storefront Deployment's inputs that workload scenarios patch, typed (its inputs are plain values). */
export function storefrontParts(args: k8s.apps.v1.DeploymentArgs): {
    pod: PodSpec;
    podSecurity: k8s.types.input.core.v1.PodSecurityContext;
    container: Container;
    security: k8s.types.input.core.v1.SecurityContext;
} {
    const spec = args.spec as k8s.types.input.apps.v1.DeploymentSpec;
    const pod = (spec.template as k8s.types.input.core.v1.PodTemplateSpec).spec as PodSpec;
    const container = (pod.containers as Container[])[0];
    return {
        pod,
        podSecurity: pod.securityContext as k8s.types.input.core.v1.PodSecurityContext,
        container,
        security: container.securityContext as k8s.types.input.core.v1.SecurityContext,
    };
}
