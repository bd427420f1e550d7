import { resourcePolicy } from "../../lib/define";
import { allowedWorkloadsSetting, eachContainer, isPatch, isPodTemplateType, POD_WORKLOAD_TYPES, unlessWorkloadListed } from "../../lib/kubernetes";
import { bool, describeType } from "../../lib/values";

export default resourcePolicy({
    name: "kubernetes-workload-require-read-only-root-filesystem",
    description: "Every container mounts its root filesystem read-only; writable paths are explicit volumes.",
    priority: "P1",
    severity: "medium",
    checklist: ["003.security.container-security"],
    remediationSteps: "Set securityContext.readOnlyRootFilesystem: true on every container and mount an emptyDir volume where the process must write (/tmp, caches).",
    tags: ["workload-security"],
    config: {
        allowedWorkloads: allowedWorkloadsSetting("Workloads allowed a writable root filesystem, as globs on `namespace/name` or `name`. Default none: 003 asks for a read-only filesystem where possible, and an emptyDir makes it possible for most services."),
    },
    resourceTypes: POD_WORKLOAD_TYPES,
    appliesTo: isPodTemplateType,
    validate: (resource, config, report) => {
        unlessWorkloadListed(config.allowedWorkloads, resource, report, (report) => eachContainer(resource, report, (view, where, report) => {
            const setting = view.securityContext.readOnlyRootFilesystem;
            if (setting === undefined) {
                if (!isPatch(resource.type)) {
                    report(`${where} does not set securityContext.readOnlyRootFilesystem, so its root filesystem is writable: set it to true and mount an emptyDir where it must write.`);
                }
                return;
            }
            const value = bool(setting);
            if (value === undefined) {
                report(`${where} sets securityContext.readOnlyRootFilesystem to ${describeType(setting)}, not a boolean: set it to true.`);
            } else if (!value) {
                report(`${where} has a writable root filesystem (readOnlyRootFilesystem: false): set it to true and mount an emptyDir where it must write.`);
            }
        }));
    },
});
