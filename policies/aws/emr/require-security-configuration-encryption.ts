import { resourcePolicy } from "../../lib/define";
import { at, describeType, given, isRecord } from "../../lib/values";

/** A JSON switch as EMR reads it: true, or the string "true". */
function on(value: unknown): boolean {
    return value === true || (typeof value === "string" && value.trim().toLowerCase() === "true");
}

export default resourcePolicy({
    name: "aws-emr-require-security-configuration-encryption",
    description: "EMR security configurations encrypt data at rest (EnableAtRestEncryption, with a LocalDiskEncryptionConfiguration for the cluster's local and EBS volumes) and in transit (EnableInTransitEncryption) in their EncryptionConfiguration; EMR encrypts neither unless the security configuration turns it on.",
    priority: "P0",
    severity: "high",
    checklist: ["004.data-security.encryption-at-rest", "004.data-security.encryption-in-transit", "003.security.data-encryption"],
    remediationSteps: "In the configuration JSON set EncryptionConfiguration.EnableAtRestEncryption: true with AtRestEncryptionConfiguration.LocalDiskEncryptionConfiguration (EncryptionKeyProviderType \"AwsKms\" and AwsKmsKey), and EnableInTransitEncryption: true with an InTransitEncryptionConfiguration holding the TLS certificates.",
    tags: ["encryption"],
    resourceTypes: ["aws:emr/securityConfiguration:SecurityConfiguration"],
    validate: ({ name, props }, _config, report) => {
        const where = `EMR security configuration '${name}'`;
        let parsed: unknown = props.configuration;
        if (typeof parsed === "string") {
            try {
                parsed = JSON.parse(parsed);
            } catch {
                report(`${where}: its configuration is not valid JSON, so its encryption cannot be checked: set configuration to a JSON security configuration (pulumi.jsonStringify({ EncryptionConfiguration: ... })).`);
                return;
            }
        }
        if (!isRecord(parsed)) {
            report(`${where} sets configuration to ${describeType(given(parsed))}, not a security configuration document: set EncryptionConfiguration with at-rest and in-transit encryption.`);
            return;
        }
        const encryption = parsed.EncryptionConfiguration;
        if (!on(at(encryption, "EnableAtRestEncryption"))) {
            report(`${where} does not set EncryptionConfiguration.EnableAtRestEncryption to true, so EMR leaves the cluster's data at rest unencrypted: set it to true with an AtRestEncryptionConfiguration.`);
        } else if (!isRecord(at(encryption, "AtRestEncryptionConfiguration", "LocalDiskEncryptionConfiguration"))) {
            report(`${where} turns at-rest encryption on without AtRestEncryptionConfiguration.LocalDiskEncryptionConfiguration, so the cluster's local and EBS volumes are not encrypted: add it (EncryptionKeyProviderType "AwsKms" with AwsKmsKey).`);
        }
        if (!on(at(encryption, "EnableInTransitEncryption"))) {
            report(`${where} does not set EncryptionConfiguration.EnableInTransitEncryption to true, so EMR sends data between nodes and to S3 without TLS: set it to true with an InTransitEncryptionConfiguration.`);
        }
    },
});
