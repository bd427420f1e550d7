import { matchGlob } from "./globs";
import type { ConfigProperty } from "./define";
import { judgeEach, known, knownOr, unlessListed } from "./unknowns";
import { at, isRecord, Props, record, records, text } from "./values";

/** Where each workload kind keeps its pod spec. Patch types carry partial specs at the same place. */
const POD_SPEC_PATHS: Record<string, readonly string[]> = {
    Pod: ["spec"],
    Deployment: ["spec", "template", "spec"],
    StatefulSet: ["spec", "template", "spec"],
    DaemonSet: ["spec", "template", "spec"],
    ReplicaSet: ["spec", "template", "spec"],
    ReplicationController: ["spec", "template", "spec"],
    Job: ["spec", "template", "spec"],
    CronJob: ["spec", "jobTemplate", "spec", "template", "spec"],
};

const WORKLOAD_VERSIONS: Record<string, readonly string[]> = {
    Pod: ["core/v1"],
    Deployment: ["apps/v1", "apps/v1beta1", "apps/v1beta2", "extensions/v1beta1"],
    StatefulSet: ["apps/v1", "apps/v1beta1", "apps/v1beta2"],
    DaemonSet: ["apps/v1", "apps/v1beta2", "extensions/v1beta1"],
    ReplicaSet: ["apps/v1", "apps/v1beta2", "extensions/v1beta1"],
    ReplicationController: ["core/v1"],
    Job: ["batch/v1"],
    CronJob: ["batch/v1", "batch/v1beta1", "batch/v2alpha1"],
};

export type WorkloadKind = keyof typeof POD_SPEC_PATHS;

function tokens(kinds: readonly string[], patches: boolean): string[] {
    const result: string[] = [];
    for (const kind of kinds) {
        for (const version of WORKLOAD_VERSIONS[kind] ?? []) {
            result.push(`kubernetes:${version}:${kind}`);
            if (patches) {
                result.push(`kubernetes:${version}:${kind}Patch`);
            }
        }
    }
    return result;
}

/** Every type token that carries a pod spec, Patch variants included. */
export const POD_WORKLOAD_TYPES: readonly string[] = tokens(Object.keys(POD_SPEC_PATHS), true);

/** Workloads that run continuously (not run-to-completion Jobs). */
export const LONG_RUNNING_WORKLOAD_TYPES: readonly string[] = tokens(
    ["Pod", "Deployment", "StatefulSet", "DaemonSet", "ReplicaSet", "ReplicationController"], true);

/** Workloads whose size is set by `spec.replicas`. */
export const REPLICATED_WORKLOAD_TYPES: readonly string[] = tokens(
    ["Deployment", "StatefulSet", "ReplicaSet", "ReplicationController"], true);

export type ParsedType = Readonly<{ group: string; version: string; kind: string; patch: boolean }>;

export function parseType(type: string): ParsedType {
    return remember(parsedTypes, type, () => {
        const [, apiVersion = "", rawKind = ""] = type.split(":");
        const [group, version] = apiVersion.includes("/") ? apiVersion.split("/") : ["core", apiVersion];
        const patch = rawKind.endsWith("Patch");
        return Object.freeze({ group, version, kind: patch ? rawKind.slice(0, -"Patch".length) : rawKind, patch });
    });
}

// Every policy parses the type of every resource it meets, and a stack holds few distinct types.
const parsedTypes = new Map<string, ParsedType>();
const groupVersions = new Map<string, GroupVersion | undefined>();

function remember<T>(cache: Map<string, T>, key: string, compute: () => T): T {
    if (cache.has(key)) {
        return cache.get(key) as T;
    }
    if (cache.size >= 10000) {
        cache.clear();
    }
    const value = compute();
    cache.set(key, value);
    return value;
}

export function isPatch(type: string): boolean {
    return parseType(type).patch;
}

// ---- Which kinds the API server serves, and which types carry a pod template ----

/**
 * The kinds each built-in group/version serves, as the @pulumi/kubernetes provider registers them
 * (its `*List` and `*Patch` types aside). The pack does not load the provider at run time;
 * tests/policies/kubernetes/object/served-kinds.test.ts keeps this table equal to the provider's types.
 */
export const SERVED_KINDS: Readonly<Record<string, string>> = {
    "admissionregistration.k8s.io/v1": "MutatingAdmissionPolicy MutatingAdmissionPolicyBinding MutatingWebhookConfiguration ValidatingAdmissionPolicy ValidatingAdmissionPolicyBinding ValidatingWebhookConfiguration",
    "admissionregistration.k8s.io/v1alpha1": "MutatingAdmissionPolicy MutatingAdmissionPolicyBinding ValidatingAdmissionPolicy ValidatingAdmissionPolicyBinding",
    "admissionregistration.k8s.io/v1beta1": "MutatingAdmissionPolicy MutatingAdmissionPolicyBinding MutatingWebhookConfiguration ValidatingAdmissionPolicy ValidatingAdmissionPolicyBinding ValidatingWebhookConfiguration",
    "apiextensions.k8s.io/v1": "CustomResourceDefinition",
    "apiextensions.k8s.io/v1beta1": "CustomResourceDefinition",
    "apiregistration.k8s.io/v1": "APIService",
    "apiregistration.k8s.io/v1beta1": "APIService",
    "apps/v1": "ControllerRevision DaemonSet Deployment ReplicaSet StatefulSet",
    "apps/v1beta1": "ControllerRevision Deployment StatefulSet",
    "apps/v1beta2": "ControllerRevision DaemonSet Deployment ReplicaSet StatefulSet",
    "auditregistration.k8s.io/v1alpha1": "AuditSink",
    "autoscaling/v1": "HorizontalPodAutoscaler",
    "autoscaling/v2": "HorizontalPodAutoscaler",
    "autoscaling/v2beta1": "HorizontalPodAutoscaler",
    "autoscaling/v2beta2": "HorizontalPodAutoscaler",
    "batch/v1": "CronJob Job",
    "batch/v1beta1": "CronJob",
    "batch/v2alpha1": "CronJob",
    "certificates.k8s.io/v1": "CertificateSigningRequest ClusterTrustBundle PodCertificateRequest",
    "certificates.k8s.io/v1alpha1": "ClusterTrustBundle",
    "certificates.k8s.io/v1beta1": "CertificateSigningRequest ClusterTrustBundle PodCertificateRequest",
    "coordination.k8s.io/v1": "Lease",
    "coordination.k8s.io/v1alpha1": "LeaseCandidate",
    "coordination.k8s.io/v1alpha2": "LeaseCandidate",
    "coordination.k8s.io/v1beta1": "Lease LeaseCandidate",
    "core/v1": "Binding ConfigMap Endpoints Event LimitRange Namespace Node PersistentVolume PersistentVolumeClaim Pod PodTemplate ReplicationController ResourceQuota Secret Service ServiceAccount",
    "discovery.k8s.io/v1": "EndpointSlice",
    "discovery.k8s.io/v1beta1": "EndpointSlice",
    "events.k8s.io/v1": "Event",
    "events.k8s.io/v1beta1": "Event",
    "extensions/v1beta1": "DaemonSet Deployment Ingress NetworkPolicy PodSecurityPolicy ReplicaSet",
    "flowcontrol.apiserver.k8s.io/v1": "FlowSchema PriorityLevelConfiguration",
    "flowcontrol.apiserver.k8s.io/v1alpha1": "FlowSchema PriorityLevelConfiguration",
    "flowcontrol.apiserver.k8s.io/v1beta1": "FlowSchema PriorityLevelConfiguration",
    "flowcontrol.apiserver.k8s.io/v1beta2": "FlowSchema PriorityLevelConfiguration",
    "flowcontrol.apiserver.k8s.io/v1beta3": "FlowSchema PriorityLevelConfiguration",
    "lifecycle.k8s.io/v1alpha1": "Eviction EvictionRequest",
    "meta/v1": "Status",
    "networking.k8s.io/v1": "IPAddress Ingress IngressClass NetworkPolicy ServiceCIDR",
    "networking.k8s.io/v1alpha1": "ClusterCIDR IPAddress ServiceCIDR",
    "networking.k8s.io/v1beta1": "IPAddress Ingress IngressClass ServiceCIDR",
    "node.k8s.io/v1": "RuntimeClass",
    "node.k8s.io/v1alpha1": "RuntimeClass",
    "node.k8s.io/v1beta1": "RuntimeClass",
    "policy/v1": "PodDisruptionBudget",
    "policy/v1beta1": "PodDisruptionBudget PodSecurityPolicy",
    "rbac.authorization.k8s.io/v1": "ClusterRole ClusterRoleBinding Role RoleBinding",
    "rbac.authorization.k8s.io/v1alpha1": "ClusterRole ClusterRoleBinding Role RoleBinding",
    "rbac.authorization.k8s.io/v1beta1": "ClusterRole ClusterRoleBinding Role RoleBinding",
    "resource.k8s.io/v1": "DeviceClass DeviceTaintRule ResourceClaim ResourceClaimTemplate ResourceSlice",
    "resource.k8s.io/v1alpha1": "PodScheduling ResourceClaim ResourceClaimTemplate ResourceClass",
    "resource.k8s.io/v1alpha2": "PodSchedulingContext ResourceClaim ResourceClaimParameters ResourceClaimTemplate ResourceClass ResourceClassParameters ResourceSlice",
    "resource.k8s.io/v1alpha3": "DeviceClass DeviceTaintRule PodSchedulingContext ResourceClaim ResourceClaimTemplate ResourcePoolStatusRequest ResourceSlice",
    "resource.k8s.io/v1beta1": "DeviceClass ResourceClaim ResourceClaimTemplate ResourceSlice",
    "resource.k8s.io/v1beta2": "DeviceClass DeviceTaintRule ResourceClaim ResourceClaimTemplate ResourceSlice",
    "scheduling.k8s.io/v1": "PriorityClass",
    "scheduling.k8s.io/v1alpha1": "PriorityClass Workload",
    "scheduling.k8s.io/v1alpha2": "PodGroup Workload",
    "scheduling.k8s.io/v1alpha3": "CompositePodGroup PodGroup Workload",
    "scheduling.k8s.io/v1beta1": "PodGroup PriorityClass Workload",
    "settings.k8s.io/v1alpha1": "PodPreset",
    "storage.k8s.io/v1": "CSIDriver CSINode CSIStorageCapacity StorageClass VolumeAttachment VolumeAttributesClass",
    "storage.k8s.io/v1alpha1": "VolumeAttachment VolumeAttributesClass",
    "storage.k8s.io/v1beta1": "CSIDriver CSINode CSIStorageCapacity StorageClass VolumeAttachment VolumeAttributesClass",
    "storagemigration.k8s.io/v1": "StorageVersionMigration",
    "storagemigration.k8s.io/v1alpha1": "StorageVersionMigration",
    "storagemigration.k8s.io/v1beta1": "StorageVersionMigration",
};

const SERVED = new Map(Object.entries(SERVED_KINDS).map(([groupVersion, kinds]) => [groupVersion, new Set(kinds.split(" "))]));
const BUILT_IN_GROUPS = new Set([...SERVED.keys()].map((groupVersion) => groupVersion.split("/")[0]));
/** Where each built-in kind is served: Deployment → apps/v1, apps/v1beta1, ... */
const KIND_HOMES = new Map<string, string[]>();
for (const [groupVersion, kinds] of SERVED) {
    for (const kind of kinds) {
        KIND_HOMES.set(kind, [...(KIND_HOMES.get(kind) ?? []), groupVersion]);
    }
}

/** Provider components (Helm charts and releases, YAML files, kustomizations): they hold objects, they are not objects. */
const COMPONENT_GROUPS = new Set(["helm.sh", "helm", "yaml", "kustomize"]);

/** The API group/version of a `kubernetes:` type token (`core/v1` for the core group), or undefined for provider components and other providers' types. */
export type GroupVersion = Readonly<{ group: string; version: string; groupVersion: string }>;

export function groupVersionOf(type: string): GroupVersion | undefined {
    return remember(groupVersions, type, () => readGroupVersion(type));
}

function readGroupVersion(type: string): GroupVersion | undefined {
    const [provider, middle = ""] = type.split(":");
    if (provider !== "kubernetes" || middle === "") {
        return undefined;
    }
    if (!middle.includes("/")) {
        // A custom resource declared with a core apiVersion (`v1`) is registered as kubernetes:v1:<Kind>.
        return /^v\d+((alpha|beta)\d+)?$/.test(middle) ? Object.freeze({ group: "core", version: middle, groupVersion: `core/${middle}` }) : undefined;
    }
    const [group, version = ""] = middle.split("/");
    if (COMPONENT_GROUPS.has(group) || version === "") {
        return undefined;
    }
    return Object.freeze({ group, version, groupVersion: middle });
}

/** True for a Kubernetes API object's type (built-in or custom), not a provider component. */
export function isObjectType(type: string, props?: Props): boolean {
    return isBuiltInType(type) || (isCustomResourceType(type) && carriesPodTemplate(type, props));
}

/** A custom resource is a workload when it carries a pod template; without its properties, it may be one. */
function carriesPodTemplate(type: string, props: Props | undefined): boolean {
    return props === undefined || podSpecPath(type, props) !== undefined;
}

/** True for an object of a group the Kubernetes API server itself serves (core, apps, batch, ...). */
export function isBuiltInType(type: string): boolean {
    const gv = groupVersionOf(type);
    return gv !== undefined && BUILT_IN_GROUPS.has(gv.group);
}

/** True for a custom resource: an object of a group no built-in API serves (Argo, Knative, OpenShift, ...). */
export function isCustomResourceType(type: string): boolean {
    const gv = groupVersionOf(type);
    return gv !== undefined && !BUILT_IN_GROUPS.has(gv.group);
}

/** How a group/version reads in a manifest's apiVersion: core/v1 is `v1`. */
export function apiVersionOf(groupVersion: string): string {
    return groupVersion.startsWith("core/") ? groupVersion.slice("core/".length) : groupVersion;
}

/**
 * Why the API server would not serve this built-in type (a kind under a group/version that does not
 * serve it, such as `v1` `Deployment`), or undefined when it serves it or the type is a custom resource.
 */
export function unservedKind(type: string): string | undefined {
    const gv = groupVersionOf(type);
    if (!gv || !BUILT_IN_GROUPS.has(gv.group)) {
        return undefined;
    }
    const { kind } = parseType(type);
    const served = SERVED.get(gv.groupVersion);
    // `DeploymentList` is served where `Deployment` is.
    if (served?.has(kind) || (kind.endsWith("List") && served?.has(kind.slice(0, -"List".length)))) {
        return undefined;
    }
    const apiVersion = apiVersionOf(gv.groupVersion);
    const homes = KIND_HOMES.get(kind);
    if (homes) {
        return `${apiVersion} does not serve kind ${kind}: set apiVersion to ${homes.map(apiVersionOf).join(" or ")}`;
    }
    if (!SERVED.has(gv.groupVersion)) {
        const versions = [...SERVED.keys()].filter((v) => v.split("/")[0] === gv.group).map(apiVersionOf);
        return `${apiVersion} is not a version of API group ${gv.group === "core" ? "core" : gv.group} (served: ${versions.join(", ")}), and ${kind} is no built-in kind`;
    }
    return `${apiVersion} serves no kind ${kind} (it serves ${[...SERVED.get(gv.groupVersion)!].join(", ")})`;
}

const WORKLOAD_TYPE_SET = new Set(POD_WORKLOAD_TYPES);
const LONG_RUNNING_TYPE_SET = new Set(LONG_RUNNING_WORKLOAD_TYPES);
const REPLICATED_TYPE_SET = new Set(REPLICATED_WORKLOAD_TYPES);

/** Where a custom resource may carry its pod template, first match wins (Argo Rollout, Knative Service, OpenShift DeploymentConfig, CronJob-like and Pod-like kinds). */
const TEMPLATE_SHAPES: readonly (readonly string[])[] = [
    ["spec", "template", "spec"],
    ["spec", "jobTemplate", "spec", "template", "spec"],
    ["spec"],
];

/**
 * True for every type a pod-level policy judges: the built-in workloads and every custom resource,
 * whose pod template, if any, `podSpec` finds by its shape.
 */
export function isPodTemplateType(type: string, props?: Props): boolean {
    return WORKLOAD_TYPE_SET.has(canonicalType(type)) || (isCustomResourceType(type) && carriesPodTemplate(type, props));
}

/** The provider's token for a type: a CustomResource declared with apiVersion `v1` registers kubernetes:v1:Pod for kubernetes:core/v1:Pod. */
function canonicalType(type: string): string {
    const gv = groupVersionOf(type);
    return gv?.group === "core" && !type.startsWith("kubernetes:core/") ? `kubernetes:${gv.groupVersion}:${type.split(":")[2] ?? ""}` : type;
}

/** Like isPodTemplateType, for policies about continuously running workloads (custom resources included). */
export function isLongRunningType(type: string, props?: Props): boolean {
    return LONG_RUNNING_TYPE_SET.has(canonicalType(type)) || (isCustomResourceType(type) && carriesPodTemplate(type, props));
}

/** Like isPodTemplateType, for policies about replicated workloads (custom resources included: judged where they set spec.replicas). */
export function isReplicatedType(type: string, props?: Props): boolean {
    return REPLICATED_TYPE_SET.has(canonicalType(type)) || (isCustomResourceType(type) && carriesPodTemplate(type, props));
}

/**
 * The path of a resource's pod spec: fixed for the built-in workloads; for a custom resource, the
 * first of spec.template.spec, spec.jobTemplate.spec.template.spec and spec that sets `containers`.
 */
export function podSpecPath(type: string, props: Props): readonly string[] | undefined {
    if (WORKLOAD_TYPE_SET.has(canonicalType(type))) {
        return POD_SPEC_PATHS[parseType(type).kind];
    }
    if (!isCustomResourceType(type)) {
        return undefined;
    }
    return TEMPLATE_SHAPES.find((path) => at(props, ...path, "containers") !== undefined);
}

/** The pod spec of a workload (or of a custom resource carrying a pod template), or undefined when it sets none. */
export function podSpec(type: string, props: Props): Props | undefined {
    const path = podSpecPath(type, props);
    return path ? record(at(props, ...path)) : undefined;
}

/** True for run-to-completion workloads: Jobs, CronJobs, and custom resources with a job template or a Job kind. */
export function runsToCompletion(type: string, props: Props): boolean {
    const { kind } = parseType(type);
    if (WORKLOAD_TYPE_SET.has(canonicalType(type))) {
        return kind === "Job" || kind === "CronJob";
    }
    return /Job$/.test(kind) || (podSpecPath(type, props)?.includes("jobTemplate") ?? false);
}

export type ContainerRole = "container" | "init container" | "ephemeral container";

export interface ContainerView {
    role: ContainerRole;
    name: string;
    container: Props;
    /** The container's securityContext merged over the pod's, as Kubernetes resolves it. */
    securityContext: Props;
}

// Fields of a container's securityContext that fall back to the pod's securityContext.
const INHERITED_SECURITY_FIELDS = ["runAsNonRoot", "runAsUser", "runAsGroup", "seccompProfile", "seLinuxOptions", "appArmorProfile", "windowsOptions"];

// The merged securityContext reads each field only when a policy asks for it, so a value that is
// unknown during preview does not stop a policy that never reads it.
function effectiveSecurityContext(container: Props, podSpec: Props): Props {
    const own = record(container.securityContext) ?? {};
    const pod = () => record(podSpec.securityContext) ?? {};
    const effective: Props = {};
    for (const field of new Set([...Object.keys(own), ...INHERITED_SECURITY_FIELDS])) {
        const inherited = INHERITED_SECURITY_FIELDS.includes(field);
        Object.defineProperty(effective, field, {
            enumerable: true,
            get: () => (inherited && own[field] === undefined ? pod()[field] : own[field]),
        });
    }
    return effective;
}

const CONTAINER_GROUPS: ReadonlyArray<[ContainerRole, string]> = [
    ["init container", "initContainers"],
    ["container", "containers"],
    ["ephemeral container", "ephemeralContainers"],
];

/**
 * Each container of a pod spec (init and ephemeral ones included) with its effective securityContext.
 * A container (or a whole group of them) unknown during preview is still listed: reading any field
 * of its view throws that unknown value, so it decides only the part of a judgement that reads it.
 * A container name unknown during preview is replaced by its position, as it only names the container.
 */
export function containers(spec: Props): ContainerView[] {
    const views: ContainerView[] = [];
    for (const [role, field] of CONTAINER_GROUPS) {
        const group = known(() => spec[field]);
        if (!group) {
            views.push(unknownView(role, () => spec[field]));
            continue;
        }
        const items = Array.isArray(group.value) ? group.value : [];
        for (let index = 0; index < items.length; index++) {
            const item = known(() => items[index]);
            if (!item) {
                views.push(unknownView(role, () => items[index]));
                continue;
            }
            const container = record(item.value);
            if (!container) {
                continue;
            }
            let securityContext: Props | undefined;
            views.push({
                role, name: knownOr(() => text(container.name), undefined) ?? `#${index}`, container,
                get securityContext() {
                    return (securityContext ??= effectiveSecurityContext(container, spec));
                },
            });
        }
    }
    return views;
}

/** A container whose value is unknown during preview: every field reads it again, and throws. */
function unknownView(role: ContainerRole, read: () => unknown): ContainerView {
    const fail = (): never => {
        read();
        throw new Error("a value unknown during preview was read without the SDK's check");
    };
    return {
        role,
        get name() { return fail(); },
        get container() { return fail(); },
        get securityContext() { return fail(); },
    };
}

/**
 * "Deployment 'web'" from the resource's kind and metadata name, else its Pulumi name, which also
 * stands in for a metadata name unknown during preview: a message never depends on an unknown value.
 */
export function describeWorkload(type: string, name: string, props: Props): string {
    const metadataName = knownOr(() => text(at(props, "metadata", "name")), undefined);
    return `${parseType(type).kind} '${metadataName ?? name}'`;
}

export function describeContainer(view: ContainerView): string {
    return `${view.role} '${view.name}'`;
}

/**
 * True when one of the globs names the workload, as `namespace/name` or as `name` alone (metadata
 * name, else the Pulumi name): the allow-lists of workload policies (node agents and the like).
 * Reads the namespace and name; call it through `unlessWorkloadListed`, which does only when they decide.
 */
export function workloadListed(patterns: readonly string[], name: string, props: Props): boolean {
    const workloadName = text(at(props, "metadata", "name")) ?? name;
    const qualified = `${namespaceOf(props) ?? "default"}/${workloadName}`;
    return patterns.some((pattern) => matchGlob(pattern.includes("/") ? qualified : workloadName, pattern));
}

/**
 * Judges a workload that an `allowedWorkloads` list may exempt: the judgement runs first, and the
 * workload's namespace and name are read only when the list is not empty and the judgement found a
 * violation (or a value unknown during preview), so an unknown name hides no violation of a workload
 * the list cannot exempt.
 */
export function unlessWorkloadListed(
    patterns: readonly string[],
    resource: { name: string; props: Props },
    report: (message: string) => void,
    judge: (report: (message: string) => void) => void,
): void {
    unlessListed(patterns, () => workloadListed(patterns, resource.name, resource.props), report, judge);
}

/**
 * Judges each container of a workload with where it is ("container 'app' of Deployment 'web'"),
 * each on its own (policies/lib/unknowns.ts judgeEach): a container whose values are unknown during
 * preview hides no violation of another. Visits nothing when the resource sets no pod spec.
 */
export function eachContainer(
    resource: { type: string; name: string; props: Props },
    report: (message: string) => void,
    visit: (view: ContainerView, where: string, report: (message: string) => void) => void,
): void {
    const { type, name, props } = resource;
    const spec = podSpec(type, props);
    if (!spec) {
        return;
    }
    const workload = describeWorkload(type, name, props);
    judgeEach(containers(spec), report, (view, report) => visit(view, `${describeContainer(view)} of ${workload}`, report));
}

/** The `allowedWorkloads` config property of a workload policy: globs, none by default. */
export function allowedWorkloadsSetting(description: string) {
    return { type: "array", items: { type: "string" }, default: [], description } as const satisfies ConfigProperty;
}

export function namespaceOf(props: Props): string | undefined {
    return text(at(props, "metadata", "namespace"));
}

export function labelsOf(props: Props): Props {
    const labels = at(props, "metadata", "labels");
    return isRecord(labels) ? labels : {};
}

// ---- Cluster-level helpers: object identity, label selectors, autoscaler targets ----

/** Type tokens of one kind at the given API versions, `*Patch` variants included unless told otherwise. */
export function kindTypes(kind: string, apiVersions: readonly string[], patches = true): string[] {
    return apiVersions.flatMap((version) => patches
        ? [`kubernetes:${version}:${kind}`, `kubernetes:${version}:${kind}Patch`]
        : [`kubernetes:${version}:${kind}`]);
}

export const HPA_TYPES: readonly string[] = kindTypes("HorizontalPodAutoscaler", ["autoscaling/v1", "autoscaling/v2", "autoscaling/v2beta1", "autoscaling/v2beta2"]);

/** True for a `kubernetes:` type token of the given kind (`*Patch` variants excluded). */
export function isKind(type: string, kind: string): boolean {
    if (!type.startsWith("kubernetes:")) {
        return false;
    }
    const parsed = parseType(type);
    return !parsed.patch && parsed.kind === kind;
}

/** The namespace a namespaced object lands in: Kubernetes puts it in "default" when omitted. */
export function namespaceOrDefault(props: Props): string {
    return namespaceOf(props) ?? "default";
}

/** The labels of the pods a workload creates (its pod template's, or a Pod's own). */
export function podLabels(type: string, props: Props): Props {
    const path = POD_SPEC_PATHS[parseType(type).kind];
    if (!path) {
        return {};
    }
    const labels = at(props, ...path.slice(0, -1), "metadata", "labels");
    return isRecord(labels) ? labels : {};
}

/**
 * Whether a LabelSelector (matchLabels and matchExpressions) selects the given labels, as the API
 * server evaluates it. An empty selector selects everything; a missing one is the caller's call.
 */
export function selectorMatches(selector: Props, labels: Props): boolean {
    const matchLabels = record(selector.matchLabels) ?? {};
    for (const [key, value] of Object.entries(matchLabels)) {
        if (labels[key] !== value) {
            return false;
        }
    }
    for (const expression of records(selector.matchExpressions)) {
        const key = text(expression.key) ?? "";
        const values = Array.isArray(expression.values) ? expression.values : [];
        const present = Object.prototype.hasOwnProperty.call(labels, key);
        switch (expression.operator) {
            case "In":
                if (!present || !values.includes(labels[key])) return false;
                break;
            case "NotIn":
                if (present && values.includes(labels[key])) return false;
                break;
            case "Exists":
                if (!present) return false;
                break;
            case "DoesNotExist":
                if (present) return false;
                break;
            default:
                return false; // an unknown operator is rejected by the API server; it selects nothing
        }
    }
    return true;
}

/** What a HorizontalPodAutoscaler scales: kind and name from scaleTargetRef, in the HPA's own namespace. */
export interface ScaleTarget {
    kind: string;
    name: string;
    namespace: string;
}

export function scaleTargetOf(props: Props): ScaleTarget | undefined {
    const ref = record(at(props, "spec", "scaleTargetRef"));
    const kind = text(ref?.kind);
    const name = text(ref?.name);
    return kind && name ? { kind, name, namespace: namespaceOrDefault(props) } : undefined;
}

/** A resource as stack policies see it; structural, so this module does not load @pulumi/policy. */
export interface KubernetesObject {
    type: string;
    name: string;
    urn: string;
    props: Props;
}

/** The HorizontalPodAutoscalers (not Patches) whose scaleTargetRef names the workload. */
export function autoscalersOf<T extends KubernetesObject>(resources: readonly T[], workload: KubernetesObject): T[] {
    const kind = parseType(workload.type).kind;
    const name = text(at(workload.props, "metadata", "name"));
    if (!name) {
        return [];
    }
    const namespace = namespaceOrDefault(workload.props);
    return resources.filter((r) => {
        if (!isKind(r.type, "HorizontalPodAutoscaler") || !r.type.startsWith("kubernetes:autoscaling/")) {
            return false;
        }
        const target = scaleTargetOf(r.props);
        return target !== undefined && target.kind === kind && target.name === name && target.namespace === namespace;
    });
}

// ---- Stack policies: values unknown during preview decide only the verdicts they can change ----

/**
 * Objects with a label selector (NetworkPolicies, budgets), found by one label their matchLabels
 * require, so a pod's candidates are the few that could select it, not every object of its
 * namespace. Objects whose selector has no matchLabels, or is unknown during preview, are
 * candidates for every pod.
 */
export class SelectorIndex<T> {
    private readonly byLabel = new Map<string, T[]>();
    private readonly everyPod: T[] = [];

    add(item: T, readSelector: () => unknown): void {
        const selector = known(readSelector);
        const matchLabels = selector ? record(record(selector.value)?.matchLabels) : undefined;
        const first = matchLabels ? Object.entries(matchLabels)[0] : undefined;
        if (first) {
            addTo(this.byLabel, JSON.stringify(first), item);
        } else {
            this.everyPod.push(item);
        }
    }

    candidates(labels: Props): T[] {
        const found = [...this.everyPod];
        for (const entry of Object.entries(labels)) {
            found.push(...(this.byLabel.get(JSON.stringify(entry)) ?? []));
        }
        return found;
    }
}

/** Adds `value` to the list kept under `key`. */
export function addTo<K, V>(index: Map<K, V[]>, key: K, value: V): void {
    const values = index.get(key);
    if (values) {
        values.push(value);
    } else {
        index.set(key, [value]);
    }
}

/** The labels of the pods a workload or a custom resource with a pod template creates. */
export function templateLabels(type: string, props: Props): Props {
    const path = podSpecPath(type, props);
    const labels = path ? at(props, ...path.slice(0, -1), "metadata", "labels") : undefined;
    return isRecord(labels) ? labels : {};
}

/**
 * Pod templates of a stack by namespace, found by one of their labels, so a selector (a Service's,
 * a NetworkPolicy's, a budget's) finds the templates it selects without scanning every workload.
 * Templates whose namespace or labels are unknown during preview are candidates everywhere; reading
 * them in `selected` throws the unknown value again, which then decides only that verdict.
 */
export class PodTemplateIndex<T extends KubernetesObject> {
    private readonly byLabel = new Map<string, T[]>();
    private readonly byNamespace = new Map<string, T[]>();
    private readonly anywhere: T[] = [];

    constructor(resources: Iterable<T>) {
        for (const resource of resources) {
            if (isPatch(resource.type) || !isPodTemplateType(resource.type, resource.props) || !podSpecPath(resource.type, resource.props)) {
                continue;
            }
            const placed = known(() => ({ namespace: namespaceOrDefault(resource.props), labels: Object.entries(templateLabels(resource.type, resource.props)) }));
            if (!placed) {
                this.anywhere.push(resource);
                continue;
            }
            addTo(this.byNamespace, placed.value.namespace, resource);
            for (const entry of placed.value.labels) {
                addTo(this.byLabel, JSON.stringify([placed.value.namespace, ...entry]), resource);
            }
        }
    }

    /** Namespaces where the stack declares a pod template (known during preview), with their templates. */
    namespaces(): IterableIterator<[string, T[]]> {
        return this.byNamespace.entries();
    }

    /** True when some template's namespace or labels are unknown during preview. */
    hasUnplaced(): boolean {
        return this.anywhere.length > 0;
    }

    /** The templates in `namespace` whose labels a selector map (`{app: web}`, a Service's selector) all carry. */
    selectedBy(namespace: string, matchLabels: Props): T[] {
        return this.selected(namespace, { matchLabels });
    }

    /** The templates in `namespace` that a LabelSelector selects (an empty selector selects all of them). */
    selected(namespace: string, selector: Props): T[] {
        const first = Object.entries(record(selector.matchLabels) ?? {})[0];
        const candidates = first
            ? this.byLabel.get(JSON.stringify([namespace, ...first])) ?? []
            : this.byNamespace.get(namespace) ?? [];
        const found = candidates.filter((resource) => selectorMatches(selector, templateLabels(resource.type, resource.props)));
        for (const resource of this.anywhere) {
            if (namespaceOrDefault(resource.props) === namespace && selectorMatches(selector, templateLabels(resource.type, resource.props))) {
                found.push(resource);
            }
        }
        return found;
    }
}

/** The tag and digest of an image reference (`registry:5000/repo/name:tag@sha256:...`); a registry port is not a tag. */
export function parseImage(image: string): { tag?: string; digest?: string } {
    const [withoutDigest, digest] = image.split("@", 2);
    const lastSegment = withoutDigest.slice(withoutDigest.lastIndexOf("/") + 1);
    const colon = lastSegment.lastIndexOf(":");
    return { tag: colon >= 0 ? lastSegment.slice(colon + 1) : undefined, digest };
}

/** An IntOrString percentage ("25%") as a number; undefined when the value is not a percentage. */
export function percentage(value: unknown): number | undefined {
    const match = typeof value === "string" ? /^\s*(\d+)%\s*$/.exec(value) : null;
    return match ? Number(match[1]) : undefined;
}
