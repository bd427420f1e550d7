import { resourcePolicy } from "../../lib/define";
import { isSet } from "../../lib/edge";
import { Parts, someItem } from "../../lib/unknowns";
import { describeType, given, record, text } from "../../lib/values";

export default resourcePolicy({
    name: "aws-eks-require-secrets-encryption",
    description: "EKS clusters envelope-encrypt Kubernetes secrets with a customer managed KMS key: encryptionConfig lists \"secrets\" in resources and names a key in provider.keyArn. On Kubernetes 1.28 and later EKS already envelope-encrypts all API data with an AWS owned key; a key of your own adds key policy, rotation and CloudTrail records of every decryption, and on older versions it is the only envelope encryption secrets get.",
    priority: "P1",
    severity: "medium",
    checklist: ["003.security.data-encryption", "004.data-security.encryption-at-rest"],
    remediationSteps: "Set encryptionConfig: { resources: [\"secrets\"], provider: { keyArn: <aws.kms.Key arn> } } on the cluster, with a symmetric key in the cluster's region whose policy lets the cluster role use it.",
    tags: ["encryption"],
    resourceTypes: ["aws:eks/cluster:Cluster"],
    validate: ({ name, props }, _config, report) => {
        const where = `EKS cluster '${name}'`;
        const fix = "set encryptionConfig: { resources: [\"secrets\"], provider: { keyArn: <KMS key arn> } }";
        const config = given(props.encryptionConfig);
        if (config === undefined) {
            report(`${where} declares no encryptionConfig, so its secrets are not encrypted with a key you control: ${fix}.`);
            return;
        }
        const settings = record(config);
        if (!settings) {
            report(`${where} sets encryptionConfig to ${describeType(config)}: ${fix}.`);
            return;
        }
        // What is encrypted and with which key apart: one unknown during preview hides no violation of the other.
        const parts = new Parts(report);
        parts.judge(() => {
            if (!someItem(settings.resources, (r) => text(r)?.trim().toLowerCase() === "secrets")) {
                parts.report(`${where} does not list "secrets" in encryptionConfig.resources: add "secrets" (${fix}).`);
            }
        });
        // The key ARN is usually another resource's output, unknown during preview: only its presence is judged.
        parts.judge(() => {
            const provider = record(given(settings.provider));
            if (!isSet(provider, "keyArn")) {
                parts.report(`${where} names no KMS key in encryptionConfig.provider.keyArn: set it to the arn of a symmetric aws.kms.Key.`);
            }
        });
        parts.settle();
    },
});
