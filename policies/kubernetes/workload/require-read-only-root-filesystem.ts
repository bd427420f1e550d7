import { isPatch } from "../../lib/kubernetes";
import { podPolicy } from "../../lib/pod-policy";
import { bool, describeType } from "../../lib/values";

export default podPolicy({
    name: "kubernetes-workload-require-read-only-root-filesystem",
    description: "Every container mounts its root filesystem read-only; writable paths are explicit volumes.",
    priority: "P1",
    severity: "medium",
    checklist: ["003.security.container-security"],
    remediationSteps: "Set securityContext.readOnlyRootFilesystem: true on every container and mount an emptyDir volume where the process must write (/tmp, caches).",
    tags: ["workload-security"],
    allowedWorkloads: "Workloads allowed a writable root filesystem, as globs on `namespace/name` or `name`. Default none: 003 asks for a read-only filesystem where possible, and an emptyDir makes it possible for most services.",
    validateContainer: ({ view, where, pod }, _config, report) => {
        const setting = view.securityContext.readOnlyRootFilesystem;
        if (setting === undefined) {
            if (!isPatch(pod.type)) {
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
    },
});
