import { resourcePolicy } from "../../lib/define";
import { describeWorkload, eachContainer, isPatch, isPodTemplateType, podSpec, POD_WORKLOAD_TYPES } from "../../lib/kubernetes";
import { bool, describeType, integer, record } from "../../lib/values";

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
    resourceTypes: POD_WORKLOAD_TYPES,
    appliesTo: isPodTemplateType,
    validate: (resource, config, report) => {
        const patch = isPatch(resource.type);
        if (config.requireRunAsNonRoot) {
            // Pod Security Standards judge the pod-level fields as written, even when every container overrides them.
            const podContext = record(podSpec(resource.type, resource.props)?.securityContext);
            const workload = describeWorkload(resource.type, resource.name, resource.props);
            if (podContext && bool(podContext.runAsNonRoot) === false) {
                report(`the pod of ${workload} sets securityContext.runAsNonRoot: false: set it to true.`);
            }
            if (podContext && integer(podContext.runAsUser) === 0) {
                report(`the pod of ${workload} sets securityContext.runAsUser: 0 (root): set it to a non-root uid such as 1000.`);
            }
        }
        eachContainer(resource, (view, where) => {
            const { runAsNonRoot, runAsUser } = view.securityContext;
            if (config.disallowRootGroup) {
                const runAsGroup = view.securityContext.runAsGroup;
                if (runAsGroup !== undefined && integer(runAsGroup) === undefined) {
                    report(`${where} sets runAsGroup to ${describeType(runAsGroup)}, not a gid: set runAsGroup to a non-root gid such as 1000.`);
                } else if (runAsGroup !== undefined && integer(runAsGroup) === 0) {
                    report(`${where} runs in the root group (runAsGroup: 0): set runAsGroup to a non-root gid such as 1000.`);
                }
            }
            if (patch && runAsNonRoot === undefined && runAsUser === undefined) {
                return;
            }
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
                if (patch && runAsNonRoot === undefined) {
                    return;
                }
            }
            if (bool(runAsNonRoot) !== true) {
                const what = runAsNonRoot === undefined ? "does not set securityContext.runAsNonRoot"
                    : bool(runAsNonRoot) === false ? "sets securityContext.runAsNonRoot: false" : `sets securityContext.runAsNonRoot to ${describeType(runAsNonRoot)}, not a boolean,`;
                report(runAsUser === undefined
                    ? `${where} may run as root: set securityContext.runAsNonRoot: true or runAsUser to a non-root uid such as 1000.`
                    : `${where} ${what}: set securityContext.runAsNonRoot: true on the pod or the container.`);
            }
        });
    },
});
