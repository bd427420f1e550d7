import type { PolicyResource } from "@pulumi/policy";
import { indexLinks, linkJudge, ofTypes } from "../../lib/aws";
import { stackPolicy } from "../../lib/define";
import { describeType, given, isDeclared, text } from "../../lib/values";

const VPC_TYPES = ["aws:ec2/vpc:Vpc", "aws:ec2/defaultVpc:DefaultVpc"];
const FLOW_LOG = "aws:ec2/flowLog:FlowLog";

export default stackPolicy({
    name: "aws-ec2-require-vpc-flow-logs",
    description: "Every VPC the program declares has a flow log (aws.ec2.FlowLog naming it through vpcId) that captures the required traffic (ALL by default) and delivers it to a destination, so network activity is recorded for audits and investigations (CIS AWS Foundations: VPC flow logging in all VPCs).",
    priority: "P1",
    severity: "medium",
    checklist: ["003.security.audit-logging", "002.security-configuration.audit-logging"],
    remediationSteps: "Add an aws.ec2.FlowLog with vpcId: <vpc>.id, trafficType: \"ALL\" and logDestination set to a CloudWatch log group ARN (with iamRoleArn) or an S3 bucket ARN (logDestinationType \"s3\").",
    tags: ["observability"],
    config: {
        trafficTypes: {
            type: "array", items: { type: "string", enum: ["ALL", "ACCEPT", "REJECT"] }, default: ["ALL"],
            description: "Traffic types a flow log may capture to count. Default ALL: 003 and 002 ask for audit logging, and an audit of network activity needs both accepted and rejected connections (CIS AWS Foundations records at least rejected traffic; add REJECT to accept that).",
        },
    },
    resourceTypes: [...VPC_TYPES, FLOW_LOG],
    validate: (resources, config, report, context) => {
        const vpcs = ofTypes(resources, VPC_TYPES);
        if (vpcs.length === 0) {
            return;
        }
        const problem = (flowLog: PolicyResource): string | undefined => {
            const traffic = given(flowLog.props.trafficType);
            const type = text(traffic)?.trim().toUpperCase();
            if (traffic === undefined) {
                return `flow log '${flowLog.name}' names no trafficType`;
            }
            if (type === undefined) {
                return `flow log '${flowLog.name}' sets trafficType to ${describeType(traffic)}, not a string`;
            }
            if (!config.trafficTypes.some((accepted) => accepted === type)) {
                return `flow log '${flowLog.name}' captures ${type} traffic only`;
            }
            // A destination built from another resource (a log group's ARN, unknown during preview) is set: the graph says so without reading it.
            const fromResource = (flowLog.propertyDependencies?.logDestination ?? []).length > 0;
            return fromResource || isDeclared(flowLog.props, "logDestination") ? undefined : `flow log '${flowLog.name}' names no logDestination`;
        };
        // A VPC's inputs do not carry its id: flow logs find their VPC through the dependency graph.
        const judge = linkJudge(indexLinks(vpcs, ofTypes(resources, [FLOW_LOG]), "vpcId", () => []), problem);
        for (const vpc of vpcs) {
            context.judge(vpc, () => {
                const problems = judge(vpc);
                if (problems !== undefined) {
                    report(`VPC '${vpc.name}' has no flow log capturing ${config.trafficTypes.join(" or ")} traffic${problems.length ? ` (${problems.join("; ")})` : ""}: add an aws.ec2.FlowLog with vpcId naming it, trafficType "${config.trafficTypes[0] ?? "ALL"}" and a logDestination.`, vpc.urn);
                }
            });
        }
    },
});
