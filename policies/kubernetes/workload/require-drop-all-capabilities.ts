import { isPatch } from "../../lib/kubernetes";
import { podPolicy } from "../../lib/pod-policy";
import { knownItems, Parts, someItem } from "../../lib/unknowns";
import { describeType, isRecord, record, text } from "../../lib/values";

// Kubernetes accepts capability names with or without the kernel's CAP_ prefix.
function normalise(capability: string): string {
    return capability.trim().toUpperCase().replace(/^CAP_/, "");
}

export default podPolicy({
    name: "kubernetes-workload-require-drop-all-capabilities",
    description: "Every container drops ALL Linux capabilities and adds back only allow-listed ones.",
    priority: "P1",
    severity: "medium",
    checklist: ["003.security.container-security"],
    remediationSteps: "Set securityContext.capabilities.drop: [\"ALL\"] on every container and add back only what the process needs (NET_BIND_SERVICE to listen below port 1024).",
    tags: ["workload-security"],
    config: {
        allowedCapabilities: {
            type: "array",
            items: { type: "string" },
            default: ["NET_BIND_SERVICE"],
            description: "Capabilities a container may add back after dropping ALL. Default [\"NET_BIND_SERVICE\"]: the only one Pod Security Standards restricted allows.",
        },
        requireDropAll: {
            type: "boolean",
            default: true,
            description: "Require capabilities.drop: [\"ALL\"] on every container. Default true: 003 asks for minimal container privileges, and Pod Security Standards restricted requires it; Pod Security Standards baseline only limits what is added (profiles/pss-baseline.json sets false).",
        },
    },
    validateContainer: ({ view, where, pod }, config, report) => {
        const allowed = new Set(config.allowedCapabilities.map(normalise));
        const capabilities = view.securityContext.capabilities;
        if (capabilities !== undefined && !isRecord(capabilities)) {
            report(`${where} sets securityContext.capabilities to ${describeType(capabilities)}, not an object: set capabilities.drop: ["ALL"].`);
            return;
        }
        // What is dropped and what is added are judged apart: a value unknown in one hides no violation of the other.
        const parts = new Parts(report);
        parts.judge(() => {
            const drop = record(capabilities)?.drop;
            if (config.requireDropAll && (drop !== undefined || !isPatch(pod.type))) {
                if (!someItem(drop, (capability) => normalise(text(capability) ?? "") === "ALL")) {
                    parts.report(`${where} does not drop ALL capabilities: set securityContext.capabilities.drop: ["ALL"].`);
                }
            }
        });
        parts.judge(() => {
            const add = record(capabilities)?.add;
            if (add !== undefined && !Array.isArray(add)) {
                parts.report(`${where} sets securityContext.capabilities.add to ${describeType(add)}, not a list: list only allowed capabilities.`);
                return;
            }
            // Capabilities unknown during preview decide only when every known one is allowed.
            const { items, unknown } = knownItems(add);
            const extra = items.map((capability) => text(capability) ?? describeType(capability)).filter((capability) => !allowed.has(normalise(capability)));
            if (extra.length > 0) {
                const permitted = allowed.size > 0 ? `only ${[...allowed].join(", ")}` : "none";
                parts.report(`${where} adds capabilities ${extra.join(", ")}, outside the allowed ones: remove them (allowed: ${permitted}).`);
            } else if (unknown !== undefined) {
                throw unknown;
            }
        });
        parts.settle();
    },
});
