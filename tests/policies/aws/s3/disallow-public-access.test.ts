import type * as aws from "@pulumi/aws";
import policy from "../../../../policies/aws/s3/disallow-public-access";
import { checkResource, UNKNOWN } from "../../../harness/policy";

const BUCKET = "aws:s3/bucket:Bucket";
const BUCKET_V2 = "aws:s3/bucketV2:BucketV2";
const ACL = "aws:s3/bucketAcl:BucketAcl";
const ACL_V2 = "aws:s3/bucketAclV2:BucketAclV2";
const POLICY = "aws:s3/bucketPolicy:BucketPolicy";
const ARN = "arn:aws:s3:::app-data";

const denyInsecure = { Sid: "DenyInsecureTransport", Effect: "Deny", Principal: "*", Action: "s3:*", Resource: [ARN, `${ARN}/*`], Condition: { Bool: { "aws:SecureTransport": "false" } } };
const cdnRead = { Sid: "CdnRead", Effect: "Allow", Principal: { Service: "cloudfront.amazonaws.com" }, Action: "s3:GetObject", Resource: `${ARN}/*`,
    Condition: { StringEquals: { "AWS:SourceArn": "arn:aws:cloudfront::123456789012:distribution/E1" } } };
const document = (...statements: object[]) => JSON.stringify({ Version: "2012-10-17", Statement: statements });
const bucketPolicy = (policyDocument: string): aws.s3.BucketPolicyArgs => ({ bucket: "app-data", policy: policyDocument });

describe("aws-s3-disallow-public-access", () => {
    it("passes a private bucket, a private ACL and a policy for named or conditioned principals", () => {
        expect(checkResource(policy, { type: BUCKET, props: { bucket: "app-data", acl: "private" } satisfies aws.s3.BucketArgs }).violations).toEqual([]);
        expect(checkResource(policy, { type: ACL_V2, props: { bucket: "app-data", acl: "private" } satisfies aws.s3.BucketAclV2Args }).violations).toEqual([]);
        const conditioned = { Effect: "Allow", Principal: "*", Action: "s3:GetObject", Resource: `${ARN}/*`, Condition: { StringEquals: { "aws:PrincipalOrgID": "o-abc123" } } };
        expect(checkResource(policy, { type: POLICY, props: bucketPolicy(document(denyInsecure, cdnRead, conditioned)) }).violations).toEqual([]);
    });

    it("fires on each public canned ACL on a bucket and on a BucketAcl", () => {
        for (const acl of ["public-read", "public-read-write", "authenticated-read"]) {
            expect(checkResource(policy, { type: BUCKET, name: "data", props: { bucket: "app-data", acl } satisfies aws.s3.BucketArgs }).violations)
                .toEqual([`S3 bucket 'data' sets acl "${acl}": set acl "private" and grant access to named accounts or through a bucket policy.`]);
            expect(checkResource(policy, { type: ACL, name: "data-acl", props: { bucket: "app-data", acl } satisfies aws.s3.BucketAclArgs }).violations)
                .toEqual([expect.stringContaining(`bucket ACL 'data-acl' sets acl "${acl}"`)]);
        }
    });

    it("fires on a grant to everyone or to every AWS account", () => {
        const acl: aws.s3.BucketAclV2Args = { bucket: "app-data", accessControlPolicy: {
            owner: { id: "owner-id" },
            grants: [{ grantee: { type: "Group", uri: "http://acs.amazonaws.com/groups/global/AllUsers" }, permission: "READ" }],
        } };
        expect(checkResource(policy, { type: ACL_V2, name: "data-acl", props: acl }).violations).toEqual([expect.stringContaining("grants READ to AllUsers (everyone)")]);
        const inline: aws.s3.BucketV2Args = { grants: [{ type: "Group", uri: "http://acs.amazonaws.com/groups/global/AuthenticatedUsers", permissions: ["READ", "WRITE"] }] };
        expect(checkResource(policy, { type: BUCKET_V2, props: inline }).violations).toEqual([expect.stringContaining("grants READ, WRITE to AuthenticatedUsers")]);
    });

    it("fires on an Allow for Principal \"*\" or {AWS: \"*\"} without a Condition, in a BucketPolicy or inline", () => {
        const open = { Sid: "PublicRead", Effect: "Allow", Principal: "*", Action: "s3:GetObject", Resource: `${ARN}/*` };
        expect(checkResource(policy, { type: POLICY, name: "data-policy", props: bucketPolicy(document(denyInsecure, open)) }).violations)
            .toEqual([expect.stringContaining("bucket policy 'data-policy' allows Principal \"*\" without a Condition (statement 'PublicRead')")]);
        const awsStar = { Effect: "Allow", Principal: { AWS: ["arn:aws:iam::123456789012:root", "*"] }, Action: "s3:*", Resource: ARN, Condition: {} };
        expect(checkResource(policy, { type: POLICY, props: bucketPolicy(document(awsStar)) }).violations).toEqual([expect.stringContaining("(statement #1)")]);
        expect(checkResource(policy, { type: BUCKET, name: "data", props: { bucket: "app-data", policy: document({ ...open, Principal: { AWS: "*" } }) } }).violations)
            .toEqual([expect.stringContaining("S3 bucket 'data': its inline policy allows Principal \"*\"")]);
        const notPrincipal = { Effect: "Allow", NotPrincipal: { AWS: "arn:aws:iam::123456789012:role/blocked" }, Action: "s3:GetObject", Resource: `${ARN}/*` };
        expect(checkResource(policy, { type: POLICY, props: bucketPolicy(document(notPrincipal)) }).violations).toEqual([expect.stringContaining("allows everyone but its NotPrincipal without a Condition")]);
        // A single statement, not in a list, and a document given as an object.
        expect(checkResource(policy, { type: POLICY, props: { bucket: "app-data", policy: { Version: "2012-10-17", Statement: open } } }).violations).toHaveLength(1);
    });

    it("fires on a policy that is not JSON, without crashing", () => {
        expect(checkResource(policy, { type: POLICY, props: bucketPolicy("{not json") }).violations).toEqual([expect.stringContaining("is not valid JSON")]);
        expect(checkResource(policy, { type: BUCKET, props: { policy: 42 } }).violations).toEqual([expect.stringContaining("is a number, not a policy document")]);
    });

    it("passes a bucket that omits acl, grants and policy (private by default)", () => {
        expect(checkResource(policy, { type: BUCKET, props: {} }).violations).toEqual([]);
        expect(checkResource(policy, { type: ACL, props: { bucket: "app-data", acl: "" } }).violations).toEqual([]);
    });

    it("reports a policy unknown during preview as unknown", () => {
        const verdict = checkResource(policy, { type: POLICY, props: bucketPolicy(UNKNOWN) });
        expect(verdict.unknown).toBeDefined();
        expect(verdict.violations).toEqual([]);
    });

    it("takes exemptions from config", () => {
        const verdict = checkResource(policy, { type: BUCKET, name: "site", props: { acl: "public-read" }, config: { exemptions: [{ resource: "site", reason: "public website assets" }] } });
        expect(verdict.notApplicable).toContain("public website assets");
    });

    it("judges the ACL and the inline policy apart, and a public grant before one unknown during preview", () => {
        const publicAcl = { bucket: "app-data", acl: "public-read", policy: UNKNOWN } satisfies aws.s3.BucketArgs;
        expect(checkResource(policy, { type: BUCKET, name: "data", props: publicAcl }).violations).toEqual([expect.stringContaining("S3 bucket 'data' sets acl \"public-read\"")]);
        const grants: aws.s3.BucketAclV2Args = { bucket: "app-data", accessControlPolicy: {
            owner: { id: UNKNOWN },
            grants: [UNKNOWN as never, { grantee: { type: "Group", uri: "http://acs.amazonaws.com/groups/global/AllUsers" }, permission: "READ" }],
        } };
        expect(checkResource(policy, { type: ACL_V2, name: "data-acl", props: grants }).violations).toEqual([expect.stringContaining("grants READ to AllUsers (everyone)")]);
        expect(checkResource(policy, { type: BUCKET, props: { bucket: "app-data", acl: "private", grants: [UNKNOWN as never] } }).unknown).toBeDefined();
    });
    describe("S3 objects", () => {
        const OBJECT = "aws:s3/bucketObject:BucketObject";
        const OBJECT_V2 = "aws:s3/bucketObjectv2:BucketObjectv2";
        const object: aws.s3.BucketObjectv2Args = { bucket: "app-data", key: "reports/2026.csv", acl: "private" };
        it("passes private objects and objects without an ACL", () => {
            expect(checkResource(policy, { type: OBJECT_V2, props: object }).violations).toEqual([]);
            expect(checkResource(policy, { type: OBJECT, props: { bucket: "app-data", key: "a" } }).violations).toEqual([]);
            expect(checkResource(policy, { type: OBJECT, props: { bucket: "app-data", key: "a", acl: "bucket-owner-full-control" } }).violations).toEqual([]);
        });
        it.each([[OBJECT, "public-read", "anyone"], [OBJECT_V2, "public-read-write", "anyone"], [OBJECT_V2, "authenticated-read", "every AWS account"]])("fires on %s with acl %s", (type, acl, whom) => {
            expect(checkResource(policy, { type, name: "report", props: { ...object, acl } }).violations)
                .toEqual([expect.stringContaining(`S3 object 'report' sets acl "${acl}", so ${whom} can read it`)]);
        });
        it("is unknown when the ACL is unknown during preview, and ignores an unrelated unknown", () => {
            expect(checkResource(policy, { type: OBJECT_V2, props: { ...object, acl: UNKNOWN } }).unknown).toBeDefined();
            expect(checkResource(policy, { type: OBJECT_V2, props: { ...object, bucket: UNKNOWN, acl: "public-read" } }).violations).toHaveLength(1);
            expect(checkResource(policy, { type: OBJECT_V2, props: { ...object, bucket: UNKNOWN } }).violations).toEqual([]);
        });
    });
});
