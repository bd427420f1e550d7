import { eachContainer } from "../../lib/aws";
import { resourcePolicy } from "../../lib/define";
import { describeSetting, text } from "../../lib/values";

/** The tag of an image reference; "" when it has none; undefined when pinned by digest. */
function tagOf(image: string): string | undefined {
    if (image.includes("@")) {
        return undefined;
    }
    const last = image.slice(image.lastIndexOf("/") + 1);
    const colon = last.indexOf(":");
    return colon < 0 ? "" : last.slice(colon + 1);
}

export default resourcePolicy({
    name: "aws-ecs-require-pinned-image",
    description: "Containers of ECS task definitions run a pinned image (a version tag or a digest), never latest or untagged, so a rollback redeploys the same bits.",
    priority: "P1",
    severity: "medium",
    checklist: ["004.rollback-preparation.previous-version-available"],
    remediationSteps: "Set image to a version tag (api:1.4.2) or a digest (api@sha256:...), not latest.",
    tags: ["deployment"],
    config: {
        disallowedTags: {
            type: "array",
            items: { type: "string" },
            default: ["latest"],
            description: "Tags that move. Default latest: 004 asks for the previous image to stay tagged and available for rollback.",
        },
    },
    resourceTypes: ["aws:ecs/taskDefinition:TaskDefinition"],
    validate: ({ name, props }, config, report) => {
        eachContainer(name, props, report, (container, where) => {
            const image = text(container.image);
            if (!image) {
                report(`${where} ${describeSetting("image", container.image)}: set image to a version tag or digest.`);
                return;
            }
            const tag = tagOf(image);
            if (tag === "") {
                report(`${where} runs an untagged image, which means latest: pin a version tag (name:1.4.2) or a digest (name@sha256:...).`);
            } else if (tag !== undefined && config.disallowedTags.includes(tag)) {
                report(`${where} runs the moving tag "${tag}": pin a version tag (name:1.4.2) or a digest (name@sha256:...).`);
            }
        });
    },
});
