// HorizontalPodAutoscalers and the workloads they scale.
import { KubernetesObject, namespaceOrDefault } from "./objects";
import { isKind, kindTypes, parseType } from "./types";
import { at, Props, record, text } from "../values";

export const HPA_TYPES: readonly string[] = kindTypes("HorizontalPodAutoscaler", ["autoscaling/v1", "autoscaling/v2", "autoscaling/v2beta1", "autoscaling/v2beta2"]);

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
