import { resourcePolicy } from "../../lib/define";
import { containers, describeContainer, describeWorkload, isPatch, podSpec, POD_WORKLOAD_TYPES, workloadListed } from "../../lib/kubernetes";
import { bool, describeType } from "../../lib/values";

interface Config {
    allowedWorkloads: string[];
}

export default resourcePolicy<Config>({
    name: "kubernetes-workload-disallow-privilege-escalation",
    description: "Every container sets allowPrivilegeEscalation: false, so no process gains more privileges than its parent (setuid binaries).",
    priority: "P0",
    severity: "high",
    checklist: ["003.security.container-security"],
    remediationSteps: "Set securityContext.allowPrivilegeEscalation: false on every container, init containers included.",
    tags: ["workload-security"],
    config: {
        allowedWorkloads: {
            type: "array",
            items: { type: "string" },
            default: [],
            description: "Workloads exempt, as globs on `namespace/name` or `name`. Default none: Pod Security Standards restricted requires allowPrivilegeEscalation: false on every container.",
        },
    },
    resourceTypes: POD_WORKLOAD_TYPES,
    validate: ({ type, name, props }, config, report) => {
        const spec = podSpec(type, props);
        if (!spec || workloadListed(config.allowedWorkloads, name, props)) {
            return;
        }
        const workload = describeWorkload(type, name, props);
        for (const view of containers(spec)) {
            const setting = view.securityContext.allowPrivilegeEscalation;
            const where = `${describeContainer(view)} of ${workload}`;
            if (setting === undefined) {
                if (!isPatch(type)) {
                    // Omitted means allowed: Linux's no_new_privs is only set when this is false.
                    report(`${where} does not set securityContext.allowPrivilegeEscalation, which defaults to allowed: set it to false.`);
                }
                continue;
            }
            const value = bool(setting);
            if (value === undefined) {
                report(`${where} sets securityContext.allowPrivilegeEscalation to ${describeType(setting)}, not a boolean: set it to false.`);
            } else if (value) {
                report(`${where} allows privilege escalation (allowPrivilegeEscalation: true): set it to false.`);
            }
        }
    },
});
