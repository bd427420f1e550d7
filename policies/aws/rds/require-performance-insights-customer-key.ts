import { requireCustomerManagedKey } from "../../lib/aws";
import { resourcePolicy } from "../../lib/define";
import { given } from "../../lib/values";

const KINDS: Readonly<Record<string, string>> = {
    "aws:rds/instance:Instance": "RDS instance",
    "aws:rds/clusterInstance:ClusterInstance": "RDS cluster instance",
    "aws:rds/cluster:Cluster": "RDS cluster",
};

export default resourcePolicy({
    name: "aws-rds-require-performance-insights-customer-key",
    description: "RDS instances and clusters that turn Performance Insights on encrypt its data with a customer-managed KMS key (performanceInsightsKmsKeyId). Performance Insights data, which holds the text of the queries the database runs, is always encrypted at rest, but without a key RDS uses the AWS managed key aws/rds, whose policy the team cannot narrow.",
    priority: "P2",
    severity: "low",
    checklist: ["003.security.data-encryption", "004.data-security.encryption-at-rest"],
    remediationSteps: "Set performanceInsightsKmsKeyId to the ARN of a customer-managed KMS key (rotation on); the key is chosen when Performance Insights is first turned on, so changing it means turning Performance Insights off and on again.",
    tags: ["encryption"],
    resourceTypes: Object.keys(KINDS),
    validate: ({ type, name, props }, _config, report) => {
        const enabled = given(props.performanceInsightsEnabled);
        if (enabled !== true && enabled !== "true") {
            return;
        }
        requireCustomerManagedKey(props, "performanceInsightsKmsKeyId", `${KINDS[type]} '${name}' (Performance Insights)`, "aws/rds", report);
    },
});
