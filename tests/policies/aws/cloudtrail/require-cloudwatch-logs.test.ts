import type * as aws from "@pulumi/aws";
import policy from "../../../../policies/aws/cloudtrail/require-cloudwatch-logs";
import { checkResource, UNKNOWN } from "../../../harness/policy";

const T = "aws:cloudtrail/trail:Trail";
const trail: aws.cloudtrail.TrailArgs = {
    s3BucketName: "audit-logs",
    isMultiRegionTrail: true,
    cloudWatchLogsGroupArn: "arn:aws:logs:us-east-1:123456789012:log-group:audit:*",
    cloudWatchLogsRoleArn: "arn:aws:iam::123456789012:role/trail-to-logs",
};

describe("aws-cloudtrail-require-cloudwatch-logs", () => {
    it("passes a trail that delivers to a log group with a role", () => expect(checkResource(policy, { type: T, props: trail }).violations).toEqual([]));
    it("passes ARNs unknown during preview: only their presence is judged", () => {
        expect(checkResource(policy, { type: T, props: { ...trail, cloudWatchLogsGroupArn: UNKNOWN, cloudWatchLogsRoleArn: UNKNOWN } })).toEqual({ violations: [] });
    });
    it("fires when both are omitted", () => {
        const { cloudWatchLogsGroupArn: _, cloudWatchLogsRoleArn: __, ...rest } = trail;
        expect(checkResource(policy, { type: T, name: "audit", props: rest }).violations)
            .toEqual([expect.stringContaining("CloudTrail trail 'audit' delivers its events to no CloudWatch log group: set cloudWatchLogsGroupArn and cloudWatchLogsRoleArn")]);
    });
    it("fires when the role or the log group is missing", () => {
        const { cloudWatchLogsRoleArn: _, ...noRole } = trail;
        expect(checkResource(policy, { type: T, props: noRole }).violations).toEqual([expect.stringContaining("sets a log group but no role to write to it: set cloudWatchLogsRoleArn")]);
        const { cloudWatchLogsGroupArn: __, ...noGroup } = trail;
        expect(checkResource(policy, { type: T, props: noGroup }).violations).toEqual([expect.stringContaining("sets a delivery role but no log group: set cloudWatchLogsGroupArn")]);
    });
    it("is exempted by config", () => {
        const { cloudWatchLogsGroupArn: _, cloudWatchLogsRoleArn: __, ...rest } = trail;
        expect(checkResource(policy, { type: T, name: "archive", props: rest, config: { exemptions: [{ resource: "archive", reason: "an organization trail delivers to CloudWatch" }] } }).notApplicable).toBeDefined();
    });
});
