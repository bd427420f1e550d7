import { requireSwitch } from "../../lib/checks";
import { podPolicy } from "../../lib/pod-policy";

export default podPolicy({
    name: "kubernetes-workload-disallow-privileged",
    description: "No container runs privileged: a privileged container has every capability and the host's devices.",
    priority: "P0",
    severity: "critical",
    checklist: ["003.security.container-security"],
    remediationSteps: "Remove securityContext.privileged or set it to false on every container; grant only the capability the process needs.",
    tags: ["workload-security"],
    allowedWorkloads: "Workloads allowed to run privileged containers, as globs on `namespace/name` or `name` (node agents such as a CNI DaemonSet). Default none: Pod Security Standards baseline forbids privileged containers.",
    // Omitted, Kubernetes runs the container unprivileged.
    validateContainer: ({ view, where }, _config, report) => requireSwitch(view.securityContext.privileged, {
        where,
        property: "securityContext.privileged",
        required: false,
        omission: "absent",
        wrong: "runs privileged (securityContext.privileged: true)",
        fix: "set it to false and add only the capability the process needs",
    }, report),
});
