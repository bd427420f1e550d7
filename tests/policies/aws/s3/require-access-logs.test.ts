import type * as aws from "@pulumi/aws";
import policy from "../../../../policies/aws/s3/require-access-logs";
import { checkStack, UNKNOWN, urnOf } from "../../../harness/policy";

const BUCKET = "aws:s3/bucket:Bucket";
const BUCKET_V2 = "aws:s3/bucketV2:BucketV2";
const LOGGING = "aws:s3/bucketLogging:BucketLogging";
const LOGGING_V2 = "aws:s3/bucketLoggingV2:BucketLoggingV2";
const data: aws.s3.BucketArgs = { bucket: "app-data" };
const logs: aws.s3.BucketArgs = { bucket: "app-access-logs" };
const logging: aws.s3.BucketLoggingArgs = { bucket: "app-data", targetBucket: "app-access-logs", targetPrefix: "app-data/" };

describe("aws-s3-require-access-logs", () => {
    it("passes a bucket logging into an access-log bucket, which is exempt as the target", () => {
        const verdict = checkStack(policy, [
            { type: BUCKET, name: "data", props: data },
            { type: BUCKET, name: "access-logs", props: logs },
            { type: LOGGING, name: "data-logging", props: logging },
        ]);
        expect(verdict.violations).toEqual([]);
    });

    it("links a BucketLogging through the dependency graph when the names are unknown during preview", () => {
        const verdict = checkStack(policy, [
            { type: BUCKET, name: "data", props: {} },
            { type: BUCKET, name: "access-logs", props: {} },
            { type: LOGGING_V2, name: "data-logging", props: { bucket: UNKNOWN, targetBucket: UNKNOWN, targetPrefix: "data/" },
                propertyDependencies: { bucket: [urnOf(BUCKET, "data")], targetBucket: [urnOf(BUCKET, "access-logs")] } },
        ]);
        expect(verdict).toMatchObject({ violations: [] });
        expect(verdict.unknown).toBeUndefined();
    });

    it("finds the target by its name when the engine sends only plain dependencies", () => {
        const verdict = checkStack(policy, [
            { type: BUCKET, name: "data", props: {} },
            { type: BUCKET, name: "access-logs", props: logs },
            { type: LOGGING, name: "data-logging", props: { ...logging, bucket: UNKNOWN }, dependencies: [urnOf(BUCKET, "data")] },
        ]);
        expect(verdict).toEqual({ violations: [], urns: [] });
    });

    it("accepts the inline logging of a Bucket and a BucketV2, and exempts their target", () => {
        const inline: aws.s3.BucketArgs = { bucket: "app-data", logging: { targetBucket: "app-access-logs", targetPrefix: "data/" } };
        const inlineV2: aws.s3.BucketV2Args = { bucket: "app-media", loggings: [{ targetBucket: "app-access-logs", targetPrefix: "media/" }] };
        expect(checkStack(policy, [
            { type: BUCKET, name: "data", props: inline },
            { type: BUCKET_V2, name: "media", props: inlineV2 },
            { type: BUCKET, name: "access-logs", props: logs },
        ]).violations).toEqual([]);
    });

    it("fires on a bucket without access logs, on the bucket", () => {
        const verdict = checkStack(policy, [
            { type: BUCKET, name: "data", props: data },
            { type: BUCKET_V2, name: "media", props: { bucket: "app-media" } },
            { type: BUCKET, name: "access-logs", props: logs },
            { type: LOGGING, name: "data-logging", props: logging },
        ]);
        expect(verdict.violations).toEqual([expect.stringContaining("S3 bucket 'media' records no server access logs: add an aws.s3.BucketLogging with bucket: media.id")]);
        expect(verdict.urns).toEqual([urnOf(BUCKET_V2, "media")]);
    });

    it("fires on a lone bucket, which is no log target, and on empty inline logging", () => {
        expect(checkStack(policy, [{ type: BUCKET, name: "data", props: data }]).urns).toEqual([urnOf(BUCKET, "data")]);
        const emptyInline: aws.s3.BucketV2Args = { bucket: "app-media", loggings: [] };
        expect(checkStack(policy, [{ type: BUCKET_V2, name: "media", props: emptyInline }]).violations).toHaveLength(1);
        expect(checkStack(policy, [{ type: BUCKET, name: "data", props: { ...data, logging: { targetBucket: "" } } }]).violations).toHaveLength(1);
    });

    it("exempts a bucket set up to receive access logs although no bucket of the stack logs into it", () => {
        const central = (props: aws.s3.BucketArgs) => checkStack(policy, [{ type: BUCKET, name: "access-logs", props: { ...logs, ...props } }]);
        // The log-delivery-write canned ACL, or a grant to the LogDelivery group, on the bucket.
        expect(central({ acl: "log-delivery-write" }).violations).toEqual([]);
        expect(central({ grants: [{ type: "Group", uri: "http://acs.amazonaws.com/groups/s3/LogDelivery", permissions: ["WRITE", "READ_ACP"] }] }).violations).toEqual([]);
        // An inline policy allowing the logging service principal.
        const allowLogging = JSON.stringify({ Version: "2012-10-17", Statement: [{ Effect: "Allow", Principal: { Service: "logging.s3.amazonaws.com" }, Action: "s3:PutObject", Resource: "arn:aws:s3:::app-access-logs/*" }] });
        expect(central({ policy: allowLogging }).violations).toEqual([]);
        // The same from a BucketAcl or a BucketPolicy that names the bucket.
        const acl: aws.s3.BucketAclArgs = { bucket: "app-access-logs", acl: "log-delivery-write" };
        const grant: aws.s3.BucketAclArgs = { bucket: "app-access-logs", accessControlPolicy: { owner: { id: "owner" }, grants: [{ grantee: { type: "Group", uri: "http://acs.amazonaws.com/groups/s3/LogDelivery" }, permission: "WRITE" }] } };
        const bucketPolicy: aws.s3.BucketPolicyArgs = { bucket: "app-access-logs", policy: allowLogging };
        for (const [type, props] of [["aws:s3/bucketAcl:BucketAcl", acl], ["aws:s3/bucketAclV2:BucketAclV2", grant], ["aws:s3/bucketPolicy:BucketPolicy", bucketPolicy]] as const) {
            expect(checkStack(policy, [{ type: BUCKET, name: "access-logs", props: logs }, { type, name: "access-logs-setup", props }]).violations).toEqual([]);
        }
        // A policy for another service, a private ACL, or a setup naming another bucket do not make it the log bucket.
        const otherService = JSON.stringify({ Statement: [{ Effect: "Allow", Principal: { Service: "delivery.logs.amazonaws.com" }, Action: "s3:PutObject", Resource: "*" }] });
        expect(central({ policy: otherService }).violations).toHaveLength(1);
        expect(central({ acl: "private" }).violations).toHaveLength(1);
        const denyLogging = JSON.stringify({ Statement: [{ Effect: "Deny", Principal: { Service: "logging.s3.amazonaws.com" }, Action: "s3:*", Resource: "*" }] });
        expect(central({ policy: denyLogging }).violations).toHaveLength(1);
        expect(checkStack(policy, [{ type: BUCKET, name: "data", props: data }, { type: "aws:s3/bucketAcl:BucketAcl", name: "logs-acl", props: acl }]).violations)
            .toEqual(["S3 bucket 'data' records no server access logs: add an aws.s3.BucketLogging with bucket: data.id and targetBucket set to the access-log bucket (if this is the access-log bucket, let the logging service logging.s3.amazonaws.com put objects in its bucket policy)."]);
    });

    it("lets a known log-receiving setup win over a value unknown during preview, and an unknown one decide only alone", () => {
        const setup: aws.s3.BucketArgs = { ...logs, acl: "log-delivery-write", policy: UNKNOWN };
        expect(checkStack(policy, [{ type: BUCKET, name: "access-logs", props: setup }])).toEqual({ violations: [], urns: [] });
        expect(checkStack(policy, [{ type: BUCKET, name: "access-logs", props: { ...logs, policy: UNKNOWN } }]).unknownUrns).toEqual([urnOf(BUCKET, "access-logs")]);
    });

    it("judges each bucket on its own when a reference is unknown during preview", () => {
        const verdict = checkStack(policy, [
            { type: BUCKET, name: "data", props: data },
            { type: BUCKET, name: "media", props: { bucket: "app-media", logging: UNKNOWN } },
            { type: BUCKET, name: "access-logs", props: logs },
            { type: LOGGING, name: "data-logging", props: logging },
        ]);
        expect(verdict.unknownUrns).toEqual([urnOf(BUCKET, "media")]);
        expect(verdict.violations).toEqual([]);
    });

    it("leaves a BucketLogging whose bucket is unknown and unlinked to the SDK", () => {
        const verdict = checkStack(policy, [
            { type: BUCKET, name: "data", props: data },
            { type: LOGGING, name: "data-logging", props: { ...logging, bucket: UNKNOWN } },
        ]);
        expect(verdict.unknown).toBeDefined();
        expect(verdict.violations).toEqual([]);
    });

    it("takes exemptions from config", () => {
        expect(checkStack(policy, [{ type: BUCKET, name: "data", props: data }], { exemptions: [{ resource: "data", reason: "scratch data, deleted daily" }] }).violations).toEqual([]);
    });
});
