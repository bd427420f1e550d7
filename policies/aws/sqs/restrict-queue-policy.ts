import { resourcePolicy } from "../../lib/define";
import { judgeOpenResourcePolicy } from "../../lib/policy-documents";
import { given } from "../../lib/values";

const QUEUE = "aws:sqs/queue:Queue";
const QUEUE_POLICY = "aws:sqs/queuePolicy:QueuePolicy";

export default resourcePolicy({
    name: "aws-sqs-restrict-queue-policy",
    description: "SQS queue policies (aws.sqs.QueuePolicy and a queue's inline policy) grant nothing to every principal: no Allow statement for Principal \"*\", Principal { AWS: \"*\" } or with NotPrincipal without a Condition, which would let anyone send, read or delete the queue's messages.",
    priority: "P0",
    severity: "high",
    checklist: ["003.security.least-privilege"],
    remediationSteps: "Name the principals in each Allow statement (roles, or the service principal that sends, e.g. sns.amazonaws.com), and narrow a wildcard principal with a Condition such as aws:SourceArn or aws:PrincipalOrgID.",
    tags: ["secrets-identity"],
    resourceTypes: [QUEUE, QUEUE_POLICY],
    validate: ({ type, name, props }, _config, report) => {
        const where = type === QUEUE ? `SQS queue '${name}'` : `SQS queue policy '${name}'`;
        // A queue without an inline policy is reachable by its own account only.
        if (type === QUEUE && given(props.policy) === undefined) {
            return;
        }
        judgeOpenResourcePolicy(props.policy, {
            unreadable: (why) => `${where}: its policy ${why}, so who may use the queue cannot be checked: set policy to a valid queue policy document.`,
            open: (number, everyone) => `${where} policy statement #${number} allows ${everyone} without a Condition, so anyone may use the queue: name the principals, or add a Condition such as aws:SourceArn or aws:PrincipalOrgID.`,
        }, report);
    },
});
