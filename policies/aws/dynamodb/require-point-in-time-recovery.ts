import { resourcePolicy } from "../../lib/define";
import { bool, describeType, given, record } from "../../lib/values";

export default resourcePolicy({
    name: "aws-dynamodb-require-point-in-time-recovery",
    description: "DynamoDB tables have point-in-time recovery enabled (continuous backups, 35 days).",
    priority: "P0",
    severity: "high",
    checklist: ["003.backup-disaster-recovery.backup-strategy", "003.backup-disaster-recovery.backup-retention", "002.database-setup.database-backups"],
    remediationSteps: "Set pointInTimeRecovery: { enabled: true } on the table.",
    tags: ["data-protection"],
    resourceTypes: ["aws:dynamodb/table:Table"],
    validate: ({ name, props }, _config, report) => {
        const pitr = given(props.pointInTimeRecovery);
        if (pitr === undefined) {
            report(`DynamoDB table '${name}' omits pointInTimeRecovery, which AWS leaves off: set pointInTimeRecovery: { enabled: true }.`);
            return;
        }
        const settings = record(pitr);
        if (!settings) {
            report(`DynamoDB table '${name}' sets pointInTimeRecovery to ${describeType(pitr)}, not an object: set pointInTimeRecovery: { enabled: true }.`);
            return;
        }
        if (bool(settings.enabled) !== true) {
            report(`DynamoDB table '${name}' has point-in-time recovery off: set pointInTimeRecovery.enabled to true.`);
        }
    },
});
