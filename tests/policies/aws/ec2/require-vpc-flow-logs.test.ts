import type * as aws from "@pulumi/aws";
import policy from "../../../../policies/aws/ec2/require-vpc-flow-logs";
import { checkStack, UNKNOWN, urnOf } from "../../../harness/policy";

const VPC = "aws:ec2/vpc:Vpc";
const FLOW_LOG = "aws:ec2/flowLog:FlowLog";
const vpc: aws.ec2.VpcArgs = { cidrBlock: "10.0.0.0/16" };
const flowLog: aws.ec2.FlowLogArgs = {
    vpcId: UNKNOWN, trafficType: "ALL", logDestinationType: "cloud-watch-logs",
    logDestination: "arn:aws:logs:us-east-1:123456789012:log-group:vpc-flow-logs", iamRoleArn: "arn:aws:iam::123456789012:role/flow-logs",
};
const linked = { vpcId: [urnOf(VPC, "main")] };
const stack = (props: aws.ec2.FlowLogArgs, overrides?: Record<string, unknown>) =>
    checkStack(policy, [{ type: VPC, name: "main", props: vpc }, { type: FLOW_LOG, name: "main-flow-log", props, propertyDependencies: linked }], overrides);

describe("aws-ec2-require-vpc-flow-logs", () => {
    it("passes a VPC whose flow log captures all traffic, linked through the graph while its id is unknown", () => {
        expect(stack(flowLog).violations).toEqual([]);
        expect(stack({ ...flowLog, logDestinationType: "s3", logDestination: "arn:aws:s3:::flow-logs", iamRoleArn: undefined }).violations).toEqual([]);
    });

    it("fires on a VPC without a flow log (omitted)", () => {
        const verdict = checkStack(policy, [{ type: VPC, name: "main", props: vpc }]);
        expect(verdict.violations).toEqual([expect.stringContaining("VPC 'main' has no flow log capturing ALL traffic: add an aws.ec2.FlowLog")]);
        expect(verdict.urns).toEqual([urnOf(VPC, "main")]);
        expect(checkStack(policy, [{ type: "aws:ec2/defaultVpc:DefaultVpc", name: "default", props: {} }]).violations).toHaveLength(1);
    });

    it("fires on a flow log that captures part of the traffic or delivers nowhere", () => {
        expect(stack({ ...flowLog, trafficType: "REJECT" }).violations).toEqual([expect.stringContaining("(flow log 'main-flow-log' captures REJECT traffic only)")]);
        expect(stack({ ...flowLog, trafficType: undefined }).violations).toEqual([expect.stringContaining("names no trafficType")]);
        expect(stack({ ...flowLog, logDestination: "" }).violations).toEqual([expect.stringContaining("names no logDestination")]);
    });

    it("fires on a flow log of another VPC", () => {
        const other: aws.ec2.VpcArgs = { cidrBlock: "10.1.0.0/16" };
        const verdict = checkStack(policy, [
            { type: VPC, name: "main", props: vpc }, { type: VPC, name: "other", props: other },
            { type: FLOW_LOG, name: "other-flow-log", props: flowLog, propertyDependencies: { vpcId: [urnOf(VPC, "other")] } },
        ]);
        expect(verdict.urns).toEqual([urnOf(VPC, "main")]);
    });

    it("reports the VPCs a flow log the graph does not place could name as unknown", () => {
        const verdict = checkStack(policy, [{ type: VPC, name: "main", props: vpc }, { type: FLOW_LOG, name: "somewhere", props: flowLog }]);
        expect(verdict.violations).toEqual([]);
        expect(verdict.unknownUrns).toEqual([urnOf(VPC, "main")]);
    });

    it("passes a destination built from a log group, unknown during preview, through the graph", () => {
        const verdict = checkStack(policy, [
            { type: VPC, name: "main", props: vpc },
            { type: "aws:cloudwatch/logGroup:LogGroup", name: "flow-logs", props: { retentionInDays: 90 } },
            { type: FLOW_LOG, name: "main-flow-log", props: { ...flowLog, logDestination: UNKNOWN },
                propertyDependencies: { ...linked, logDestination: [urnOf("aws:cloudwatch/logGroup:LogGroup", "flow-logs")] } },
        ]);
        expect(verdict.violations).toEqual([]);
        expect(verdict.unknownUrns).toBeUndefined();
    });

    it("reports a linked flow log's traffic type unknown during preview as unknown", () => {
        expect(stack({ ...flowLog, trafficType: UNKNOWN }).unknownUrns).toEqual([urnOf(VPC, "main")]);
    });

    it("takes the accepted traffic types from config", () => {
        expect(stack({ ...flowLog, trafficType: "REJECT" }, { trafficTypes: ["ALL", "REJECT"] }).violations).toEqual([]);
    });

    it("counts a log destination unknown during preview and not linked by the graph as set", () => {
        expect(stack({ ...flowLog, logDestination: UNKNOWN })).toEqual({ violations: [], urns: [] });
        expect(stack({ ...flowLog, logDestination: undefined }).violations).toEqual([expect.stringContaining("names no logDestination")]);
    });
});
