import { resourcePolicy } from "../../lib/define";
import { judgeOpenResourcePolicy } from "../../lib/policy-documents";
import { given } from "../../lib/values";

const KEY = "aws:kms/key:Key";
const KEY_POLICY = "aws:kms/keyPolicy:KeyPolicy";

export default resourcePolicy({
    name: "aws-kms-restrict-key-policy",
    description: "KMS key policies (on aws.kms.Key and aws.kms.KeyPolicy) grant nothing to every principal: no Allow statement for Principal \"*\", Principal { AWS: \"*\" } or with NotPrincipal without a Condition.",
    priority: "P0",
    severity: "critical",
    checklist: ["003.security.least-privilege"],
    remediationSteps: "Name the principals in each Allow statement (the account root, roles, or services), or narrow a wildcard principal with a Condition such as kms:CallerAccount, kms:ViaService or aws:PrincipalOrgID.",
    tags: ["secrets-identity"],
    resourceTypes: [KEY, KEY_POLICY],
    validate: ({ type, name, props }, _config, report) => {
        const where = type === KEY ? `KMS key '${name}'` : `KMS key policy '${name}'`;
        // A key declared without a policy gets the default key policy, which trusts the account only.
        if (type === KEY && given(props.policy) === undefined) {
            return;
        }
        judgeOpenResourcePolicy(props.policy, {
            unreadable: (why) => `${where}: its key policy (policy) ${why}, so who may use the key cannot be checked: set policy to a valid key policy document.`,
            open: (number, everyone) => `${where} policy statement #${number} allows ${everyone} without a Condition, so any AWS principal may use or manage the key: name the principals, or add a Condition such as kms:CallerAccount or aws:PrincipalOrgID.`,
        }, report);
    },
});
