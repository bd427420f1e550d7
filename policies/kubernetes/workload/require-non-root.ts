import { resourcePolicy } from "../../lib/define";
import { containers, describeContainer, describeWorkload, isPatch, podSpec, POD_WORKLOAD_TYPES } from "../../lib/kubernetes";
import { describeType, integer } from "../../lib/values";

interface Config {
    minimumRunAsUser: number;
}

export default resourcePolicy<Config>({
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
    validate: ({ type, name, props }, config, report) => {
        const spec = podSpec(type, props);
        if (!spec) {
            return;
        }
        const workload = describeWorkload(type, name, props);
        for (const view of containers(spec)) {
            const { runAsNonRoot, runAsUser } = view.securityContext;
            const where = `${describeContainer(view)} of ${workload}`;
            if (isPatch(type) && runAsNonRoot === undefined && runAsUser === undefined) {
                continue;
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
                continue;
            }
            if (runAsNonRoot !== true) {
                report(`${where} may run as root: set securityContext.runAsNonRoot: true or runAsUser to a non-root uid such as 1000.`);
            }
        }
    },
});
