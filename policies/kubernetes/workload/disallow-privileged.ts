import { resourcePolicy } from "../../lib/define";
import { allowedWorkloadsSetting, eachContainer, isPodTemplateType, POD_WORKLOAD_TYPES, unlessWorkloadListed } from "../../lib/kubernetes";
import { bool, describeType } from "../../lib/values";

export default resourcePolicy({
    name: "kubernetes-workload-disallow-privileged",
    description: "No container runs privileged: a privileged container has every capability and the host's devices.",
    priority: "P0",
    severity: "critical",
    checklist: ["003.security.container-security"],
    remediationSteps: "Remove securityContext.privileged or set it to false on every container; grant only the capability the process needs.",
    tags: ["workload-security"],
    config: {
        allowedWorkloads: allowedWorkloadsSetting("Workloads allowed to run privileged containers, as globs on `namespace/name` or `name` (node agents such as a CNI DaemonSet). Default none: Pod Security Standards baseline forbids privileged containers."),
    },
    resourceTypes: POD_WORKLOAD_TYPES,
    appliesTo: isPodTemplateType,
    validate: (resource, config, report) => {
        unlessWorkloadListed(config.allowedWorkloads, resource, report, (report) => eachContainer(resource, report, (view, where, report) => {
            const privileged = view.securityContext.privileged;
            if (privileged === undefined) {
                return; // Kubernetes defaults to unprivileged
            }
            const value = bool(privileged);
            if (value === undefined) {
                report(`${where} sets securityContext.privileged to ${describeType(privileged)}, not a boolean: set it to false.`);
            } else if (value) {
                report(`${where} runs privileged (securityContext.privileged: true): set it to false and add only the capability the process needs.`);
            }
        }));
    },
});
