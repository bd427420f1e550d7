import type * as aws from "@pulumi/aws";
import policy from "../../../../policies/aws/s3/require-tls";
import { checkStack, UNKNOWN, urnOf } from "../../../harness/policy";

const BUCKET = "aws:s3/bucket:Bucket";
const POLICY = "aws:s3/bucketPolicy:BucketPolicy";
const deny = {
    Version: "2012-10-17",
    Statement: [{ Sid: "TlsOnly", Effect: "Deny", Principal: "*", Action: "s3:*", Resource: ["arn:aws:s3:::app-data", "arn:aws:s3:::app-data/*"], Condition: { Bool: { "aws:SecureTransport": "false" } } }],
};
const bucketPolicy: aws.s3.BucketPolicyArgs = { bucket: "app-data", policy: JSON.stringify(deny) };

describe("aws-s3-require-tls", () => {
    it("passes a bucket whose policy denies plain HTTP", () => {
        expect(checkStack(policy, [{ type: BUCKET, name: "data", props: { bucket: "app-data" } }, { type: POLICY, name: "data-policy", props: bucketPolicy }]).violations).toEqual([]);
    });
    it("fires on a policy without the TLS condition, and on no policy", () => {
        const allow = { Statement: [{ Effect: "Allow", Principal: "*", Action: "s3:GetObject", Resource: "arn:aws:s3:::app-data/*" }] };
        const verdict = checkStack(policy, [
            { type: BUCKET, name: "data", props: { bucket: "app-data" } },
            { type: POLICY, name: "data-policy", props: { bucket: "app-data", policy: JSON.stringify(allow) } },
        ]);
        expect(verdict.violations).toEqual([expect.stringContaining("S3 bucket 'data' accepts plain-HTTP requests")]);
        expect(verdict.urns).toEqual([urnOf(BUCKET, "data")]);
    });
    it("does not crash on a policy that is not JSON", () => {
        expect(checkStack(policy, [{ type: BUCKET, name: "data", props: { bucket: "app-data", policy: "{" } }]).violations).toHaveLength(1);
    });
    it("reports only the bucket whose policy document is unknown during preview, linked through the graph, and judges the others", () => {
        const verdict = checkStack(policy, [
            { type: BUCKET, name: "data", props: { bucket: "app-data" } },
            // A document built from bucket.arn: unknown during preview, and linked by the graph although bucket.id is unknown too.
            { type: POLICY, name: "data-policy", props: { bucket: UNKNOWN, policy: UNKNOWN }, propertyDependencies: { bucket: [urnOf(BUCKET, "data")], policy: [urnOf(BUCKET, "data")] } },
            { type: BUCKET, name: "logs", props: { bucket: "app-logs" } },
            { type: POLICY, name: "logs-policy", props: { ...bucketPolicy, bucket: UNKNOWN }, propertyDependencies: { bucket: [urnOf(BUCKET, "logs")] } },
            { type: BUCKET, name: "open", props: { bucket: "app-open" } },
        ]);
        expect(verdict.urns).toEqual([urnOf(BUCKET, "open")]);
        expect(verdict.unknownUrns).toEqual([urnOf(BUCKET, "data")]);
    });
    it("leaves a bucket reference unknown and outside the graph to the SDK", () => {
        expect(checkStack(policy, [{ type: BUCKET, name: "data", props: { bucket: "app-data" } }, { type: POLICY, name: "p", props: { ...bucketPolicy, bucket: UNKNOWN } }]).unknownUrns).toEqual([urnOf(BUCKET, "data")]);
    });
    it("treats an empty inline policy as none", () => {
        expect(checkStack(policy, [{ type: BUCKET, name: "data", props: { bucket: "app-data", policy: "" } }]).violations).toHaveLength(1);
    });

    it("reads an inline policy unknown during preview only when no linked bucket policy denies plain HTTP", () => {
        const linked = { propertyDependencies: { bucket: [urnOf(BUCKET, "data")] } };
        expect(checkStack(policy, [{ type: BUCKET, name: "data", props: { bucket: "app-data", policy: UNKNOWN } }, { type: POLICY, name: "p", props: { ...bucketPolicy, bucket: UNKNOWN }, ...linked }])).toEqual({ violations: [], urns: [] });
        expect(checkStack(policy, [{ type: BUCKET, name: "data", props: { bucket: "app-data", policy: UNKNOWN } }]).unknownUrns).toEqual([urnOf(BUCKET, "data")]);
    });
});
