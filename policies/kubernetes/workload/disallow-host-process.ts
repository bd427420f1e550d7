import { resourcePolicy } from "../../lib/define";
import { allowedWorkloadsSetting, describeWorkload, eachContainer, isPodTemplateType, podSpec, POD_WORKLOAD_TYPES, unlessWorkloadListed } from "../../lib/kubernetes";
import { Parts } from "../../lib/unknowns";
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
    validate: (resource, config, report) => {
        const { type, name, props } = resource;
        const spec = podSpec(type, props);
        if (!spec) {
            return;
        }
        // Pod Security Standards judge the pod's setting and each container's own.
        const judge = (context: unknown, where: string, report: (message: string) => void) => {
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
        unlessWorkloadListed(config.allowedWorkloads, resource, report, (report) => {
            const parts = new Parts(report);
            parts.judge(() => judge(spec.securityContext, `the pod of ${describeWorkload(type, name, props)}`, parts.report));
            parts.judge(() => eachContainer(resource, parts.report, (view, where, report) => judge(view.container.securityContext, where, report)));
            parts.settle();
        });
    },
});
