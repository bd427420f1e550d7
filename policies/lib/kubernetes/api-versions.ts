// Which kinds the API server serves at which group/version, and which types are API objects at all.
import { parseType, remember } from "./types";

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

// Cached as parsed types are (types.ts): a stack holds few distinct types.
const groupVersions = new Map<string, GroupVersion | undefined>();

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
