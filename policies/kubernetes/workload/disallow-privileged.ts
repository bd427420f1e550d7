import { podPolicy } from "../../lib/pod-policy";
import { bool, describeType } from "../../lib/values";

export default podPolicy({
    name: "kubernetes-workload-disallow-privileged",
    description: "No container runs privileged: a privileged container has every capability and the host's devices.",
    priority: "P0",
    severity: "critical",
    checklist: ["003.security.container-security"],
    remediationSteps: "Remove securityContext.privileged or set it to false on every container; grant only the capability the process needs.",
    tags: ["workload-security"],
    allowedWorkloads: "Workloads allowed to run privileged containers, as globs on `namespace/name` or `name` (node agents such as a CNI DaemonSet). Default none: Pod Security Standards baseline forbids privileged containers.",
    validateContainer: ({ view, where }, _config, report) => {
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
    },
});
