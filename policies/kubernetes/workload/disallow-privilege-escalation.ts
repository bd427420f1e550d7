import { isPatch } from "../../lib/kubernetes";
import { requireSwitch } from "../../lib/checks";
import { podPolicy } from "../../lib/pod-policy";

export default podPolicy({
    name: "kubernetes-workload-disallow-privilege-escalation",
    description: "Every container sets allowPrivilegeEscalation: false, so no process gains more privileges than its parent (setuid binaries).",
    priority: "P0",
    severity: "high",
    checklist: ["003.security.container-security"],
    remediationSteps: "Set securityContext.allowPrivilegeEscalation: false on every container, init containers included.",
    tags: ["workload-security"],
    allowedWorkloads: "Workloads exempt, as globs on `namespace/name` or `name`. Default none: Pod Security Standards restricted requires allowPrivilegeEscalation: false on every container.",
    validateContainer: ({ view, where, pod }, _config, report) => {
        const setting = view.securityContext.allowPrivilegeEscalation;
        if (setting === undefined) {
            if (!isPatch(pod.type)) {
                // Omitted means allowed: Linux's no_new_privs is only set when this is false.
                report(`${where} does not set securityContext.allowPrivilegeEscalation, which defaults to allowed: set it to false.`);
            }
            return;
        }
        requireSwitch(setting, {
            where,
            property: "securityContext.allowPrivilegeEscalation",
            required: false,
            omission: "absent",
            wrong: "allows privilege escalation (allowPrivilegeEscalation: true)",
            fix: "set it to false",
        }, report);
    },
});
