import { resourcePolicy } from "../../lib/define";
import { describeType, given, text } from "../../lib/values";

export default resourcePolicy({
    name: "aws-ssm-require-secure-string",
    description: "SSM parameters whose name says they hold a secret (password, token, secret, API key, private key...) are SecureString, encrypted with KMS.",
    priority: "P0",
    severity: "high",
    checklist: ["003.configuration.secrets-in-secret-manager", "004.environment-configuration.secrets-management", "000.authentication-security.api-key-in-secret-manager"],
    remediationSteps: "Set type: \"SecureString\" (and keyId for a customer managed key), or keep the secret in AWS Secrets Manager.",
    tags: ["secrets-identity"],
    config: {
        secretWords: {
            type: "array",
            items: { type: "string", minLength: 3 },
            default: ["password", "passwd", "passphrase", "secret", "token", "apikey", "privatekey", "accesskey", "credential", "signingkey", "encryptionkey", "masterkey"],
            description: "Words that mark a parameter name as a secret, matched without regard to case, '-', '_', '.' or '/'. Default: the secret names of 000, 002 and 004 (API keys, JWT and encryption secrets, passwords).",
        },
    },
    resourceTypes: ["aws:ssm/parameter:Parameter"],
    validate: ({ name, props }, config, report) => {
        // A SecureString passes whatever its name, which is read only for the other types.
        if (props.type === "SecureString") {
            return;
        }
        // Without an explicit name, Pulumi names the parameter after the resource.
        const parameterName = text(given(props.name)) ?? name;
        const squashed = parameterName.toLowerCase().replace(/[-_./\s]/g, "");
        const word = config.secretWords.find((w) => squashed.includes(w.toLowerCase().replace(/[-_./\s]/g, "")));
        if (!word) {
            return;
        }
        const type = props.type;
        if (type !== "SecureString") {
            const current = typeof type === "string" ? `'${type}'` : describeType(type);
            report(`SSM parameter '${name}' (${parameterName}) looks like a secret (its name contains '${word}') but its type is ${current}, stored in plain text: set type: "SecureString".`);
        }
    },
});
