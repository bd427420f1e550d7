import { podPolicy } from "../../lib/pod-policy";
import { attempt, judgeItems, knownOr } from "../../lib/unknowns";
import { at, describeType, record, text } from "../../lib/values";

// "/var/log" allows "/var/log" and "/var/log/app", not "/var/logs".
function under(path: string, prefix: string): boolean {
    const base = prefix.replace(/\/+$/, "");
    return path === base || path.startsWith(`${base}/`);
}

export default podPolicy({
    name: "kubernetes-workload-disallow-host-path-volumes",
    description: "Pods mount no hostPath volume: a hostPath exposes the node's filesystem to the container.",
    priority: "P0",
    severity: "high",
    checklist: ["003.security.container-security", "003.security.least-privilege"],
    remediationSteps: "Replace the hostPath volume with an emptyDir, a ConfigMap or Secret, or a PersistentVolumeClaim.",
    tags: ["workload-security"],
    config: {
        allowedHostPaths: {
            type: "array",
            items: { type: "string" },
            default: [],
            description: "Host paths (and what lies under them) a pod may mount. Default none: Pod Security Standards baseline forbids hostPath volumes.",
        },
    },
    validatePod: ({ spec, workload }, config, report) => {
        // Each volume on its own: one unknown during preview hides no hostPath of another.
        judgeItems(spec.volumes, report, (item, index, report) => {
            const volume = record(item);
            const hostPath = volume?.hostPath;
            if (hostPath === undefined) {
                return;
            }
            // The name only names the volume in the message: its position stands in while it is unknown.
            const volumeName = knownOr(() => text(volume?.name), `#${index}`) ?? "unnamed";
            const raw = attempt(() => at(hostPath, "path"));
            if (raw.unknown !== undefined) {
                // With no path allowed, any hostPath is a violation: the path unknown during preview decides nothing.
                if (config.allowedHostPaths.length > 0) {
                    throw raw.unknown;
                }
                report(`${workload} mounts a directory of the node as hostPath volume '${volumeName}': use an emptyDir, ConfigMap, Secret or PersistentVolumeClaim instead.`);
                return;
            }
            const path = text(raw.value);
            if (path === undefined) {
                report(`${workload} mounts hostPath volume '${volumeName}' with a path that is ${describeType(raw.value)}: use an emptyDir, ConfigMap, Secret or PersistentVolumeClaim.`);
            } else if (!config.allowedHostPaths.some((prefix) => under(path, prefix))) {
                report(`${workload} mounts the node's ${path} as hostPath volume '${volumeName}': use an emptyDir, ConfigMap, Secret or PersistentVolumeClaim instead.`);
            }
        });
    },
});
