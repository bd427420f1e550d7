import { matchGlob } from "../../lib/globs";
import { parseImage } from "../../lib/kubernetes";
import { podPolicy } from "../../lib/pod-policy";
import { describeType, text } from "../../lib/values";

export default podPolicy({
    name: "kubernetes-workload-require-image-pull-policy",
    description: "Containers whose image is not pinned by digest pull it on every start (imagePullPolicy: Always), so a re-pushed tag never leaves nodes running different builds.",
    priority: "P2",
    severity: "low",
    checklist: ["004.rollback-preparation.previous-version-available"],
    remediationSteps: "Reference the image by digest (app@sha256:...), or set imagePullPolicy: Always on the container.",
    tags: ["deployment"],
    config: {
        immutableImages: {
            type: "array",
            items: { type: "string" },
            default: [],
            description: "Globs over image references whose tags cannot be re-pushed (a registry with tag immutability, e.g. `123456789012.dkr.ecr.*.amazonaws.com/*`); they may use IfNotPresent. Default none: 004 asks that the tagged previous image be the one rolled back to, which only a digest or a fresh pull guarantees on a mutable tag.",
        },
    },
    validateContainer: ({ view, where, pod }, config, report) => {
        const image = text(view.container.image)?.trim();
        if (!image) {
            return; // kubernetes-workload-disallow-mutable-image-tags reports a missing image
        }
        const { tag, digest } = parseImage(image);
        if (digest !== undefined || config.immutableImages.some((pattern) => matchGlob(image, pattern))) {
            return;
        }
        const raw = view.container.imagePullPolicy;
        if (raw === undefined) {
            // The API server defaults to Always for :latest and untagged images, else IfNotPresent.
            if (tag !== undefined && tag !== "latest" && !pod.type.endsWith("Patch")) {
                report(`${where} omits imagePullPolicy, so Kubernetes uses IfNotPresent for ${image} and a node keeps whatever build it first pulled under that tag: pin the image by digest or set imagePullPolicy: Always.`);
            }
            return;
        }
        const policy = text(raw);
        if (policy === undefined) {
            report(`${where} sets imagePullPolicy to ${describeType(raw)}, not a string: set imagePullPolicy: Always, or pin the image by digest.`);
        } else if (policy !== "Always") {
            report(`${where} sets imagePullPolicy: ${policy} on ${image}, a tag that can be re-pushed: pin the image by digest or set imagePullPolicy: Always.`);
        }
    },
});
