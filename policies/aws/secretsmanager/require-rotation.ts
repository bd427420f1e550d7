import type { PolicyResource } from "@pulumi/policy";
import { indexLinks, linkJudge, ofTypes } from "../../lib/aws";
import { stackPolicy } from "../../lib/define";
import { bool, describeSetting, describeType, given, integer, record, text } from "../../lib/values";

const SECRET = "aws:secretsmanager/secret:Secret";
const ROTATION = "aws:secretsmanager/secretRotation:SecretRotation";

/** The period of a `rate(N days)` / `rate(N hours)` schedule in days; undefined for cron schedules. */
export function rateDays(expression: string): number | undefined {
    const match = /^rate\(\s*(\d+)\s+(day|days|hour|hours)\s*\)$/.exec(expression.trim());
    if (!match) {
        return undefined;
    }
    const n = Number(match[1]);
    return match[2].startsWith("hour") ? n / 24 : n;
}

function rotationProblem(rotation: PolicyResource, maximum: number): string | undefined {
    const props = rotation.props;
    if (given(props.rotationEnabled) !== undefined && bool(props.rotationEnabled) === false) {
        return "turns rotation off (rotationEnabled: false): remove rotationEnabled or set it to true";
    }
    const rules = record(props.rotationRules);
    if (!rules) {
        return `${describeSetting("rotationRules", props.rotationRules)}: set rotationRules.automaticallyAfterDays to ${maximum} or less`;
    }
    const days = given(rules.automaticallyAfterDays);
    if (days !== undefined) {
        const n = integer(days);
        if (n === undefined) {
            return `sets rotationRules.automaticallyAfterDays to ${describeType(days)}: set it to ${maximum} or less`;
        }
        return n > maximum ? `rotates every ${n} days, above the maximum ${maximum}: set rotationRules.automaticallyAfterDays to ${maximum} or less` : undefined;
    }
    const schedule = text(given(rules.scheduleExpression));
    if (schedule === undefined) {
        return `sets neither rotationRules.automaticallyAfterDays nor scheduleExpression: set automaticallyAfterDays to ${maximum} or less`;
    }
    const period = rateDays(schedule);
    return period !== undefined && period > maximum ? `rotates on ${schedule}, less often than every ${maximum} days: shorten the schedule` : undefined;
}

export default stackPolicy({
    name: "aws-secretsmanager-require-rotation",
    description: "Every Secrets Manager secret has a rotation schedule of at most 30 days (monthly, as 003's maintenance list asks; a rotation every 90 days, 000's and 001's figure, is accepted when maximumDays is 90).",
    priority: "P1",
    severity: "medium",
    checklist: ["000.authentication-security.api-key-rotation", "001.authentication-security.api-key-rotation", "003.security.secrets-rotation", "004.environment-configuration.secret-rotation-policy", "003.monthly.rotate-secrets"],
    remediationSteps: "Declare an aws.secretsmanager.SecretRotation for the secret (secretId: the secret's id, rotationLambdaArn: the rotation function) with rotationRules.automaticallyAfterDays 30 or less.",
    tags: ["secrets-identity"],
    config: {
        maximumDays: {
            type: "integer",
            minimum: 1,
            maximum: 1000,
            default: 30,
            description: "Longest rotation period accepted, in days. Default 30: 003 rotates secrets monthly (Ongoing Maintenance), the strictest period the checklists state; 000 and 001 recommend rotating API keys every 90 days, which a monthly rotation also meets. Set 90 to hold secrets to 000's and 001's period only.",
        },
    },
    resourceTypes: [SECRET, ROTATION],
    validate: (resources, config, report, context) => {
        const secrets = ofTypes(resources, [SECRET]);
        const rotations = ofTypes(resources, [ROTATION]);
        // A rotation with a problem still names its secret: the problem is reported on the rotation.
        const judge = linkJudge(indexLinks(secrets, rotations, "secretId", (s) => [s.props.name]), () => undefined);
        for (const secret of secrets) {
            context.judge(secret, () => {
                if (judge(secret) !== undefined) {
                    report(`Secrets Manager secret '${secret.name}' has no rotation: declare an aws.secretsmanager.SecretRotation for it with rotationRules.automaticallyAfterDays ${config.maximumDays} or less.`, secret.urn);
                }
            });
        }
        for (const rotation of rotations) {
            context.judge(rotation, () => {
                const problem = rotationProblem(rotation, config.maximumDays);
                if (problem) {
                    report(`Secret rotation '${rotation.name}' ${problem}.`, rotation.urn);
                }
            });
        }
    },
});
