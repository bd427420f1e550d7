import { requireSwitch } from "../../lib/checks";
import { podPolicy } from "../../lib/pod-policy";
import { at } from "../../lib/values";

export default podPolicy({
    name: "kubernetes-workload-disallow-host-process",
    description: "No Windows pod or container runs as a HostProcess container (windowsOptions.hostProcess), which has full access to the node.",
    priority: "P0",
    severity: "critical",
    checklist: ["003.security.container-security", "003.security.least-privilege"],
    remediationSteps: "Remove securityContext.windowsOptions.hostProcess (or set it to false) on the pod and every container; run node agents as reviewed DaemonSets listed in allowedWorkloads.",
    tags: ["workload-security"],
    allowedWorkloads: "Workloads (globs over `name` or `namespace/name`) that may run HostProcess containers (a reviewed Windows node agent). Default none: Pod Security Standards baseline forbids HostProcess, and 003 asks for hardened, least-privileged containers.",
    // Pod Security Standards judge the pod's setting and each container's own, each on its own.
    validatePod: ({ spec, workload }, _config, report) => judgeHostProcess(spec.securityContext, `the pod of ${workload}`, report),
    validateContainer: ({ view, where }, _config, report) => judgeHostProcess(view.container.securityContext, where, report),
});

function judgeHostProcess(context: unknown, where: string, report: (message: string) => void): void {
    requireSwitch(at(context, "windowsOptions", "hostProcess"), {
        where,
        property: "securityContext.windowsOptions.hostProcess",
        required: false,
        omission: "absent",
        wrong: "runs as a Windows HostProcess container with full access to the node",
        fix: "remove securityContext.windowsOptions.hostProcess",
        malformedFix: "remove it",
    }, report);
}
