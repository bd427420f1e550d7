// Which types carry a pod template (built-in workloads and custom resources), and where it is.
import { groupVersionOf, isBuiltInType, isCustomResourceType } from "./api-versions";
import { LONG_RUNNING_WORKLOAD_TYPES, parseType, POD_SPEC_PATHS, POD_WORKLOAD_TYPES, REPLICATED_WORKLOAD_TYPES } from "./types";
import { at, isRecord, Props, record } from "../values";

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

/** True for a Kubernetes API object's type (built-in or custom), not a provider component. */
export function isObjectType(type: string, props?: Props): boolean {
    return isBuiltInType(type) || (isCustomResourceType(type) && carriesPodTemplate(type, props));
}

/** A custom resource is a workload when it carries a pod template; without its properties, it may be one. */
function carriesPodTemplate(type: string, props: Props | undefined): boolean {
    return props === undefined || podSpecPath(type, props) !== undefined;
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

/** The labels of the pods a workload or a custom resource with a pod template creates. */
export function templateLabels(type: string, props: Props): Props {
    const path = podSpecPath(type, props);
    const labels = path ? at(props, ...path.slice(0, -1), "metadata", "labels") : undefined;
    return isRecord(labels) ? labels : {};
}
