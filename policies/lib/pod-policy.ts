// The builder of pod policies: which workloads carry a pod spec (every kind and API version, custom
// resources matched by the shape of their pod template), the optional `allowedWorkloads` list, and
// the walk over containers, so a pod policy writes only its judgement.
import { ConfigOf, PolicyMetadata, ProdreadyResourcePolicy, Report, resourcePolicy, Settings, Subject } from "./define";
import {
    allowedWorkloadsSetting, ContainerView, describeWorkload, eachContainer, isLongRunningType, isPodTemplateType, isReplicatedType,
    LONG_RUNNING_WORKLOAD_TYPES, podSpec, POD_WORKLOAD_TYPES, REPLICATED_WORKLOAD_TYPES, unlessWorkloadListed,
} from "./kubernetes";
import { Parts } from "./unknowns";
import type { Props } from "./values";

/** Which workloads a pod policy judges; custom resources with a pod template are judged in each. */
export type PodWorkloads = "pods" | "long-running" | "replicated";

const SCOPES: Readonly<Record<PodWorkloads, { types: readonly string[]; appliesTo: (type: string, props: Props) => boolean }>> = {
    "pods": { types: POD_WORKLOAD_TYPES, appliesTo: isPodTemplateType },
    // Long-running: not Jobs and CronJobs. A policy that also skips custom run-to-completion kinds says so (runsToCompletion).
    "long-running": { types: LONG_RUNNING_WORKLOAD_TYPES, appliesTo: isLongRunningType },
    "replicated": { types: REPLICATED_WORKLOAD_TYPES, appliesTo: isReplicatedType },
};

/** A workload that sets a pod spec, as a pod policy sees it. */
export interface Pod extends Subject {
    /** The pod spec (a Pod's spec, a template's spec, a custom resource's template). */
    spec: Props;
    /** "Deployment 'web'": never reads a value unknown during preview. */
    workload: string;
}

/** A container of a pod, with where it is ("container 'app' of Deployment 'web'"). */
export interface PodContainer {
    view: ContainerView;
    where: string;
    pod: Pod;
}

export interface PodPolicySpec<S extends Settings> extends PolicyMetadata {
    config?: S;
    /** Default "pods": every workload kind that carries a pod spec. */
    workloads?: PodWorkloads;
    /**
     * Set for a policy an `allowedWorkloads` list may exempt (node agents and the like): the
     * setting's description. The setting is added to `config`, and the list is read only when the
     * judgement finds a violation (policies/lib/kubernetes/allow-list.ts).
     */
    allowedWorkloads?: string;
    /** Judges the pod as a whole; called only when the workload sets a pod spec. */
    validatePod?: (pod: Pod, config: ConfigOf<S>, report: Report) => void;
    /** Judges each container (init and ephemeral ones included), each on its own. */
    validateContainer?: (container: PodContainer, config: ConfigOf<S>, report: Report) => void;
}

/**
 * A policy judging the pod spec of every workload in its scope. With both `validatePod` and
 * `validateContainer`, the pod and its containers are judged apart: a value unknown during preview
 * in one hides no violation of the other.
 */
export function podPolicy<const S extends Settings = Record<string, never>>(spec: PodPolicySpec<S>): ProdreadyResourcePolicy {
    const { workloads = "pods", allowedWorkloads, validatePod, validateContainer, config, ...metadata } = spec;
    const scope = SCOPES[workloads];
    const settings: Settings = allowedWorkloads === undefined ? config ?? {} : { ...config, allowedWorkloads: allowedWorkloadsSetting(allowedWorkloads) };
    const judge = (subject: Subject, config: ConfigOf<S>, report: Report) => {
        const podSpecOf = podSpec(subject.type, subject.props);
        if (!podSpecOf) {
            return;
        }
        const pod: Pod = { ...subject, spec: podSpecOf, workload: describeWorkload(subject.type, subject.name, subject.props) };
        const judgements: ((report: Report) => void)[] = [];
        if (validatePod) {
            judgements.push((report) => validatePod(pod, config, report));
        }
        if (validateContainer) {
            judgements.push((report) => eachContainer(subject, report, (view, where, report) => validateContainer({ view, where, pod }, config, report)));
        }
        if (judgements.length === 1) {
            judgements[0](report);
            return;
        }
        const parts = new Parts(report);
        judgements.forEach((judgement) => parts.judge(() => judgement(parts.report)));
        parts.settle();
    };
    return resourcePolicy({
        ...metadata,
        config: settings,
        resourceTypes: scope.types,
        appliesTo: scope.appliesTo,
        validate: (subject, config, report) => {
            const typed = config as unknown as ConfigOf<S>;
            if (allowedWorkloads === undefined) {
                judge(subject, typed, report);
            } else {
                unlessWorkloadListed(config.allowedWorkloads as readonly string[], subject, report, (report) => judge(subject, typed, report));
            }
        },
    });
}
