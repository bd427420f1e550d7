import { resourcePolicy } from "../../lib/define";
import { describeWorkload, eachContainer, isPodTemplateType, podSpec, POD_WORKLOAD_TYPES } from "../../lib/kubernetes";
import { Parts } from "../../lib/unknowns";
import { at, describeType, given, isDeclared, record, text } from "../../lib/values";

export default resourcePolicy({
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
    resourceTypes: POD_WORKLOAD_TYPES,
    appliesTo: isPodTemplateType,
    validate: ({ type, name, props }, config, report) => {
        const spec = podSpec(type, props);
        if (!spec) {
            return;
        }
        const workload = describeWorkload(type, name, props);
        // Pod Security Standards judge the pod's options and each container's own.
        const judge = (context: unknown, where: string, report: (message: string) => void) => {
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
            if (seType !== undefined && !config.allowedTypes.includes(text(seType) ?? "")) {
                report(`${where} sets securityContext.seLinuxOptions.type to ${text(seType) ?? describeType(seType)}: leave it out or use ${config.allowedTypes.join(", ")}.`);
            }
        };
        // The pod and each container on its own: a value unknown during preview in one hides no violation of another.
        const parts = new Parts(report);
        parts.judge(() => judge(spec.securityContext, `the pod of ${workload}`, parts.report));
        parts.judge(() => eachContainer({ type, name, props }, parts.report, (view, where, report) => judge(view.container.securityContext, where, report)));
        parts.settle();
    },
});
