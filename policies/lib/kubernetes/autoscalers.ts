// HorizontalPodAutoscalers and the workloads they scale.
import { KubernetesObject, namespaceOrDefault } from "./objects";
import { addTo } from "./selectors";
import { isKind, kindTypes, parseType } from "./types";
import { anyPasses, known } from "../unknowns";
import { at, integer, Props, record, text } from "../values";

export const HPA_TYPES: readonly string[] = kindTypes("HorizontalPodAutoscaler", ["autoscaling/v1", "autoscaling/v2", "autoscaling/v2beta1", "autoscaling/v2beta2"]);

/** True for a HorizontalPodAutoscaler of the autoscaling group; a Patch of one scales nothing of its own. */
export function isAutoscalerType(type: string): boolean {
    return isKind(type, "HorizontalPodAutoscaler") && type.startsWith("kubernetes:autoscaling/");
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

/** An autoscaler's floor: minReplicas, which the API defaults to 1; a malformed one raises nothing. */
export function minReplicasOf(hpa: KubernetesObject): number {
    const min = at(hpa.props, "spec", "minReplicas");
    return min === undefined ? 1 : integer(min) ?? 0;
}

const keyOf = (target: ScaleTarget) => `${target.namespace}/${target.kind}/${target.name}`;

/**
 * A stack's HorizontalPodAutoscalers by the namespace/kind/name they scale, built once per
 * validation so that each workload finds its own in one lookup. One whose target (or namespace) is
 * unknown during preview may scale any workload: it decides only where the known ones do not.
 */
export class AutoscalerIndex<T extends KubernetesObject> {
    private readonly byTarget = new Map<string, T[]>();
    private readonly targetUnknown: T[] = [];

    /** `targetKinds`: keep only the autoscalers known to scale these kinds of workload (default: every kind). */
    constructor(private readonly targetKinds?: readonly string[]) {}

    /** Adds a HorizontalPodAutoscaler (see `isAutoscalerType`). */
    add(hpa: T): void {
        const target = known(() => scaleTargetOf(hpa.props));
        if (!target) {
            this.targetUnknown.push(hpa);
        } else if (target.value && (!this.targetKinds || this.targetKinds.includes(target.value.kind))) {
            addTo(this.byTarget, keyOf(target.value), hpa);
        }
    }

    /** True when no autoscaler may scale any workload. */
    get isEmpty(): boolean {
        return this.byTarget.size === 0 && this.targetUnknown.length === 0;
    }

    /** True when some autoscaler's target is known, also during preview. */
    get hasKnownTargets(): boolean {
        return this.byTarget.size > 0;
    }

    /**
     * The target an autoscaler names to scale the workload: its kind, metadata.name and namespace.
     * Undefined for a generated name, which no autoscaler can name. The name and namespace only find
     * the autoscalers: with none in the stack they decide nothing and are not read.
     */
    targetOf(workload: KubernetesObject): ScaleTarget | undefined {
        if (this.isEmpty) {
            return undefined;
        }
        const name = text(at(workload.props, "metadata", "name"));
        return name === undefined ? undefined : { kind: parseType(workload.type).kind, name, namespace: namespaceOrDefault(workload.props) };
    }

    /** The autoscalers known to scale the target. */
    scaling(target: ScaleTarget): T[] {
        return this.byTarget.get(keyOf(target)) ?? [];
    }

    /**
     * Whether an autoscaler that scales the target passes `test` (by default, whether any scales it).
     * The known ones decide first: one whose target is unknown during preview throws only when none passes.
     */
    anyScaling(target: ScaleTarget, test: (hpa: T) => boolean = () => true): boolean {
        const key = keyOf(target);
        return anyPasses([...this.scaling(target), ...this.targetUnknown], (hpa) => {
            const scaled = scaleTargetOf(hpa.props);
            return scaled !== undefined && keyOf(scaled) === key && test(hpa);
        });
    }
}

/**
 * The HorizontalPodAutoscalers (not Patches) whose scaleTargetRef names the workload. A scan of the
 * stack for one workload; a policy that asks for every workload builds an AutoscalerIndex once.
 */
export function autoscalersOf<T extends KubernetesObject>(resources: readonly T[], workload: KubernetesObject): T[] {
    const kind = parseType(workload.type).kind;
    const name = text(at(workload.props, "metadata", "name"));
    if (!name) {
        return [];
    }
    const namespace = namespaceOrDefault(workload.props);
    return resources.filter((r) => {
        if (!isAutoscalerType(r.type)) {
            return false;
        }
        const target = scaleTargetOf(r.props);
        return target !== undefined && target.kind === kind && target.name === name && target.namespace === namespace;
    });
}
