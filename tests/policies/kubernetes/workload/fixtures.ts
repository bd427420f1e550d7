// Compliant pod-level fixtures for the kubernetes-workload-* specs: one hardened pod spec that
// passes every workload policy, and the workload shapes that carry it. A spec changes exactly one
// place, through the provider's own input types, so a misspelt property fails to compile.
import type * as k8s from "@pulumi/kubernetes";
import { type ResourceCase, UNKNOWN } from "../../../harness/policy";

export type PodSpec = k8s.types.input.core.v1.PodSpec;
export type Container = k8s.types.input.core.v1.Container;
export type SecurityContext = k8s.types.input.core.v1.SecurityContext;

export const IMAGE = "registry.example.com/shop/app:1.4.2";

/** The container-level hardening every workload policy expects. */
export const HARDENED: SecurityContext = {
    allowPrivilegeEscalation: false,
    privileged: false,
    readOnlyRootFilesystem: true,
    capabilities: { drop: ["ALL"] },
};

export const POD_SECURITY: k8s.types.input.core.v1.PodSecurityContext = {
    runAsNonRoot: true,
    runAsUser: 1000,
    runAsGroup: 1000,
    seccompProfile: { type: "RuntimeDefault" },
};

/** A sized, hardened container with its secret taken by reference. */
export function container(name: string, changes: Partial<Container> = {}): Container {
    return {
        name,
        image: IMAGE,
        resources: { requests: { cpu: "100m", memory: "128Mi" }, limits: { cpu: "500m", memory: "256Mi" } },
        securityContext: HARDENED,
        env: [
            { name: "LOG_LEVEL", value: "info" },
            { name: "DB_PASSWORD", valueFrom: { secretKeyRef: { name: "app-db", key: "password" } } },
        ],
        ...changes,
    };
}

/** The main container: also probed and serving on a container port. */
export function appContainer(changes: Partial<Container> = {}): Container {
    return container("app", {
        ports: [{ name: "http", containerPort: 8080 }],
        livenessProbe: { httpGet: { path: "/health/live", port: "http" } },
        readinessProbe: { httpGet: { path: "/health/ready", port: "http" } },
        ...changes,
    });
}

export function podSpec(changes: Partial<PodSpec> = {}): PodSpec {
    return {
        serviceAccountName: "app",
        automountServiceAccountToken: false,
        terminationGracePeriodSeconds: 30,
        securityContext: POD_SECURITY,
        initContainers: [container("migrate")],
        containers: [appContainer()],
        volumes: [{ name: "tmp", emptyDir: {} }],
        ...changes,
    };
}

const LABELS = { app: "app" };
const METADATA = { name: "app", namespace: "shop" };
type Metadata = k8s.types.input.meta.v1.ObjectMeta;

export function deployment(spec: PodSpec = podSpec(), metadata: Metadata = METADATA): ResourceCase {
    const props: k8s.apps.v1.DeploymentArgs = { metadata, spec: { selector: { matchLabels: LABELS }, template: { metadata: { labels: LABELS }, spec } } };
    return { type: "kubernetes:apps/v1:Deployment", props };
}

export function statefulSet(spec: PodSpec = podSpec(), metadata: Metadata = METADATA): ResourceCase {
    const props: k8s.apps.v1.StatefulSetArgs = { metadata, spec: { serviceName: "app", selector: { matchLabels: LABELS }, template: { metadata: { labels: LABELS }, spec } } };
    return { type: "kubernetes:apps/v1:StatefulSet", props };
}

export function daemonSet(spec: PodSpec = podSpec(), metadata: Metadata = METADATA): ResourceCase {
    const props: k8s.apps.v1.DaemonSetArgs = { metadata, spec: { selector: { matchLabels: LABELS }, template: { metadata: { labels: LABELS }, spec } } };
    return { type: "kubernetes:apps/v1:DaemonSet", props };
}

export function replicaSet(spec: PodSpec = podSpec(), metadata: Metadata = METADATA): ResourceCase {
    const props: k8s.apps.v1.ReplicaSetArgs = { metadata, spec: { selector: { matchLabels: LABELS }, template: { metadata: { labels: LABELS }, spec } } };
    return { type: "kubernetes:apps/v1:ReplicaSet", props };
}

export function replicationController(spec: PodSpec = podSpec(), metadata: Metadata = METADATA): ResourceCase {
    const props: k8s.core.v1.ReplicationControllerArgs = { metadata, spec: { selector: LABELS, template: { metadata: { labels: LABELS }, spec } } };
    return { type: "kubernetes:core/v1:ReplicationController", props };
}

export function pod(spec: PodSpec = podSpec(), metadata: Metadata = METADATA): ResourceCase {
    const props: k8s.core.v1.PodArgs = { metadata, spec };
    return { type: "kubernetes:core/v1:Pod", props };
}

export function job(spec: PodSpec = podSpec(), metadata: Metadata = METADATA): ResourceCase {
    const props: k8s.batch.v1.JobArgs = { metadata, spec: { template: { spec: { restartPolicy: "Never", ...spec } } } };
    return { type: "kubernetes:batch/v1:Job", props };
}

export function cronJob(spec: PodSpec = podSpec(), metadata: Metadata = METADATA): ResourceCase {
    const props: k8s.batch.v1.CronJobArgs = {
        metadata,
        spec: { schedule: "0 3 * * *", jobTemplate: { spec: { template: { spec: { restartPolicy: "Never", ...spec } } } } },
    };
    return { type: "kubernetes:batch/v1:CronJob", props };
}

/** Every shape that carries a pod spec, by kind. */
export const SHAPES = { Deployment: deployment, StatefulSet: statefulSet, DaemonSet: daemonSet, ReplicaSet: replicaSet, ReplicationController: replicationController, Pod: pod, Job: job, CronJob: cronJob };

/** Shapes that run continuously (not run-to-completion). */
export const LONG_RUNNING_SHAPES = { Deployment: deployment, StatefulSet: statefulSet, DaemonSet: daemonSet, Pod: pod };

/** A Deployment patch (server-side apply) that sets only the given pod spec fields. */
export function deploymentPatch(spec: k8s.types.input.core.v1.PodSpecPatch): ResourceCase {
    const props: k8s.apps.v1.DeploymentPatchArgs = { metadata: { name: "app", namespace: "shop" }, spec: { template: { spec } } };
    return { type: "kubernetes:apps/v1:DeploymentPatch", props };
}

/** A container of a patch: only the fields given (patches name the container they change). */
export function patchContainer(changes: Partial<k8s.types.input.core.v1.ContainerPatch>): k8s.types.input.core.v1.ContainerPatch {
    return { name: "app", ...changes };
}

// ---- Custom resources that carry a pod template (registered as kubernetes:<group>/<version>:<Kind>) ----

type PodTemplate = k8s.types.input.core.v1.PodTemplateSpec;

function customResource(apiVersion: string, kind: string, spec: Record<string, unknown>, metadata: Metadata): ResourceCase {
    const props: k8s.apiextensions.CustomResourceArgs = { apiVersion, kind, metadata, spec };
    return { type: `kubernetes:${apiVersion}:${kind}`, props };
}

/** An Argo Rollout: a Deployment-like pod template with spec.replicas and a rollout strategy. */
export function rollout(spec: PodSpec = podSpec(), metadata: Metadata = METADATA, replicas = 3): ResourceCase {
    const template: PodTemplate = { metadata: { labels: LABELS }, spec };
    return customResource("argoproj.io/v1alpha1", "Rollout", { replicas, selector: { matchLabels: LABELS }, template, strategy: { canary: { steps: [{ setWeight: 20 }] } } }, metadata);
}

/** A Knative Service: a pod template without replicas (Knative scales on requests). */
export function knativeService(spec: PodSpec = podSpec(), metadata: Metadata = METADATA): ResourceCase {
    const template: PodTemplate = { spec };
    return customResource("serving.knative.dev/v1", "Service", { template }, metadata);
}

/** An OpenShift DeploymentConfig. */
export function deploymentConfig(spec: PodSpec = podSpec(), metadata: Metadata = METADATA, replicas = 2): ResourceCase {
    const template: PodTemplate = { metadata: { labels: LABELS }, spec };
    return customResource("apps.openshift.io/v1", "DeploymentConfig", { replicas, selector: LABELS, template }, metadata);
}

/** A scheduled custom workload with a CronJob-like job template. */
export function scheduledWorkload(spec: PodSpec = podSpec(), metadata: Metadata = METADATA): ResourceCase {
    const jobTemplate: k8s.types.input.batch.v1.JobTemplateSpec = { spec: { template: { spec: { restartPolicy: "Never", ...spec } } } };
    return customResource("ops.example.com/v1", "ScheduledTask", { schedule: "0 3 * * *", jobTemplate }, metadata);
}

/** A Pod-like custom resource: the pod spec is its own spec. */
export function podLikeResource(spec: PodSpec = podSpec(), metadata: Metadata = METADATA): ResourceCase {
    return customResource("sandbox.example.com/v1", "Sandbox", { ...spec }, metadata);
}

/** Custom resources that carry a pod template, by kind. */
export const CUSTOM_SHAPES = { Rollout: rollout, KnativeService: knativeService, DeploymentConfig: deploymentConfig, ScheduledTask: scheduledWorkload, Sandbox: podLikeResource };

/** Metadata whose name and namespace are unknown during preview (a Namespace the stack autonames). */
export const UNKNOWN_METADATA: Metadata = { name: UNKNOWN, namespace: UNKNOWN };
