import { resourcePolicy } from "../../lib/define";
import { eachContainer, isPatch, POD_WORKLOAD_TYPES } from "../../lib/kubernetes";
import { describeType, integer } from "../../lib/values";

export default resourcePolicy({
    name: "kubernetes-workload-require-non-root",
    description: "Containers must not run as root: set runAsNonRoot: true or a non-zero runAsUser.",
    priority: "P0",
    severity: "high",
    checklist: ["001.deployment.non-root-container", "003.security.container-security"],
    remediationSteps: "Set securityContext.runAsNonRoot: true and runAsUser to a non-root uid (1000 or above) on the pod or on each container, init containers included.",
    tags: ["workload-security"],
    config: {
        minimumRunAsUser: {
            type: "integer",
            minimum: 1,
            default: 1,
            description: "Smallest uid accepted where runAsUser is set. Default 1: any non-root uid (003 names uid 1000; the kubernetes-workload-restrict-run-as-user policy enforces that).",
        },
    },
    resourceTypes: POD_WORKLOAD_TYPES,
    validate: (resource, config, report) => {
        eachContainer(resource, (view, where) => {
            const { runAsNonRoot, runAsUser } = view.securityContext;
            if (isPatch(resource.type) && runAsNonRoot === undefined && runAsUser === undefined) {
                return;
            }
            if (runAsUser !== undefined) {
                const uid = integer(runAsUser);
                if (uid === undefined) {
                    report(`${where} sets runAsUser to ${describeType(runAsUser)}, not a uid: set runAsUser to a non-root uid such as 1000.`);
                } else if (uid === 0) {
                    report(`${where} runs as root (runAsUser: 0): set runAsUser to a non-root uid such as 1000 and runAsNonRoot: true.`);
                } else if (uid < config.minimumRunAsUser) {
                    report(`${where} runs as uid ${uid}, below the minimum ${config.minimumRunAsUser}: set runAsUser to ${config.minimumRunAsUser} or above.`);
                }
                return;
            }
            if (runAsNonRoot !== true) {
                report(`${where} may run as root: set securityContext.runAsNonRoot: true or runAsUser to a non-root uid such as 1000.`);
            }
        });
    },
});
