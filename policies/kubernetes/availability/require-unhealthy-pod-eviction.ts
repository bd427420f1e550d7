import { resourcePolicy } from "../../lib/define";
import { describeWorkload, kindTypes } from "../../lib/kubernetes";
import { at, describeType, text } from "../../lib/values";

export default resourcePolicy({
    name: "kubernetes-availability-require-unhealthy-pod-eviction",
    description: "PodDisruptionBudgets let pods that are not ready be evicted (unhealthyPodEvictionPolicy: AlwaysAllow), so a crash-looping pod does not block node drains.",
    priority: "P2",
    severity: "low",
    checklist: ["002.infrastructure-setup.auto-scaling", "003.performance.auto-scaling"],
    remediationSteps: "Set spec.unhealthyPodEvictionPolicy: AlwaysAllow on the PodDisruptionBudget.",
    tags: ["availability"],
    config: {
        allowedPolicies: {
            type: "array",
            items: { type: "string", enum: ["AlwaysAllow", "IfHealthyBudget"] },
            default: ["AlwaysAllow"],
            description: "Accepted values of unhealthyPodEvictionPolicy. Default AlwaysAllow, which the Kubernetes documentation recommends: with IfHealthyBudget (the default when omitted) a budget with unready pods blocks drains, stalling the node scale-down that the auto-scaling of 002 and 003 relies on.",
        },
    },
    resourceTypes: kindTypes("PodDisruptionBudget", ["policy/v1"]),
    validate: ({ type, name, props }, config, report) => {
        const raw = at(props, "spec", "unhealthyPodEvictionPolicy");
        const allowed: readonly string[] = config.allowedPolicies;
        const where = describeWorkload(type, name, props);
        if (raw === undefined) {
            if (!type.endsWith("Patch") && !allowed.includes("IfHealthyBudget")) {
                report(`${where} omits spec.unhealthyPodEvictionPolicy, so Kubernetes uses IfHealthyBudget and unready pods block drains: set it to ${allowed.join(" or ")}.`);
            }
            return;
        }
        const value = text(raw);
        if (value === undefined) {
            report(`${where} sets spec.unhealthyPodEvictionPolicy to ${describeType(raw)}, not a string: set it to ${allowed.join(" or ")}.`);
        } else if (!allowed.includes(value)) {
            report(`${where} sets spec.unhealthyPodEvictionPolicy to ${value}: set it to ${allowed.join(" or ")}.`);
        }
    },
});
