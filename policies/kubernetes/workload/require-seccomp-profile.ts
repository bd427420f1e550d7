import { isPatch } from "../../lib/kubernetes";
import { podPolicy } from "../../lib/pod-policy";
import { at, describeType, record, text } from "../../lib/values";

export default podPolicy({
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
    // The pod's own profile is judged as written (Pod Security Standards do, even when every
    // container overrides it); each container by its own profile, else by the pod's. Each is a
    // part of its own: a value unknown during preview in one hides no violation of another.
    validatePod: ({ spec, workload }, config, report) => {
        const profile = at(spec.securityContext, "seccompProfile");
        if (profile !== undefined) {
            judgeProfile(profile, `the pod of ${workload}`, config.allowedProfiles, report);
        }
    },
    validateContainer: ({ view, where, pod }, config, report) => {
        const own = at(view.container.securityContext, "seccompProfile");
        if (own !== undefined) {
            judgeProfile(own, where, config.allowedProfiles, report);
        } else if (!isPatch(pod.type) && !config.allowUnset && at(pod.spec.securityContext, "seccompProfile") === undefined) {
            judgeProfile(undefined, where, config.allowedProfiles, report);
        }
    },
});

const FIELD = "securityContext.seccompProfile";

function judgeProfile(profile: unknown, where: string, allowed: readonly string[], report: (message: string) => void): void {
    if (profile === undefined) {
        report(`${where} sets no ${FIELD}, so it runs Unconfined: set ${FIELD}.type to RuntimeDefault on the pod or the container.`);
        return;
    }
    const profileType = text(at(profile, "type"));
    if (!record(profile) || profileType === undefined) {
        report(`${where} sets ${FIELD} to ${describeType(profile)} without a type: set ${FIELD}.type to RuntimeDefault.`);
    } else if (!allowed.includes(profileType)) {
        report(`${where} runs under seccomp profile ${profileType}: set ${FIELD}.type to ${allowed.join(" or ")}.`);
    }
}
