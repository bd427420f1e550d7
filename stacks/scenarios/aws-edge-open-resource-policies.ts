import * as aws from "@pulumi/aws";
import { scenario } from "../scenario";

export default scenario({
    description: "Resource policies opened for a partner in a hurry: an ECR repository and an SQS queue that allow Principal \"*\", a Lambda permission for SNS without sourceArn, a report uploaded with a public-read ACL, and a deploy policy granting s3:* on every resource",
    violations: [
        ["aws-ecr-restrict-repository-policy", "app-api-repo-partner-pull"],
        ["aws-sqs-restrict-queue-policy", "partner-orders-policy"],
        ["aws-lambda-require-permission-source-arn", "app-webhook-from-sns"],
        ["aws-s3-disallow-public-access", "partner-report"],
        ["aws-iam-restrict-service-wildcard-actions", "partner-deploy"],
    ],
    extra: () => {
        new aws.ecr.RepositoryPolicy("app-api-repo-partner-pull", {
            repository: "api",
            policy: JSON.stringify({ Version: "2012-10-17", Statement: [{ Sid: "PartnerPull", Effect: "Allow", Principal: "*", Action: ["ecr:BatchGetImage", "ecr:GetDownloadUrlForLayer"] }] }),
        });
        new aws.sqs.QueuePolicy("partner-orders-policy", {
            queueUrl: "https://sqs.us-east-1.amazonaws.com/123456789012/app-orders",
            policy: JSON.stringify({ Version: "2012-10-17", Statement: [{ Effect: "Allow", Principal: { AWS: "*" }, Action: "sqs:SendMessage", Resource: "arn:aws:sqs:us-east-1:123456789012:app-orders" }] }),
        });
        new aws.lambda.Permission("app-webhook-from-sns", { action: "lambda:InvokeFunction", function: "app-webhook", principal: "sns.amazonaws.com" });
        new aws.s3.BucketObjectv2("partner-report", { bucket: "app-uploads-123456789012", key: "partners/acme/report.csv", content: "id,total\n", acl: "public-read" });
        new aws.iam.Policy("partner-deploy", {
            description: "Lets the partner's pipeline publish releases",
            policy: JSON.stringify({ Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: "s3:*", Resource: "*" }] }),
        });
    },
});
