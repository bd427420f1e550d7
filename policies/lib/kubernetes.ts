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

/** Each container of a pod spec (init and ephemeral ones included) with its effective securityContext. */
export function containers(spec: Props): ContainerView[] {
    const podSecurity = record(spec.securityContext) ?? {};
    const views: ContainerView[] = [];
    const groups: Array<[ContainerRole, unknown]> = [
        ["init container", spec.initContainers],
        ["container", spec.containers],
        ["ephemeral container", spec.ephemeralContainers],
    ];
    for (const [role, group] of groups) {
        records(group).forEach((container, index) => {
            const own = record(container.securityContext) ?? {};
            const effective: Props = { ...own };
            for (const field of INHERITED_SECURITY_FIELDS) {
                if (effective[field] === undefined && podSecurity[field] !== undefined) {
                    effective[field] = podSecurity[field];
                }
            }
            views.push({ role, name: text(container.name) ?? `#${index}`, container, securityContext: effective });
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

export function namespaceOf(props: Props): string | undefined {
    return text(at(props, "metadata", "namespace"));
}

export function labelsOf(props: Props): Props {
    const labels = at(props, "metadata", "labels");
    return isRecord(labels) ? labels : {};
}
