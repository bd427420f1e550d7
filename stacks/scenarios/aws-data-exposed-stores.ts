import type * as aws from "@pulumi/aws";
import { patch, scenario } from "../scenario";

export default scenario({
    description: "The uploads bucket opened to the public (public-read ACL, a policy that lets anyone read, its public access block half off, no access logs) and the cache left single-AZ without failover or client authentication",
    violations: [
        ["aws-s3-disallow-public-access", "app-uploads"],
        ["aws-s3-disallow-public-access", "app-uploads-policy"],
        ["aws-s3-require-public-access-block", "app-uploads"],
        ["aws-s3-require-access-logs", "app-uploads"],
        ["aws-elasticache-require-automatic-failover", "app-cache"],
        ["aws-elasticache-require-auth-token", "app-cache"],
    ],
    omit: ["app-uploads-access-logging"],
    patches: [
        patch<aws.s3.BucketArgs>("aws:s3/bucket:Bucket", "app-uploads", (a) => { a.acl = "public-read"; }),
        patch<aws.s3.BucketPublicAccessBlockArgs>("aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock", "app-uploads-public-access", (a) => {
            a.blockPublicPolicy = false;
            a.restrictPublicBuckets = false;
        }),
        patch<aws.s3.BucketPolicyArgs>("aws:s3/bucketPolicy:BucketPolicy", "app-uploads-policy", (a) => {
            const arn = "arn:aws:s3:::app-uploads-123456789012";
            a.policy = JSON.stringify({
                Version: "2012-10-17",
                Statement: [
                    { Sid: "PublicRead", Effect: "Allow", Principal: "*", Action: "s3:GetObject", Resource: `${arn}/*` },
                    { Sid: "DenyInsecureTransport", Effect: "Deny", Principal: "*", Action: "s3:*", Resource: [arn, `${arn}/*`], Condition: { Bool: { "aws:SecureTransport": "false" } } },
                ],
            });
        }),
        patch<aws.elasticache.ReplicationGroupArgs>("aws:elasticache/replicationGroup:ReplicationGroup", "app-cache", (a) => {
            a.automaticFailoverEnabled = false;
            a.multiAzEnabled = false;
            delete a.userGroupIds;
        }),
    ],
});
