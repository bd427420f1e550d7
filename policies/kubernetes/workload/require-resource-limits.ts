import { resourcePolicy } from "../../lib/define";
import { eachContainer, isPatch, isPodTemplateType, POD_WORKLOAD_TYPES } from "../../lib/kubernetes";
import { Parts } from "../../lib/unknowns";
import { at, describeType, isRecord } from "../../lib/values";

const RESOURCES = ["cpu", "memory"] as const;

export default resourcePolicy({
    name: "kubernetes-workload-require-resource-limits",
    description: "Every container, init containers included, sets CPU and memory limits, and CPU and memory requests.",
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
    },
    resourceTypes: POD_WORKLOAD_TYPES,
    appliesTo: isPodTemplateType,
    validate: ({ type, name, props }, config, report) => {
        const kinds = config.requireRequests ? ["limits", "requests"] as const : ["limits"] as const;
        eachContainer({ type, name, props }, report, (view, where, report) => {
            // Ephemeral (debug) containers cannot declare resources.
            if (view.role === "ephemeral container") {
                return;
            }
            const resources = view.container.resources;
            if (isPatch(type) && resources === undefined) {
                return;
            }
            if (resources !== undefined && !isRecord(resources)) {
                report(`${where} sets resources to ${describeType(resources)}, not an object: set resources.limits and resources.requests for cpu and memory.`);
                return;
            }
            // Each quantity on its own: one unknown during preview hides no other that is missing or malformed.
            const missing: string[] = [];
            const parts = new Parts(report);
            for (const kind of kinds) {
                for (const resource of RESOURCES) {
                    parts.judge(() => {
                        const value = at(resources, kind, resource);
                        if (value === undefined && isPatch(type)) {
                            return;
                        }
                        if (value === undefined) {
                            missing.push(`${kind}.${resource}`);
                        } else if (!(typeof value === "string" && value.trim() !== "") && typeof value !== "number") {
                            parts.report(`${where} sets resources.${kind}.${resource} to ${describeType(value)}, not a quantity: set it to a quantity such as ${resource === "cpu" ? "\"500m\"" : "\"256Mi\""}.`);
                        }
                    });
                }
            }
            if (missing.length > 0) {
                parts.report(`${where} sets no resources.${missing.join(", resources.")}: set ${kinds.join(" and ")} for cpu and memory so the pod is scheduled and capped.`);
            }
            parts.settle();
        });
    },
});
