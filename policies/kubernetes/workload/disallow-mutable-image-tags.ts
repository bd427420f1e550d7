import { isPatch, parseImage } from "../../lib/kubernetes";
import { podPolicy } from "../../lib/pod-policy";
import { describeSetting, text } from "../../lib/values";

export default podPolicy({
    name: "kubernetes-workload-disallow-mutable-image-tags",
    description: "Every container image is pinned: a version tag other than latest, or a digest.",
    priority: "P1",
    severity: "medium",
    checklist: ["004.rollback-preparation.previous-version-available"],
    remediationSteps: "Reference images by an immutable version tag (app:2.7.1) or by digest (app@sha256:...), never :latest or untagged.",
    tags: ["deployment"],
    config: {
        requireDigest: {
            type: "boolean",
            default: false,
            description: "Require a digest (@sha256:...) on every image. Default false: 004 asks for previous images tagged and available for rollback, which a version tag gives; a digest also guards against a re-pushed tag.",
        },
    },
    validateContainer: ({ view, where, pod }, config, report) => {
        const raw = view.container.image;
        if (raw === undefined) {
            if (!isPatch(pod.type)) {
                report(`${where} sets no image: set image to a versioned tag or a digest.`);
            }
            return;
        }
        const image = text(raw);
        if (image === undefined || image.trim() === "") {
            report(`${where} ${describeSetting("image", raw)}, not an image reference: set it to a versioned tag or a digest.`);
            return;
        }
        const { tag, digest } = parseImage(image.trim());
        if (digest !== undefined) {
            return; // the digest is what the kubelet pulls, whatever the tag says
        }
        if (config.requireDigest) {
            report(`${where} uses image ${image} without a digest: reference it by digest (${image.split(":")[0]}@sha256:...).`);
        } else if (tag === undefined) {
            report(`${where} uses untagged image ${image}, which pulls :latest: pin a version tag or a digest.`);
        } else if (tag === "latest") {
            report(`${where} uses mutable tag :latest (${image}): pin a version tag or a digest.`);
        }
    },
});
