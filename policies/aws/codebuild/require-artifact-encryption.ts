import { resourcePolicy } from "../../lib/define";
import { judgeItems, Parts } from "../../lib/unknowns";
import { given, record, text } from "../../lib/values";

export default resourcePolicy({
    name: "aws-codebuild-require-artifact-encryption",
    description: "CodeBuild projects encrypt their build artifacts, the primary ones and every secondary artifact: encryptionDisabled is not true. CodeBuild encrypts artifacts with the project's KMS key unless a program turns it off.",
    priority: "P0",
    severity: "high",
    checklist: ["004.data-security.encryption-at-rest", "003.security.data-encryption"],
    remediationSteps: "Remove encryptionDisabled (or set it to false) from artifacts and every secondaryArtifacts entry; set encryptionKey to a customer-managed KMS key to choose the key.",
    tags: ["encryption"],
    resourceTypes: ["aws:codebuild/project:Project"],
    validate: ({ name, props }, _config, report) => {
        const where = `CodeBuild project '${name}'`;
        const judge = (artifact: unknown, what: string, report: (message: string) => void) => {
            const disabled = given(record(artifact)?.encryptionDisabled);
            // Artifacts of type NO_ARTIFACTS are not written anywhere.
            if ((disabled === true || disabled === "true") && text(record(artifact)?.type) !== "NO_ARTIFACTS") {
                report(`${where} sets ${what}.encryptionDisabled to true, so its build artifacts are stored unencrypted: remove encryptionDisabled or set it to false.`);
            }
        };
        // The primary and each secondary artifact apart: one unknown during preview hides no other.
        const parts = new Parts(report);
        parts.judge(() => judge(props.artifacts, "artifacts", parts.report));
        parts.judge(() => judgeItems(props.secondaryArtifacts, parts.report, (artifact, i, report) => judge(artifact, `secondaryArtifacts[${i}]`, report)));
        parts.settle();
    },
});
