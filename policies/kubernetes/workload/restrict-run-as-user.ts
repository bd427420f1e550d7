import { podPolicy } from "../../lib/pod-policy";
import { describeType, integer } from "../../lib/values";

export default podPolicy({
    name: "kubernetes-workload-restrict-run-as-user",
    description: "Where a container's uid is set (runAsUser, on the pod or the container), it is at least the minimum uid.",
    priority: "P1",
    severity: "medium",
    checklist: ["003.security.container-security", "001.deployment.non-root-container"],
    remediationSteps: "Set securityContext.runAsUser to 1000 or above (a uid of the image's unprivileged user) on the pod or on each container.",
    tags: ["workload-security"],
    config: {
        minimumUid: {
            type: "integer",
            minimum: 1,
            maximum: 2147483647,
            default: 1000,
            description: "Smallest uid accepted. Default 1000: 003 asks for a non-root user with uid 1000; uids below it are system accounts on most images. At most 2147483647, the largest uid Kubernetes accepts.",
        },
    },
    validateContainer: ({ view, where }, config, report) => {
        const runAsUser = view.securityContext.runAsUser;
        if (runAsUser === undefined) {
            return; // the image's user; kubernetes-workload-require-non-root judges that case
        }
        const uid = integer(runAsUser);
        if (uid === undefined) {
            report(`${where} sets runAsUser to ${describeType(runAsUser)}, not a uid: set it to ${config.minimumUid} or above.`);
        } else if (uid < config.minimumUid) {
            report(`${where} runs as uid ${uid}, below the minimum ${config.minimumUid}: set runAsUser to ${config.minimumUid} or above.`);
        }
    },
});
