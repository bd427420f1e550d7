import { podPolicy } from "../../lib/pod-policy";
import { at, describeType, given, isDeclared, record, text } from "../../lib/values";

export default podPolicy({
    name: "kubernetes-workload-restrict-selinux-options",
    description: "Pods and containers keep an SELinux container type and set no SELinux user or role, so they cannot leave the container's SELinux confinement.",
    priority: "P1",
    severity: "high",
    checklist: ["003.security.container-security"],
    remediationSteps: "Remove seLinuxOptions.user and seLinuxOptions.role, and set seLinuxOptions.type only to a container type (container_t, container_init_t, container_kvm_t, container_engine_t) or leave it out.",
    tags: ["workload-security"],
    config: {
        allowedTypes: {
            type: "array",
            items: { type: "string" },
            default: ["container_t", "container_init_t", "container_kvm_t", "container_engine_t"],
            description: "seLinuxOptions.type values accepted (unset always is). Default the container types Pod Security Standards baseline allows (Kubernetes 1.31): 003 asks for hardened containers.",
        },
    },
    // Pod Security Standards judge the pod's options and each container's own, each on its own.
    validatePod: ({ spec, workload }, config, report) => judgeOptions(spec.securityContext, `the pod of ${workload}`, config.allowedTypes, report),
    validateContainer: ({ view, where }, config, report) => judgeOptions(view.container.securityContext, where, config.allowedTypes, report),
});

function judgeOptions(context: unknown, where: string, allowedTypes: readonly string[], report: (message: string) => void): void {
    const raw = at(context, "seLinuxOptions");
    if (raw === undefined) {
        return;
    }
    const options = record(raw);
    if (!options) {
        report(`${where} sets securityContext.seLinuxOptions to ${describeType(raw)}, not an object: remove it.`);
        return;
    }
    // Setting user or role at all is the violation: their values, maybe unknown during preview, are not read.
    for (const field of ["user", "role"]) {
        if (isDeclared(options, field)) {
            report(`${where} sets securityContext.seLinuxOptions.${field}, which lets it leave the container's SELinux confinement: remove it.`);
        }
    }
    const seType = given(options.type);
    if (seType !== undefined && !allowedTypes.includes(text(seType) ?? "")) {
        report(`${where} sets securityContext.seLinuxOptions.type to ${text(seType) ?? describeType(seType)}: leave it out or use ${allowedTypes.join(", ")}.`);
    }
}
