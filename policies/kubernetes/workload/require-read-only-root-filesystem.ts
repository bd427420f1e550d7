import { isPatch } from "../../lib/kubernetes";
import { requireSwitch } from "../../lib/checks";
import { podPolicy } from "../../lib/pod-policy";

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
        requireSwitch(setting, {
            where,
            property: "securityContext.readOnlyRootFilesystem",
            required: true,
            omission: "absent",
            wrong: "has a writable root filesystem (readOnlyRootFilesystem: false)",
            fix: "set it to true and mount an emptyDir where it must write",
        }, report);
    },
});
