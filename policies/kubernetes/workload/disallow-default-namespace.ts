import { isPatch, namespaceOf } from "../../lib/kubernetes";
import { podPolicy } from "../../lib/pod-policy";
import { at, describeType } from "../../lib/values";

export default podPolicy({
    name: "kubernetes-workload-disallow-default-namespace",
    description: "Workloads run in their own namespace, not in `default`, so quotas, network policies and RBAC can be scoped to them.",
    priority: "P1",
    severity: "medium",
    checklist: ["003.security.least-privilege"],
    remediationSteps: "Create a namespace for the service and set metadata.namespace on the workload to it.",
    tags: ["secrets-identity"],
    config: {
        disallowedNamespaces: {
            type: "array",
            items: { type: "string" },
            default: ["default"],
            description: "Namespaces workloads must not run in. Default [\"default\"]: 003 asks for least privilege, which needs a namespace of the service's own to scope roles, quotas and network policies.",
        },
    },
    validatePod: ({ type, props, workload }, config, report) => {
        // A patch's namespace names the object it changes; it does not place a workload anywhere.
        if (isPatch(type)) {
            return;
        }
        const raw = at(props, "metadata", "namespace");
        if (raw === undefined) {
            if (config.disallowedNamespaces.includes("default")) {
                // The provider puts it in the kubeconfig context's namespace, "default" unless set.
                report(`${workload} sets no metadata.namespace, so it lands in the default namespace: set metadata.namespace to the service's own namespace.`);
            }
            return;
        }
        const namespace = namespaceOf(props);
        if (namespace === undefined) {
            report(`${workload} sets metadata.namespace to ${describeType(raw)}, not a name: set it to the service's own namespace.`);
        } else if (config.disallowedNamespaces.includes(namespace === "" ? "default" : namespace)) {
            report(`${workload} runs in namespace '${namespace || "default"}': move it to a namespace of its own.`);
        }
    },
});
