import { resourcePolicy } from "../../lib/define";
import { describeWorkload, eachContainer, isPatch, isPodTemplateType, podSpec, POD_WORKLOAD_TYPES } from "../../lib/kubernetes";
import { Parts } from "../../lib/unknowns";
import { at, describeType, record, text } from "../../lib/values";

export default resourcePolicy({
    name: "kubernetes-workload-require-seccomp-profile",
    description: "Every container runs under a seccomp profile (RuntimeDefault or Localhost), set on the pod or the container.",
    priority: "P1",
    severity: "medium",
    checklist: ["003.security.container-security"],
    remediationSteps: "Set securityContext.seccompProfile.type: RuntimeDefault on the pod (or Localhost with a localhostProfile); a container's own seccompProfile overrides the pod's.",
    tags: ["workload-security"],
    config: {
        allowedProfiles: {
            type: "array",
            items: { type: "string", enum: ["RuntimeDefault", "Localhost", "Unconfined"] },
            default: ["RuntimeDefault", "Localhost"],
            description: "Seccomp profile types accepted. Default RuntimeDefault and Localhost: the ones Pod Security Standards restricted allows (omitted means Unconfined unless the kubelet's SeccompDefault is on).",
        },
        allowUnset: {
            type: "boolean",
            default: false,
            description: "Accept a container with no seccomp profile on it or its pod (judging only profiles that are set). Default false: 003 asks for container hardening, and Pod Security Standards restricted requires a profile; Pod Security Standards baseline only forbids Unconfined (profiles/pss-baseline.json sets true).",
        },
    },
    resourceTypes: POD_WORKLOAD_TYPES,
    appliesTo: isPodTemplateType,
    validate: ({ type, name, props }, config, report) => {
        const spec = podSpec(type, props);
        if (!spec) {
            return;
        }
        const allowed: readonly string[] = config.allowedProfiles;
        const workload = describeWorkload(type, name, props);
        const judge = (profile: unknown, where: string, field: string, report: (message: string) => void) => {
            if (profile === undefined) {
                report(`${where} sets no ${field}, so it runs Unconfined: set ${field}.type to RuntimeDefault on the pod or the container.`);
                return;
            }
            const profileType = text(at(profile, "type"));
            if (!record(profile) || profileType === undefined) {
                report(`${where} sets ${field} to ${describeType(profile)} without a type: set ${field}.type to RuntimeDefault.`);
            } else if (!allowed.includes(profileType)) {
                report(`${where} runs under seccomp profile ${profileType}: set ${field}.type to ${allowed.join(" or ")}.`);
            }
        };
        // The pod's own profile is judged as written (Pod Security Standards do, even when every
        // container overrides it); each container by its own profile, else by the pod's. Each is a
        // part of its own: a value unknown during preview in one hides no violation of another.
        const parts = new Parts(report);
        parts.judge(() => {
            const profile = at(spec.securityContext, "seccompProfile");
            if (profile !== undefined) {
                judge(profile, `the pod of ${workload}`, "securityContext.seccompProfile", parts.report);
            }
        });
        parts.judge(() => eachContainer({ type, name, props }, parts.report, (view, where, report) => {
            const own = at(view.container.securityContext, "seccompProfile");
            if (own !== undefined) {
                judge(own, where, "securityContext.seccompProfile", report);
            } else if (!isPatch(type) && !config.allowUnset && at(spec.securityContext, "seccompProfile") === undefined) {
                judge(undefined, where, "securityContext.seccompProfile", report);
            }
        }));
        parts.settle();
    },
});
