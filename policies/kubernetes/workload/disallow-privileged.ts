import { resourcePolicy } from "../../lib/define";
import { containers, describeContainer, describeWorkload, podSpec, POD_WORKLOAD_TYPES, workloadListed } from "../../lib/kubernetes";
import { bool, describeType } from "../../lib/values";

interface Config {
    allowedWorkloads: string[];
}

export default resourcePolicy<Config>({
    name: "kubernetes-workload-disallow-privileged",
    description: "No container runs privileged: a privileged container has every capability and the host's devices.",
    priority: "P0",
    severity: "critical",
    checklist: ["003.security.container-security"],
    remediationSteps: "Remove securityContext.privileged or set it to false on every container; grant only the capability the process needs.",
    tags: ["workload-security"],
    config: {
        allowedWorkloads: {
            type: "array",
            items: { type: "string" },
            default: [],
            description: "Workloads allowed to run privileged containers, as globs on `namespace/name` or `name` (node agents such as a CNI DaemonSet). Default none: Pod Security Standards baseline forbids privileged containers.",
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
            const privileged = view.securityContext.privileged;
            if (privileged === undefined) {
                continue; // Kubernetes defaults to unprivileged
            }
            const where = `${describeContainer(view)} of ${workload}`;
            const value = bool(privileged);
            if (value === undefined) {
                report(`${where} sets securityContext.privileged to ${describeType(privileged)}, not a boolean: set it to false.`);
            } else if (value) {
                report(`${where} runs privileged (securityContext.privileged: true): set it to false and add only the capability the process needs.`);
            }
        }
    },
});
