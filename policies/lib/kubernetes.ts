import { minimatch } from "minimatch";
import type { ConfigProperty } from "./define";
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

export function parseType(type: string): { group: string; version: string; kind: string; patch: boolean } {
    const [, apiVersion = "", rawKind = ""] = type.split(":");
    const [group, version] = apiVersion.includes("/") ? apiVersion.split("/") : ["core", apiVersion];
    const patch = rawKind.endsWith("Patch");
    return { group, version, kind: patch ? rawKind.slice(0, -"Patch".length) : rawKind, patch };
}

export function isPatch(type: string): boolean {
    return parseType(type).patch;
}

/** The pod spec of a workload, or undefined when the resource does not set one. */
export function podSpec(type: string, props: Props): Props | undefined {
    const path = POD_SPEC_PATHS[parseType(type).kind];
    return path ? record(at(props, ...path)) : undefined;
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

/** Each container of a pod spec (init and ephemeral ones included) with its effective securityContext. */
export function containers(spec: Props): ContainerView[] {
    const views: ContainerView[] = [];
    const groups: Array<[ContainerRole, unknown]> = [
        ["init container", spec.initContainers],
        ["container", spec.containers],
        ["ephemeral container", spec.ephemeralContainers],
    ];
    for (const [role, group] of groups) {
        records(group).forEach((container, index) => {
            let securityContext: Props | undefined;
            views.push({
                role, name: text(container.name) ?? `#${index}`, container,
                get securityContext() {
                    return (securityContext ??= effectiveSecurityContext(container, spec));
                },
            });
        });
    }
    return views;
}

/** "Deployment 'web'" from the resource's kind and metadata name (or Pulumi name). */
export function describeWorkload(type: string, name: string, props: Props): string {
    const metadataName = text(at(props, "metadata", "name"));
    return `${parseType(type).kind} '${metadataName ?? name}'`;
}

export function describeContainer(view: ContainerView): string {
    return `${view.role} '${view.name}'`;
}

/**
 * True when one of the globs names the workload, as `namespace/name` or as `name` alone (metadata
 * name, else the Pulumi name): the allow-lists of workload policies (node agents and the like).
 */
export function workloadListed(patterns: readonly string[], name: string, props: Props): boolean {
    const workloadName = text(at(props, "metadata", "name")) ?? name;
    const qualified = `${namespaceOf(props) ?? "default"}/${workloadName}`;
    return patterns.some((pattern) => minimatch(pattern.includes("/") ? qualified : workloadName, pattern));
}

/**
 * Visits each container of a workload with where it is ("container 'app' of Deployment 'web'").
 * Visits nothing when the resource sets no pod spec or one of the `allowed` globs lists it
 * (see workloadListed). Reads the props in a fixed order (pod spec, allow-list, name, containers),
 * as a value unknown during preview throws at the first read that meets it.
 */
export function eachContainer(
    resource: { type: string; name: string; props: Props },
    visit: (view: ContainerView, where: string) => void,
    options: { allowed?: readonly string[] } = {},
): void {
    const { type, name, props } = resource;
    const spec = podSpec(type, props);
    if (!spec || (options.allowed !== undefined && workloadListed(options.allowed, name, props))) {
        return;
    }
    const workload = describeWorkload(type, name, props);
    for (const view of containers(spec)) {
        visit(view, `${describeContainer(view)} of ${workload}`);
    }
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
