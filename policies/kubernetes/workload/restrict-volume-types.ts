import { podPolicy } from "../../lib/pod-policy";
import { judgeItems, knownOr } from "../../lib/unknowns";
import { describeType, isRecord, text } from "../../lib/values";

/** The volume types Pod Security Standards restricted allows. */
const RESTRICTED_VOLUME_TYPES = ["configMap", "csi", "downwardAPI", "emptyDir", "ephemeral", "persistentVolumeClaim", "projected", "secret"];

export default podPolicy({
    name: "kubernetes-workload-restrict-volume-types",
    description: "Pods mount only volume types that go through Kubernetes' own storage APIs (configMap, csi, downwardAPI, emptyDir, ephemeral, persistentVolumeClaim, projected, secret), not node paths or in-tree network storage.",
    priority: "P2",
    severity: "medium",
    checklist: ["003.security.container-security"],
    remediationSteps: "Replace the volume with a persistentVolumeClaim (its PersistentVolume may use any driver), a CSI or ephemeral volume, or a configMap/secret/projected volume.",
    tags: ["workload-security"],
    config: {
        allowedVolumeTypes: {
            type: "array",
            items: { type: "string" },
            default: RESTRICTED_VOLUME_TYPES,
            description: "Volume source fields a pod may use. Default the list of Pod Security Standards restricted: 003 asks for hardened containers, and other sources (hostPath, nfs, iscsi, gitRepo, ...) reach the node or bypass storage access control.",
        },
    },
    validatePod: ({ spec, workload }, config, report) => {
        // Each volume on its own: one unknown during preview hides no other. Of a volume, only which
        // sources it sets decides, not what they hold (a Secret's name may be unknown during preview).
        judgeItems(spec.volumes, report, (volume, index, report) => {
            if (!isRecord(volume)) {
                report(`volumes[${index}] of ${workload} is ${describeType(volume)}, not a volume: remove it.`);
                return;
            }
            const volumeName = knownOr(() => text(volume.name), undefined) ?? `#${index}`;
            const sources = Object.keys(volume).filter((key) => {
                const value = Object.getOwnPropertyDescriptor(volume, key)?.value;
                return key !== "name" && value !== undefined && value !== null;
            });
            for (const source of sources.filter((key) => !config.allowedVolumeTypes.includes(key))) {
                report(`volume '${volumeName}' of ${workload} is a ${source} volume: use one of ${config.allowedVolumeTypes.join(", ")} (a persistentVolumeClaim for other storage).`);
            }
        });
    },
});
