import { podPolicy } from "../../lib/pod-policy";
import { judgeItems } from "../../lib/unknowns";
import { at, describeType, record, text } from "../../lib/values";

/** The sysctls Pod Security Standards baseline calls safe (namespaced, isolated from the node), as of Kubernetes 1.32. */
const SAFE_SYSCTLS = [
    "kernel.shm_rmid_forced", "net.ipv4.ip_local_port_range", "net.ipv4.ip_unprivileged_port_start", "net.ipv4.tcp_syncookies",
    "net.ipv4.ping_group_range", "net.ipv4.ip_local_reserved_ports", "net.ipv4.tcp_keepalive_time", "net.ipv4.tcp_fin_timeout",
    "net.ipv4.tcp_keepalive_intvl", "net.ipv4.tcp_keepalive_probes", "net.ipv4.tcp_rmem", "net.ipv4.tcp_wmem",
];

export default podPolicy({
    name: "kubernetes-workload-restrict-sysctls",
    description: "Pods set only safe sysctls (securityContext.sysctls), which are isolated to the pod and cannot change the node's kernel for every other pod.",
    priority: "P1",
    severity: "high",
    checklist: ["003.security.container-security"],
    remediationSteps: "Remove the unsafe sysctl from spec.securityContext.sysctls, or tune it on dedicated nodes through the node's configuration.",
    tags: ["workload-security"],
    config: {
        allowedSysctls: {
            type: "array",
            items: { type: "string" },
            default: SAFE_SYSCTLS,
            description: "Sysctl names a pod may set. Default the safe set of Pod Security Standards baseline (Kubernetes 1.32): 003 asks for hardened containers, and other sysctls reach the node or need the kubelet's --allowed-unsafe-sysctls.",
        },
    },
    validatePod: ({ spec, workload }, config, report) => {
        const where = `the pod of ${workload}`;
        // Each sysctl on its own: one unknown during preview hides no unsafe one.
        judgeItems(at(spec.securityContext, "sysctls"), report, (item, _index, report) => {
            const sysctl = record(item);
            if (!sysctl) {
                return;
            }
            const sysctlName = text(sysctl.name);
            if (sysctlName === undefined) {
                report(`${where} sets a sysctl whose name is ${describeType(sysctl.name)}: name a safe sysctl or remove it.`);
            } else if (!config.allowedSysctls.includes(sysctlName)) {
                report(`${where} sets unsafe sysctl ${sysctlName}: remove it from securityContext.sysctls (allowed: ${config.allowedSysctls.join(", ")}).`);
            }
        });
    },
});
