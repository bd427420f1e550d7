import { requireSwitch } from "../../lib/checks";
import { podPolicy } from "../../lib/pod-policy";
import { judgeEach } from "../../lib/unknowns";

const HOST_NAMESPACES = [
    ["hostNetwork", "the node's network"],
    ["hostPID", "the node's process table"],
    ["hostIPC", "the node's shared memory"],
] as const;

export default podPolicy({
    name: "kubernetes-workload-disallow-host-namespaces",
    description: "Pods do not share the node's network, process or IPC namespace (hostNetwork, hostPID, hostIPC).",
    priority: "P0",
    severity: "high",
    checklist: ["003.security.container-security", "003.security.least-privilege"],
    remediationSteps: "Remove hostNetwork, hostPID and hostIPC from the pod spec (or set them to false); expose the pod through a Service instead of the node's network.",
    tags: ["workload-security"],
    allowedWorkloads: "Workloads allowed host namespaces, as globs on `namespace/name` or `name` (node agents). Default none: Pod Security Standards baseline forbids them.",
    validatePod: ({ spec, workload }, _config, report) => {
        // Omitted, each defaults to false.
        judgeEach(HOST_NAMESPACES, report, ([field, what], report) => requireSwitch(spec[field], {
            where: workload,
            property: field,
            required: false,
            omission: "absent",
            wrong: `shares ${what} (${field}: true)`,
            fix: `remove ${field} or set it to false`,
            malformedFix: "remove it or set it to false",
        }, report));
    },
});
