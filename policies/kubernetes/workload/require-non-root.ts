import { isPatch } from "../../lib/kubernetes";
import { podPolicy } from "../../lib/pod-policy";
import { Parts } from "../../lib/unknowns";
import { bool, describeType, integer, record } from "../../lib/values";

export default podPolicy({
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
            maximum: 2147483647,
            default: 1,
            description: "Smallest uid accepted where runAsUser is set. Default 1: any non-root uid (003 names uid 1000; the kubernetes-workload-restrict-run-as-user policy enforces that). At most 2147483647, the largest uid Kubernetes accepts.",
        },
        requireRunAsNonRoot: {
            type: "boolean",
            default: false,
            description: "Require runAsNonRoot: true on the pod or on every container even where a non-root runAsUser is set, and reject a pod-level runAsNonRoot: false or runAsUser: 0 that every container overrides. Default false: 001 and 003 ask that containers do not run as root, which a non-root runAsUser already guarantees; Pod Security Standards restricted asks for both (profiles/pss-restricted.json sets it).",
        },
        disallowRootGroup: {
            type: "boolean",
            default: false,
            description: "Also reject runAsGroup: 0 (the root group), on the pod or on a container, a container's value overriding the pod's. Default false: the checklists ask for a non-root user, and Pod Security Standards does not check the group.",
        },
    },
    // The pod's fields, the group and the user of each container are judged apart: a value
    // unknown during preview in one hides no violation of another.
    validatePod: ({ spec, workload }, config, report) => {
        if (!config.requireRunAsNonRoot) {
            return;
        }
        // Pod Security Standards judge the pod-level fields as written, even when every container overrides them.
        const podContext = () => record(spec.securityContext);
        const parts = new Parts(report);
        parts.judge(() => {
            if (bool(podContext()?.runAsNonRoot) === false) {
                parts.report(`the pod of ${workload} sets securityContext.runAsNonRoot: false: set it to true.`);
            }
        });
        parts.judge(() => {
            if (integer(podContext()?.runAsUser) === 0) {
                parts.report(`the pod of ${workload} sets securityContext.runAsUser: 0 (root): set it to a non-root uid such as 1000.`);
            }
        });
        parts.settle();
    },
    validateContainer: ({ view, where, pod }, config, report) => {
        const container = new Parts(report);
        if (config.disallowRootGroup) {
            container.judge(() => {
                const runAsGroup = view.securityContext.runAsGroup;
                if (runAsGroup !== undefined && integer(runAsGroup) === undefined) {
                    container.report(`${where} sets runAsGroup to ${describeType(runAsGroup)}, not a gid: set runAsGroup to a non-root gid such as 1000.`);
                } else if (runAsGroup !== undefined && integer(runAsGroup) === 0) {
                    container.report(`${where} runs in the root group (runAsGroup: 0): set runAsGroup to a non-root gid such as 1000.`);
                }
            });
        }
        container.judge(() => judgeUser(view.securityContext, where, isPatch(pod.type), config, container.report));
        container.settle();
    },
});

/**
 * Judges the user a container runs as: runAsUser first, as a root or low uid is a violation
 * whatever runAsNonRoot says, then runAsNonRoot where it decides.
 */
function judgeUser(
    securityContext: Record<string, unknown>,
    where: string,
    patch: boolean,
    config: { requireRunAsNonRoot: boolean; minimumRunAsUser: number },
    report: (message: string) => void,
): void {
    const runAsUser = securityContext.runAsUser;
    if (runAsUser !== undefined) {
        const uid = integer(runAsUser);
        if (uid === undefined) {
            report(`${where} sets runAsUser to ${describeType(runAsUser)}, not a uid: set runAsUser to a non-root uid such as 1000.`);
            return;
        } else if (uid === 0) {
            report(`${where} runs as root (runAsUser: 0): set runAsUser to a non-root uid such as 1000 and runAsNonRoot: true.`);
            return;
        } else if (uid < config.minimumRunAsUser) {
            report(`${where} runs as uid ${uid}, below the minimum ${config.minimumRunAsUser}: set runAsUser to ${config.minimumRunAsUser} or above.`);
            return;
        }
        if (!config.requireRunAsNonRoot) {
            return;
        }
    }
    const runAsNonRoot = securityContext.runAsNonRoot;
    if (patch && runAsNonRoot === undefined) {
        return; // a Patch that sets neither keeps the live values
    }
    if (bool(runAsNonRoot) !== true) {
        const what = runAsNonRoot === undefined ? "does not set securityContext.runAsNonRoot"
            : bool(runAsNonRoot) === false ? "sets securityContext.runAsNonRoot: false" : `sets securityContext.runAsNonRoot to ${describeType(runAsNonRoot)}, not a boolean,`;
        report(runAsUser === undefined
            ? `${where} may run as root: set securityContext.runAsNonRoot: true or runAsUser to a non-root uid such as 1000.`
            : `${where} ${what}: set securityContext.runAsNonRoot: true on the pod or the container.`);
    }
}
