// Type tokens: which workload kinds carry a pod spec at which API versions, and how a token reads.

/** Where each workload kind keeps its pod spec. Patch types carry partial specs at the same place. */
export const POD_SPEC_PATHS: Record<string, readonly string[]> = {
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
    return kinds.flatMap((kind) => kindTypes(kind, WORKLOAD_VERSIONS[kind] ?? [], patches));
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

export function remember<T>(cache: Map<string, T>, key: string, compute: () => T): T {
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

/** Type tokens of one kind at the given API versions, `*Patch` variants included unless told otherwise. */
export function kindTypes(kind: string, apiVersions: readonly string[], patches = true): string[] {
    return apiVersions.flatMap((version) => patches
        ? [`kubernetes:${version}:${kind}`, `kubernetes:${version}:${kind}Patch`]
        : [`kubernetes:${version}:${kind}`]);
}

/** True for a `kubernetes:` type token of the given kind (`*Patch` variants excluded). */
export function isKind(type: string, kind: string): boolean {
    if (!type.startsWith("kubernetes:")) {
        return false;
    }
    const parsed = parseType(type);
    return !parsed.patch && parsed.kind === kind;
}
