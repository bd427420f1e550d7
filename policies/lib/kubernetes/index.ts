// What a Kubernetes policy uses, one import away: `../../lib/kubernetes`. Each name lives in the file
// of its section; module-private tables (POD_SPEC_PATHS, the type caches) stay behind this index.
export { allowedWorkloadsSetting, unlessWorkloadListed, workloadListed } from "./allow-list";
export { apiVersionOf, groupVersionOf, isBuiltInType, isCustomResourceType, SERVED_KINDS, unservedKind } from "./api-versions";
export type { GroupVersion } from "./api-versions";
export { AutoscalerIndex, autoscalersOf, HPA_TYPES, isAutoscalerType, minReplicasOf, scaleTargetOf } from "./autoscalers";
export type { ScaleTarget } from "./autoscalers";
export { containers, describeContainer, eachContainer, PROBE_HANDLERS } from "./containers";
export type { ContainerRole, ContainerView, ProbeHandler } from "./containers";
export { parseImage, percentage } from "./formats";
export { describeWorkload, labelsOf, namespaceOf, namespaceOrDefault } from "./objects";
export type { KubernetesObject } from "./objects";
export { isLongRunningType, isObjectType, isPodTemplateType, isReplicatedType, podLabels, podSpec, podSpecPath, runsToCompletion, templateLabels } from "./pods";
export { addTo, PodTemplateIndex, SelectorIndex, selectorMatches } from "./selectors";
export { isKind, isPatch, kindTypes, LONG_RUNNING_WORKLOAD_TYPES, parseType, POD_WORKLOAD_TYPES, REPLICATED_WORKLOAD_TYPES } from "./types";
export type { ParsedType, WorkloadKind } from "./types";
