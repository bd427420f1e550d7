import { resourcePolicy } from "../../lib/define";
import { Parts } from "../../lib/unknowns";
import { at, describeType, given, isRecord, showSetting, text } from "../../lib/values";

/** The encryption options Athena offers for query results in S3. */
const OPTIONS = ["SSE_S3", "SSE_KMS", "CSE_KMS"];

export default resourcePolicy({
    name: "aws-athena-require-result-encryption",
    description: "Athena workgroups encrypt the query results they write to S3 (configuration.resultConfiguration.encryptionConfiguration) and enforce that setting on every query (configuration.enforceWorkgroupConfiguration not false), or keep results in Athena's managed storage, which is always encrypted.",
    priority: "P0",
    severity: "high",
    checklist: ["004.data-security.encryption-at-rest", "003.security.data-encryption"],
    remediationSteps: "Set configuration.resultConfiguration.encryptionConfiguration: { encryptionOption: \"SSE_KMS\", kmsKeyArn: <key ARN> } (or SSE_S3) and leave configuration.enforceWorkgroupConfiguration true, so clients cannot write results unencrypted.",
    tags: ["encryption"],
    resourceTypes: ["aws:athena/workgroup:Workgroup"],
    validate: ({ name, props }, _config, report) => {
        const where = `Athena workgroup '${name}'`;
        const configuration = given(props.configuration);
        if (configuration !== undefined && !isRecord(configuration)) {
            report(`${where} sets configuration to ${describeType(configuration)}, not a block: set configuration.resultConfiguration.encryptionConfiguration.`);
            return;
        }
        const parts = new Parts(report);
        parts.judge(() => {
            // Query results kept in Athena's managed storage are encrypted by Athena itself.
            const managed = given(at(configuration, "managedQueryResultsConfiguration", "enabled"));
            if (managed === true || managed === "true") {
                return;
            }
            const option = given(at(configuration, "resultConfiguration", "encryptionConfiguration", "encryptionOption"));
            const fix = "set configuration.resultConfiguration.encryptionConfiguration: { encryptionOption: \"SSE_KMS\" } (or SSE_S3, CSE_KMS)";
            if (option === undefined) {
                parts.report(`${where} sets no configuration.resultConfiguration.encryptionConfiguration, so Athena writes query results to S3 unencrypted: ${fix}.`);
            } else if (!OPTIONS.includes(text(option) ?? "")) {
                parts.report(`${where} sets encryptionOption ${showSetting(option)}, not one of ${OPTIONS.join(", ")}: ${fix}.`);
            }
        });
        parts.judge(() => {
            const enforce = given(at(configuration, "enforceWorkgroupConfiguration"));
            if (enforce === false || enforce === "false") {
                parts.report(`${where} sets configuration.enforceWorkgroupConfiguration to false, so a client may override the result encryption and write results unencrypted: set it to true.`);
            }
        });
        parts.settle();
    },
});
