import { resourcePolicy } from "../../lib/define";
import { describeType, given, text } from "../../lib/values";

export default resourcePolicy({
    name: "aws-ecr-require-immutable-tags",
    description: "ECR repositories make image tags immutable, so a deployed version tag always names the same image and a rollback redeploys it.",
    priority: "P1",
    severity: "medium",
    checklist: ["004.rollback-preparation.previous-version-available", "003.infrastructure.container-registry"],
    remediationSteps: "Set imageTagMutability: \"IMMUTABLE\" (or \"IMMUTABLE_WITH_EXCLUSION\" with exclusions for moving tags such as latest).",
    tags: ["deployment"],
    resourceTypes: ["aws:ecr/repository:Repository"],
    validate: ({ name, props }, _config, report) => {
        const where = `ECR repository '${name}'`;
        const value = given(props.imageTagMutability);
        const mode = text(value);
        if (value === undefined) {
            report(`${where} omits imageTagMutability, which AWS sets to MUTABLE: set imageTagMutability: "IMMUTABLE".`);
        } else if (mode === undefined) {
            report(`${where} sets imageTagMutability to ${describeType(value)}: set it to "IMMUTABLE".`);
        } else if (!mode.startsWith("IMMUTABLE")) {
            report(`${where} lets tags be overwritten (${mode}): set imageTagMutability: "IMMUTABLE".`);
        }
    },
});
