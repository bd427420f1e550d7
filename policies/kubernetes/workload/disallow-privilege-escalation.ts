import { resourcePolicy } from "../../lib/define";
import { allowedWorkloadsSetting, eachContainer, isPatch, isPodTemplateType, POD_WORKLOAD_TYPES, unlessWorkloadListed } from "../../lib/kubernetes";
import { bool, describeType } from "../../lib/values";

export default resourcePolicy({
    name: "kubernetes-workload-disallow-privilege-escalation",
    description: "Every container sets allowPrivilegeEscalation: false, so no process gains more privileges than its parent (setuid binaries).",
    priority: "P0",
    severity: "high",
    checklist: ["003.security.container-security"],
    remediationSteps: "Set securityContext.allowPrivilegeEscalation: false on every container, init containers included.",
    tags: ["workload-security"],
    config: {
        allowedWorkloads: allowedWorkloadsSetting("Workloads exempt, as globs on `namespace/name` or `name`. Default none: Pod Security Standards restricted requires allowPrivilegeEscalation: false on every container."),
    },
    resourceTypes: POD_WORKLOAD_TYPES,
    appliesTo: isPodTemplateType,
    validate: (resource, config, report) => {
        unlessWorkloadListed(config.allowedWorkloads, resource, report, (report) => eachContainer(resource, report, (view, where, report) => {
            const setting = view.securityContext.allowPrivilegeEscalation;
            if (setting === undefined) {
                if (!isPatch(resource.type)) {
                    // Omitted means allowed: Linux's no_new_privs is only set when this is false.
                    report(`${where} does not set securityContext.allowPrivilegeEscalation, which defaults to allowed: set it to false.`);
                }
                return;
            }
            const value = bool(setting);
            if (value === undefined) {
                report(`${where} sets securityContext.allowPrivilegeEscalation to ${describeType(setting)}, not a boolean: set it to false.`);
            } else if (value) {
                report(`${where} allows privilege escalation (allowPrivilegeEscalation: true): set it to false.`);
            }
        }));
    },
});
