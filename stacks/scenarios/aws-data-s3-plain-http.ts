import type * as aws from "@pulumi/aws";
import { patch, scenario } from "../scenario";

export default scenario({
    description: "The uploads bucket accepts plain HTTP and has versioning suspended",
    violations: [
        ["aws-s3-require-tls", "app-uploads"],
        ["aws-s3-require-versioning", "app-uploads"],
    ],
    patches: [
        patch<aws.s3.BucketPolicyArgs>("aws:s3/bucketPolicy:BucketPolicy", "app-uploads-policy", (a) => {
            a.policy = JSON.stringify({
                Version: "2012-10-17",
                Statement: [{ Sid: "ReadFromCdn", Effect: "Allow", Principal: { Service: "cloudfront.amazonaws.com" }, Action: "s3:GetObject", Resource: "arn:aws:s3:::app-uploads-123456789012/*" }],
            });
        }),
        patch<aws.s3.BucketVersioningArgs>("aws:s3/bucketVersioning:BucketVersioning", "app-uploads-versioning", (a) => {
            a.versioningConfiguration = { status: "Suspended" };
        }),
    ],
});
