import { isPatch } from "../../lib/kubernetes";
import { podPolicy } from "../../lib/pod-policy";
import { Parts } from "../../lib/unknowns";
import { at, describeType, isRecord } from "../../lib/values";

type Kind = "limits" | "requests";
type Resource = "cpu" | "memory" | "ephemeral-storage";

const EXAMPLES: Record<Resource, string> = { "cpu": "\"500m\"", "memory": "\"256Mi\"", "ephemeral-storage": "\"1Gi\"" };

/** "cpu", "cpu and memory", "cpu, memory and ephemeral-storage". */
function words(items: readonly string[]): string {
    return items.length <= 1 ? items.join("") : `${items.slice(0, -1).join(", ")} and ${items[items.length - 1]}`;
}

/** "limits and requests for cpu and memory", or per kind when they differ: "limits for memory and requests for cpu and memory". */
function describeRequired(required: ReadonlyArray<readonly [Kind, readonly Resource[]]>): string {
    const named = required.map(([kind, resources]) => [kind, words(resources)] as const);
    return named.every(([, resources]) => resources === named[0][1])
        ? `${named.map(([kind]) => kind).join(" and ")} for ${named[0][1]}`
        : named.map(([kind, resources]) => `${kind} for ${resources}`).join(" and ");
}

export default podPolicy({
    name: "kubernetes-workload-require-resource-limits",
    description: "Every container, init containers included, sets CPU and memory limits, and CPU and memory requests; settings leave out CPU limits or add ephemeral-storage.",
    priority: "P0",
    severity: "high",
    checklist: ["001.deployment.resource-limits", "003.performance.resource-limits"],
    remediationSteps: "Set resources.limits.cpu and resources.limits.memory, and resources.requests.cpu and resources.requests.memory, on every container and init container.",
    tags: ["workload-security"],
    config: {
        requireRequests: {
            type: "boolean",
            default: true,
            description: "Also require CPU and memory requests. Default true: 001 and 003 ask for CPU and memory set appropriately, and the scheduler and autoscaler size pods by their requests.",
        },
        requireCpuLimits: {
            type: "boolean",
            default: true,
            description: "Require a CPU limit. Default true: 001 and 003 ask for CPU and memory limits. Set false where the platform deliberately runs without CPU limits (a limit throttles a pod even on an idle node); CPU requests are still required with requireRequests.",
        },
        requireEphemeralStorage: {
            type: "boolean",
            default: false,
            description: "Also require ephemeral-storage limits (and requests, with requireRequests), so a container filling its node's disk is evicted alone instead of the node evicting others. Default false: the checklists ask for CPU and memory, and monitor disk space (003) rather than cap it; an opt-in for clusters short of node disk.",
        },
    },
    validateContainer: ({ view, where, pod }, config, report) => {
        const limits: Resource[] = [...(config.requireCpuLimits ? ["cpu" as const] : []), "memory", ...(config.requireEphemeralStorage ? ["ephemeral-storage" as const] : [])];
        const requests: Resource[] = ["cpu", "memory", ...(config.requireEphemeralStorage ? ["ephemeral-storage" as const] : [])];
        const required: Array<readonly [Kind, readonly Resource[]]> = [["limits", limits], ...(config.requireRequests ? [["requests", requests] as const] : [])];
        const fix = describeRequired(required);
        // Ephemeral (debug) containers cannot declare resources.
        if (view.role === "ephemeral container") {
            return;
        }
        const resources = view.container.resources;
        if (isPatch(pod.type) && resources === undefined) {
            return;
        }
        if (resources !== undefined && !isRecord(resources)) {
            report(`${where} sets resources to ${describeType(resources)}, not an object: set resources ${fix}.`);
            return;
        }
        // Each quantity on its own: one unknown during preview hides no other that is missing or malformed.
        const missing: string[] = [];
        const parts = new Parts(report);
        for (const [kind, names] of required) {
            for (const resource of names) {
                parts.judge(() => {
                    const value = at(resources, kind, resource);
                    if (value === undefined && isPatch(pod.type)) {
                        return;
                    }
                    if (value === undefined) {
                        missing.push(`${kind}.${resource}`);
                    } else if (!(typeof value === "string" && value.trim() !== "") && typeof value !== "number") {
                        parts.report(`${where} sets resources.${kind}.${resource} to ${describeType(value)}, not a quantity: set it to a quantity such as ${EXAMPLES[resource]}.`);
                    }
                });
            }
        }
        if (missing.length > 0) {
            parts.report(`${where} sets no resources.${missing.join(", resources.")}: set ${fix} so the pod is scheduled and capped.`);
        }
        parts.settle();
    },
});
