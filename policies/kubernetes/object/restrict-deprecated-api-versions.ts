import { resourcePolicy } from "../../lib/define";
import { apiVersionOf, describeWorkload, groupVersionOf, kindTypes, parseType } from "../../lib/kubernetes";

/** One API version of a kind that Kubernetes deprecated, and removed from the given minor release. */
interface Retirement {
    groupVersion: string;
    kinds: readonly string[];
    deprecated: number;
    removed: number;
    /** The apiVersion to use instead; undefined when the API has no successor. */
    replacement?: string;
}

// From the Kubernetes deprecated API migration guide (kubernetes.io/docs/reference/using-api/deprecation-guide/),
// minor versions of 1.x; only kinds the @pulumi/kubernetes provider registers.
const RETIREMENTS: readonly Retirement[] = [
    { groupVersion: "extensions/v1beta1", kinds: ["DaemonSet", "Deployment", "ReplicaSet"], deprecated: 9, removed: 16, replacement: "apps/v1" },
    { groupVersion: "extensions/v1beta1", kinds: ["NetworkPolicy"], deprecated: 9, removed: 16, replacement: "networking.k8s.io/v1" },
    { groupVersion: "extensions/v1beta1", kinds: ["PodSecurityPolicy"], deprecated: 11, removed: 16, replacement: "policy/v1beta1" },
    { groupVersion: "extensions/v1beta1", kinds: ["Ingress"], deprecated: 14, removed: 22, replacement: "networking.k8s.io/v1" },
    { groupVersion: "apps/v1beta1", kinds: ["ControllerRevision", "Deployment", "StatefulSet"], deprecated: 9, removed: 16, replacement: "apps/v1" },
    { groupVersion: "apps/v1beta2", kinds: ["ControllerRevision", "DaemonSet", "Deployment", "ReplicaSet", "StatefulSet"], deprecated: 9, removed: 16, replacement: "apps/v1" },
    { groupVersion: "auditregistration.k8s.io/v1alpha1", kinds: ["AuditSink"], deprecated: 13, removed: 19 },
    { groupVersion: "settings.k8s.io/v1alpha1", kinds: ["PodPreset"], deprecated: 19, removed: 20 },
    { groupVersion: "batch/v2alpha1", kinds: ["CronJob"], deprecated: 8, removed: 21, replacement: "batch/v1" },
    { groupVersion: "admissionregistration.k8s.io/v1beta1", kinds: ["MutatingWebhookConfiguration", "ValidatingWebhookConfiguration"], deprecated: 16, removed: 22, replacement: "admissionregistration.k8s.io/v1" },
    { groupVersion: "apiextensions.k8s.io/v1beta1", kinds: ["CustomResourceDefinition"], deprecated: 16, removed: 22, replacement: "apiextensions.k8s.io/v1" },
    { groupVersion: "apiregistration.k8s.io/v1beta1", kinds: ["APIService"], deprecated: 19, removed: 22, replacement: "apiregistration.k8s.io/v1" },
    { groupVersion: "certificates.k8s.io/v1beta1", kinds: ["CertificateSigningRequest"], deprecated: 19, removed: 22, replacement: "certificates.k8s.io/v1" },
    { groupVersion: "coordination.k8s.io/v1beta1", kinds: ["Lease"], deprecated: 19, removed: 22, replacement: "coordination.k8s.io/v1" },
    { groupVersion: "networking.k8s.io/v1beta1", kinds: ["Ingress", "IngressClass"], deprecated: 19, removed: 22, replacement: "networking.k8s.io/v1" },
    { groupVersion: "rbac.authorization.k8s.io/v1beta1", kinds: ["ClusterRole", "ClusterRoleBinding", "Role", "RoleBinding"], deprecated: 17, removed: 22, replacement: "rbac.authorization.k8s.io/v1" },
    { groupVersion: "rbac.authorization.k8s.io/v1alpha1", kinds: ["ClusterRole", "ClusterRoleBinding", "Role", "RoleBinding"], deprecated: 17, removed: 22, replacement: "rbac.authorization.k8s.io/v1" },
    { groupVersion: "scheduling.k8s.io/v1beta1", kinds: ["PriorityClass"], deprecated: 14, removed: 22, replacement: "scheduling.k8s.io/v1" },
    { groupVersion: "scheduling.k8s.io/v1alpha1", kinds: ["PriorityClass"], deprecated: 14, removed: 22, replacement: "scheduling.k8s.io/v1" },
    { groupVersion: "storage.k8s.io/v1beta1", kinds: ["CSIDriver", "CSINode", "StorageClass", "VolumeAttachment"], deprecated: 19, removed: 22, replacement: "storage.k8s.io/v1" },
    { groupVersion: "node.k8s.io/v1alpha1", kinds: ["RuntimeClass"], deprecated: 14, removed: 22, replacement: "node.k8s.io/v1" },
    { groupVersion: "batch/v1beta1", kinds: ["CronJob"], deprecated: 21, removed: 25, replacement: "batch/v1" },
    { groupVersion: "discovery.k8s.io/v1beta1", kinds: ["EndpointSlice"], deprecated: 21, removed: 25, replacement: "discovery.k8s.io/v1" },
    { groupVersion: "events.k8s.io/v1beta1", kinds: ["Event"], deprecated: 19, removed: 25, replacement: "events.k8s.io/v1" },
    { groupVersion: "autoscaling/v2beta1", kinds: ["HorizontalPodAutoscaler"], deprecated: 22, removed: 25, replacement: "autoscaling/v2" },
    { groupVersion: "policy/v1beta1", kinds: ["PodDisruptionBudget"], deprecated: 21, removed: 25, replacement: "policy/v1" },
    { groupVersion: "policy/v1beta1", kinds: ["PodSecurityPolicy"], deprecated: 21, removed: 25 },
    { groupVersion: "node.k8s.io/v1beta1", kinds: ["RuntimeClass"], deprecated: 20, removed: 25, replacement: "node.k8s.io/v1" },
    { groupVersion: "autoscaling/v2beta2", kinds: ["HorizontalPodAutoscaler"], deprecated: 23, removed: 26, replacement: "autoscaling/v2" },
    { groupVersion: "flowcontrol.apiserver.k8s.io/v1beta1", kinds: ["FlowSchema", "PriorityLevelConfiguration"], deprecated: 23, removed: 26, replacement: "flowcontrol.apiserver.k8s.io/v1" },
    { groupVersion: "storage.k8s.io/v1beta1", kinds: ["CSIStorageCapacity"], deprecated: 24, removed: 27, replacement: "storage.k8s.io/v1" },
    { groupVersion: "flowcontrol.apiserver.k8s.io/v1beta2", kinds: ["FlowSchema", "PriorityLevelConfiguration"], deprecated: 26, removed: 29, replacement: "flowcontrol.apiserver.k8s.io/v1" },
    { groupVersion: "flowcontrol.apiserver.k8s.io/v1beta3", kinds: ["FlowSchema", "PriorityLevelConfiguration"], deprecated: 29, removed: 32, replacement: "flowcontrol.apiserver.k8s.io/v1" },
];

const BY_TYPE = new Map<string, Retirement>();
for (const retirement of RETIREMENTS) {
    for (const kind of retirement.kinds) {
        BY_TYPE.set(`${retirement.groupVersion}:${kind}`, retirement);
    }
}

/** "1.29" → 29; undefined for anything but a 1.x minor version. */
function minorOf(version: string): number | undefined {
    const match = /^v?1\.(\d+)$/.exec(version.trim());
    return match ? Number(match[1]) : undefined;
}

export default resourcePolicy({
    name: "kubernetes-object-restrict-deprecated-api-versions",
    description: "Objects use API versions the target Kubernetes release still serves and has not deprecated (no extensions/v1beta1 Ingress, policy/v1beta1 PodDisruptionBudget, batch/v1beta1 CronJob, autoscaling/v2beta2 HorizontalPodAutoscaler, ...).",
    priority: "P1",
    severity: "high",
    checklist: ["004.rollback-preparation.previous-version-available"],
    remediationSteps: "Move the object to the API version the message names (e.g. networking.k8s.io/v1 Ingress, policy/v1 PodDisruptionBudget, batch/v1 CronJob, autoscaling/v2 HorizontalPodAutoscaler), adapting the fields the new version renamed.",
    tags: ["deployment"],
    config: {
        targetVersion: {
            type: "string",
            pattern: "^v?1\\.\\d+$",
            default: "1.33",
            description: "The Kubernetes minor version the objects must apply to (e.g. 1.30). Default 1.33, a release in upstream support: an object of a removed API version cannot be applied, so neither a release nor a rollback (004) of these manifests would deploy.",
        },
        reportDeprecated: {
            type: "boolean",
            default: true,
            description: "Also report versions the target release still serves but has deprecated. Default true: they are removed in a later release, and upgrading the cluster then breaks the deployment and its rollback (004).",
        },
    },
    resourceTypes: RETIREMENTS.flatMap((r) => r.kinds.flatMap((kind) => kindTypes(kind, [r.groupVersion]))),
    validate: ({ type, name, props }, config, report) => {
        const gv = groupVersionOf(type);
        const kind = parseType(type).kind;
        const retirement = gv ? BY_TYPE.get(`${gv.groupVersion}:${kind}`) : undefined;
        const target = minorOf(config.targetVersion);
        if (!retirement || target === undefined) {
            return;
        }
        const where = `${describeWorkload(type, name, props)} (apiVersion ${apiVersionOf(retirement.groupVersion)})`;
        const instead = retirement.replacement ? `move it to apiVersion ${retirement.replacement}` : "remove it: the API has no successor";
        if (target >= retirement.removed) {
            report(`${where} uses an API version Kubernetes removed in 1.${retirement.removed}, so Kubernetes ${config.targetVersion} rejects it: ${instead}.`);
        } else if (config.reportDeprecated && target >= retirement.deprecated) {
            report(`${where} uses an API version deprecated since Kubernetes 1.${retirement.deprecated} and removed in 1.${retirement.removed}: ${instead}.`);
        }
    },
});
