import { resourcePolicy } from "../../lib/define";
import { allowedWorkloadsSetting, containers, describeContainer, describeWorkload, isPodTemplateType, podSpec, POD_WORKLOAD_TYPES, workloadListed } from "../../lib/kubernetes";
import { at, bool, describeType } from "../../lib/values";

export default resourcePolicy({
    name: "kubernetes-workload-disallow-host-process",
    description: "No Windows pod or container runs as a HostProcess container (windowsOptions.hostProcess), which has full access to the node.",
    priority: "P0",
    severity: "critical",
    checklist: ["003.security.container-security", "003.security.least-privilege"],
    remediationSteps: "Remove securityContext.windowsOptions.hostProcess (or set it to false) on the pod and every container; run node agents as reviewed DaemonSets listed in allowedWorkloads.",
    tags: ["workload-security"],
    config: {
        allowedWorkloads: allowedWorkloadsSetting("Workloads (globs over `name` or `namespace/name`) that may run HostProcess containers (a reviewed Windows node agent). Default none: Pod Security Standards baseline forbids HostProcess, and 003 asks for hardened, least-privileged containers."),
    },
    resourceTypes: POD_WORKLOAD_TYPES,
    appliesTo: isPodTemplateType,
    validate: ({ type, name, props }, config, report) => {
        const spec = podSpec(type, props);
        if (!spec || workloadListed(config.allowedWorkloads, name, props)) {
            return;
        }
        const workload = describeWorkload(type, name, props);
        // Pod Security Standards judge the pod's setting and each container's own.
        const judge = (context: unknown, where: string) => {
            const raw = at(context, "windowsOptions", "hostProcess");
            if (raw === undefined) {
                return;
            }
            const value = bool(raw);
            if (value === undefined) {
                report(`${where} sets securityContext.windowsOptions.hostProcess to ${describeType(raw)}, not a boolean: remove it.`);
            } else if (value) {
                report(`${where} runs as a Windows HostProcess container with full access to the node: remove securityContext.windowsOptions.hostProcess.`);
            }
        };
        judge(spec.securityContext, `the pod of ${workload}`);
        for (const view of containers(spec)) {
            judge(view.container.securityContext, `${describeContainer(view)} of ${workload}`);
        }
    },
});
