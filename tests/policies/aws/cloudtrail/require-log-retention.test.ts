import type * as aws from "@pulumi/aws";
import policy from "../../../../policies/aws/cloudtrail/require-log-retention";
import { checkStack, StackResource, UNKNOWN, urnOf } from "../../../harness/policy";

const TRAIL = "aws:cloudtrail/trail:Trail";
const BUCKET = "aws:s3/bucket:Bucket";
const LIFECYCLE = "aws:s3/bucketLifecycleConfiguration:BucketLifecycleConfiguration";
const LOG_GROUP = "aws:cloudwatch/logGroup:LogGroup";

const bucket: StackResource = { type: BUCKET, name: "trail-logs", props: { bucket: "trail-logs-123456789012" } satisfies aws.s3.BucketArgs };
const trail = (changes: Partial<aws.cloudtrail.TrailArgs> = {}, graph = true): StackResource => ({
    type: TRAIL, name: "audit",
    props: { s3BucketName: graph ? UNKNOWN : "trail-logs-123456789012", isMultiRegionTrail: true, enableLogFileValidation: true, ...changes } satisfies aws.cloudtrail.TrailArgs,
    ...(graph ? { propertyDependencies: { s3BucketName: [urnOf(BUCKET, "trail-logs")] } } : {}),
});
const lifecycle = (rule: Partial<aws.types.input.s3.BucketLifecycleConfigurationRule>): StackResource => ({
    type: LIFECYCLE, name: "trail-logs-lifecycle",
    props: { bucket: UNKNOWN, rules: [{ id: "expire", status: "Enabled", filter: {}, ...rule }] } satisfies aws.s3.BucketLifecycleConfigurationArgs,
    propertyDependencies: { bucket: [urnOf(BUCKET, "trail-logs")] },
});

describe("aws-cloudtrail-require-log-retention", () => {
    it("passes a trail whose bucket keeps logs a year, or forever", () => {
        expect(checkStack(policy, [bucket, lifecycle({ expiration: { days: 365 } }), trail()]).violations).toEqual([]);
        expect(checkStack(policy, [bucket, trail()]).violations).toEqual([]);
    });

    it("fires on a bucket lifecycle that deletes the logs too early, joined by the graph or by bucket name", () => {
        const verdict = checkStack(policy, [bucket, lifecycle({ expiration: { days: 30 } }), trail()]);
        expect(verdict.violations).toEqual([
            "CloudTrail trail 'audit' keeps its audit logs less than the minimum 90 days: rule 'expire' of lifecycle configuration 'trail-logs-lifecycle' deletes the logs after 30 day(s) from bucket 'trail-logs'. Keep them 90 days or more (expiration.days, retentionInDays), or remove the expiration.",
        ]);
        expect(verdict.urns).toEqual([urnOf(TRAIL, "audit")]);
        expect(checkStack(policy, [bucket, lifecycle({ expiration: { days: 30 } }), trail({}, false)]).violations).toHaveLength(1);
        expect(checkStack(policy, [bucket, lifecycle({ expiration: { date: "2027-01-01T00:00:00Z" } }), trail()]).violations).toEqual([expect.stringContaining("deletes the logs on a fixed date")]);
    });

    it("fires on an inline lifecycle rule of the bucket", () => {
        const inline: StackResource = { ...bucket, props: { bucket: "trail-logs-123456789012", lifecycleRules: [{ id: "old", enabled: true, expiration: { days: 7 } }] } satisfies aws.s3.BucketArgs };
        expect(checkStack(policy, [inline, trail()]).violations).toEqual([expect.stringContaining("lifecycle rule 'old' of bucket 'trail-logs' deletes the logs after 7 day(s)")]);
    });

    it("ignores rules that cannot touch the trail's objects: disabled, by tag, or for another prefix", () => {
        expect(checkStack(policy, [bucket, lifecycle({ status: "Disabled", expiration: { days: 1 } }), trail()]).violations).toEqual([]);
        expect(checkStack(policy, [bucket, lifecycle({ filter: { tag: { key: "tmp", value: "yes" } }, expiration: { days: 1 } }), trail()]).violations).toEqual([]);
        expect(checkStack(policy, [bucket, lifecycle({ filter: { prefix: "tmp/" }, expiration: { days: 1 } }), trail()]).violations).toEqual([]);
        expect(checkStack(policy, [bucket, lifecycle({ filter: { prefix: "audit/AWSLogs/" }, expiration: { days: 1 } }), trail({ s3KeyPrefix: "audit" })]).violations).toHaveLength(1);
    });

    it("fires on a delivery log group with a short retention", () => {
        const group: StackResource = { type: LOG_GROUP, name: "trail-group", props: { name: "cloudtrail/audit", retentionInDays: 30 } satisfies aws.cloudwatch.LogGroupArgs };
        const byArn = trail({ cloudWatchLogsGroupArn: "arn:aws:logs:us-east-1:123456789012:log-group:cloudtrail/audit:*", cloudWatchLogsRoleArn: "arn:aws:iam::123456789012:role/trail" });
        expect(checkStack(policy, [bucket, group, byArn]).violations).toEqual([expect.stringContaining("log group 'trail-group' keeps its logs 30 day(s)")]);
        const forever: StackResource = { ...group, props: { name: "cloudtrail/audit" } };
        expect(checkStack(policy, [bucket, forever, byArn]).violations).toEqual([]);
    });

    it("follows a delivery log group whose ARN is unknown during preview through the dependency graph", () => {
        const group: StackResource = { type: LOG_GROUP, name: "trail-group", props: { name: "cloudtrail/audit", retentionInDays: 30 } satisfies aws.cloudwatch.LogGroupArgs };
        const linked: StackResource = {
            ...trail({ cloudWatchLogsGroupArn: UNKNOWN, cloudWatchLogsRoleArn: "arn:aws:iam::123456789012:role/trail" }),
            propertyDependencies: { s3BucketName: [urnOf(BUCKET, "trail-logs")], cloudWatchLogsGroupArn: [urnOf(LOG_GROUP, "trail-group")] },
        };
        const verdict = checkStack(policy, [bucket, group, linked]);
        expect(verdict.unknown).toBeUndefined();
        expect(verdict.violations).toEqual([expect.stringContaining("log group 'trail-group' keeps its logs 30 day(s)")]);
    });

    it("does not judge a bucket declared outside the stack", () => {
        expect(checkStack(policy, [trail({ s3BucketName: "org-trail-logs" }, false)]).violations).toEqual([]);
    });

    it("reports only the trail whose expiration is unknown during preview as unknown", () => {
        const other: StackResource = { type: TRAIL, name: "other", props: { s3BucketName: "other-logs" }, dependencies: [] };
        const otherBucket: StackResource = { type: BUCKET, name: "other-logs", props: { bucket: "other-logs", lifecycleRules: [{ enabled: true, expiration: { days: 1 } }] } };
        const verdict = checkStack(policy, [bucket, lifecycle({ expiration: { days: UNKNOWN as unknown as number } }), trail(), otherBucket, other]);
        expect(verdict.unknownUrns).toEqual([urnOf(TRAIL, "audit")]);
        expect(verdict.urns).toEqual([urnOf(TRAIL, "other")]);
    });

    it("takes the minimum from config", () => {
        expect(checkStack(policy, [bucket, lifecycle({ expiration: { days: 365 } }), trail()], { minimumDays: 400 }).violations).toHaveLength(1);
        expect(checkStack(policy, [bucket, lifecycle({ expiration: { days: 30 } }), trail()], { minimumDays: 30 }).violations).toEqual([]);
    });
});
