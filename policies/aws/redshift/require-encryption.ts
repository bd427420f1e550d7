import { requireTrue } from "../../lib/checks";
import { resourcePolicy } from "../../lib/define";

export default resourcePolicy({
    name: "aws-redshift-require-encryption",
    description: "Redshift clusters encrypt their data, snapshots and backups at rest. Omitting `encrypted` passes: Redshift encrypts new clusters by default (the provider's default is \"true\").",
    priority: "P0",
    severity: "high",
    checklist: ["004.data-security.encryption-at-rest", "003.security.data-encryption", "004.database-backups.backups-encrypted"],
    remediationSteps: "Remove encrypted or set it to \"true\" (and kmsKeyId for a customer managed key).",
    tags: ["encryption"],
    resourceTypes: ["aws:redshift/cluster:Cluster"],
    validate: ({ name, props }, _config, report) => {
        // `encrypted` is a string in the provider ("true" / "false"); requireTrue reads both forms.
        requireTrue(props.encrypted, `Redshift cluster '${name}'`, "encrypted", undefined, "set encrypted: \"true\"", report);
    },
});
