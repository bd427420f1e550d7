import { requireTrue } from "../../lib/aws";
import { resourcePolicy } from "../../lib/define";

export default resourcePolicy({
    name: "aws-dynamodb-require-deletion-protection",
    description: "DynamoDB tables have deletion protection on.",
    priority: "P1",
    severity: "high",
    checklist: ["002.database-setup.production-database", "002.compliance-verification.backup-security"],
    remediationSteps: "Set deletionProtectionEnabled: true.",
    tags: ["data-protection"],
    resourceTypes: ["aws:dynamodb/table:Table"],
    validate: ({ name, props }, _config, report) => {
        requireTrue(props.deletionProtectionEnabled, `DynamoDB table '${name}'`, "deletionProtectionEnabled", "which AWS leaves off", "set deletionProtectionEnabled: true", report);
    },
});
