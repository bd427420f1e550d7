import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { scenario } from "../scenario";

export default scenario({
    description: "A Lambda function receives an API token in plain text through its environment",
    violations: [
        ["aws-lambda-disallow-plaintext-secrets", "thumbnailer"],
        // Added without the production settings of the reference functions: no tracing, no customer-managed key.
        ["aws-lambda-require-tracing", "thumbnailer"],
        ["aws-lambda-require-environment-kms", "thumbnailer"],
    ],
    extra: () => {
        new aws.lambda.Function("thumbnailer", {
            role: "arn:aws:iam::123456789012:role/thumbnailer",
            runtime: "nodejs22.x",
            handler: "index.handler",
            code: new pulumi.asset.AssetArchive({ "index.js": new pulumi.asset.StringAsset("exports.handler = async () => ({});") }),
            environment: { variables: { IMAGE_BUCKET: "app-uploads-123456789012", API_TOKEN: "tok_live_9f8e7d6c5b4a39281706" } },
        });
    },
});
