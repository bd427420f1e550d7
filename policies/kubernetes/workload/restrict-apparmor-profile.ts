import { resourcePolicy } from "../../lib/define";
import { describeWorkload, eachContainer, isPodTemplateType, podSpec, podSpecPath, POD_WORKLOAD_TYPES } from "../../lib/kubernetes";
import { Parts } from "../../lib/unknowns";
import { at, describeType, record, text } from "../../lib/values";

const ANNOTATION_PREFIX = "container.apparmor.security.beta.kubernetes.io/";
// The annotation's values for the profile types (localhost/<profile> for Localhost).
const ANNOTATION_TYPES: Readonly<Record<string, string>> = { "runtime/default": "RuntimeDefault", unconfined: "Unconfined" };

export default resourcePolicy({
    name: "kubernetes-workload-restrict-apparmor-profile",
    description: "No pod or container runs Unconfined by AppArmor: securityContext.appArmorProfile and the legacy container.apparmor.security.beta.kubernetes.io annotations name RuntimeDefault or a Localhost profile.",
    priority: "P1",
    severity: "high",
    checklist: ["003.security.container-security"],
    remediationSteps: "Set securityContext.appArmorProfile.type to RuntimeDefault (or Localhost with a localhostProfile), or remove the Unconfined setting and annotation.",
    tags: ["workload-security"],
    config: {
        allowedProfileTypes: {
            type: "array",
            items: { type: "string", enum: ["RuntimeDefault", "Localhost", "Unconfined"] },
            default: ["RuntimeDefault", "Localhost"],
            description: "AppArmor profile types accepted (unset always is: the runtime applies its default). Default RuntimeDefault and Localhost, as Pod Security Standards baseline: 003 asks for hardened containers.",
        },
    },
    resourceTypes: POD_WORKLOAD_TYPES,
    appliesTo: isPodTemplateType,
    validate: ({ type, name, props }, config, report) => {
        const spec = podSpec(type, props);
        if (!spec) {
            return;
        }
        const allowed: readonly string[] = config.allowedProfileTypes;
        const workload = describeWorkload(type, name, props);
        const fix = `set it to ${allowed.join(" or ")}`;
        const judge = (context: unknown, where: string, report: (message: string) => void) => {
            const profile = at(context, "appArmorProfile");
            if (profile === undefined) {
                return;
            }
            const profileType = text(at(profile, "type"));
            if (!record(profile) || profileType === undefined) {
                report(`${where} sets securityContext.appArmorProfile to ${describeType(profile)} without a type: ${fix}.`);
            } else if (!allowed.includes(profileType)) {
                report(`${where} runs under AppArmor profile type ${profileType}: ${fix}.`);
            }
        };
        // The pod, each container and each annotation on its own: a value unknown during preview in one hides no violation of another.
        const parts = new Parts(report);
        parts.judge(() => judge(spec.securityContext, `the pod of ${workload}`, parts.report));
        parts.judge(() => eachContainer({ type, name, props }, parts.report, (view, where, report) => judge(view.container.securityContext, where, report)));
        // The annotations sit on the pod template's metadata (a Pod's own metadata); only this policy's are read.
        parts.judge(() => {
            const annotations = record(at(props, ...(podSpecPath(type, props) ?? ["spec"]).slice(0, -1), "metadata", "annotations")) ?? {};
            for (const key of Object.keys(annotations).filter((k) => k.startsWith(ANNOTATION_PREFIX))) {
                parts.judge(() => {
                    const raw = annotations[key];
                    const value = text(raw) ?? "";
                    const profileType = value.startsWith("localhost/") ? "Localhost" : ANNOTATION_TYPES[value];
                    if (profileType === undefined || !allowed.includes(profileType)) {
                        parts.report(`The pod template of ${workload} annotates container '${key.slice(ANNOTATION_PREFIX.length)}' with AppArmor profile ${value || describeType(raw)}: set securityContext.appArmorProfile.type to ${allowed.join(" or ")} instead.`);
                    }
                });
            }
        });
        parts.settle();
    },
});
