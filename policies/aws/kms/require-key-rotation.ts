import { resourcePolicy } from "../../lib/define";
import { bool, describeType, given, integer, isDeclared, text } from "../../lib/values";

export default resourcePolicy({
    name: "aws-kms-require-key-rotation",
    description: "Symmetric KMS keys rotate their key material automatically, at least every configured number of days.",
    priority: "P1",
    severity: "medium",
    checklist: ["003.security.data-encryption", "004.environment-configuration.secret-rotation-policy"],
    remediationSteps: "Set enableKeyRotation: true and rotationPeriodInDays to 365 or less.",
    tags: ["encryption"],
    config: {
        maximumRotationDays: {
            type: "integer",
            minimum: 90,
            maximum: 2560,
            default: 365,
            description: "Longest rotation period accepted. Default 365: KMS's yearly rotation; 004 asks for a rotation policy without a period.",
        },
    },
    resourceTypes: ["aws:kms/key:Key"],
    validate: ({ name, props }, config, report) => {
        // Only symmetric encryption keys can rotate automatically; asymmetric and HMAC keys cannot.
        const spec = text(given(props.customerMasterKeySpec)) ?? "SYMMETRIC_DEFAULT";
        const usage = text(given(props.keyUsage)) ?? "ENCRYPT_DECRYPT";
        if (spec !== "SYMMETRIC_DEFAULT" || usage !== "ENCRYPT_DECRYPT" || isDeclared(props, "customKeyStoreId")) {
            return;
        }
        const where = `KMS key '${name}'`;
        if (bool(props.enableKeyRotation) !== true) {
            report(`${where} does not rotate its key material (enableKeyRotation is ${given(props.enableKeyRotation) === undefined ? "unset, default false" : bool(props.enableKeyRotation) === false ? "false" : describeType(props.enableKeyRotation)}): set enableKeyRotation: true.`);
            return;
        }
        const period = given(props.rotationPeriodInDays);
        if (period === undefined) {
            // AWS's default period is 365 days.
            if (config.maximumRotationDays < 365) {
                report(`${where} rotates every 365 days (rotationPeriodInDays unset), above the maximum ${config.maximumRotationDays}: set rotationPeriodInDays to ${config.maximumRotationDays} or less.`);
            }
            return;
        }
        const days = integer(period);
        if (days === undefined) {
            report(`${where} sets rotationPeriodInDays to ${describeType(period)}, not a number of days: set it to ${config.maximumRotationDays} or less.`);
        } else if (days > config.maximumRotationDays) {
            report(`${where} rotates every ${days} days, above the maximum ${config.maximumRotationDays}: set rotationPeriodInDays to ${config.maximumRotationDays} or less.`);
        }
    },
});
