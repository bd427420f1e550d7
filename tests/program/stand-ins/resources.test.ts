import { canonicalType, resourceOutputStandIns, resourceTypes } from "../../../src/program/stand-ins";
import { UNKNOWN } from "../../../src/values";

const CONTEXT = { region: "us-east-1", accountId: "123456789012" };

describe("resourceOutputStandIns", () => {
    test("records the resources of both packages", () => {
        const types = resourceTypes();
        expect(types.filter((t) => t.startsWith("aws:")).length).toBeGreaterThan(1500);
        expect(types).toContain("kubernetes:apps/v1:Deployment");
    });

    test("an autonamed S3 bucket gets the engine's autoname and the ARN made from it", () => {
        const outputs = resourceOutputStandIns("aws:s3/bucket:Bucket", "logs", {}, CONTEXT)!;
        expect(outputs.bucket).toMatch(/^logs-[0-9a-f]{7}$/);
        expect(outputs.arn).toBe(`arn:aws:s3:::${outputs.bucket}`);
        expect(outputs.bucketDomainName).toBe(`${outputs.bucket}.s3.us-east-1.amazonaws.com`);
        expect(outputs).not.toHaveProperty("id");
    });

    test("a named S3 bucket's ARN names it, and the name is not repeated as an output", () => {
        const outputs = resourceOutputStandIns("aws:s3/bucketV2:BucketV2", "logs", { bucket: "acme-logs" }, CONTEXT)!;
        expect(outputs.arn).toBe("arn:aws:s3:::acme-logs");
        expect(outputs).not.toHaveProperty("bucket");
    });

    test("an IAM policy's ARN is global, in the account, under its path", () => {
        const autonamed = resourceOutputStandIns("aws:iam/policy:Policy", "deploy", { policy: "{}" }, CONTEXT)!;
        expect(autonamed.arn).toBe(`arn:aws:iam::123456789012:policy/${autonamed.name}`);
        expect(autonamed.name).toMatch(/^deploy-[0-9a-f]{7}$/);
        const named = resourceOutputStandIns("aws:iam/policy:Policy", "deploy", { name: "ci-deploy", path: "/ci/", policy: "{}" }, CONTEXT)!;
        expect(named.arn).toBe("arn:aws:iam::123456789012:policy/ci/ci-deploy");
        expect(named).not.toHaveProperty("policy");
    });

    test("a name prefix is followed by the provider's digits", () => {
        const outputs = resourceOutputStandIns("aws:cloudwatch/logGroup:LogGroup", "app", { namePrefix: "app-" }, CONTEXT)!;
        expect(outputs.name).toMatch(/^app-\d{26}$/);
        expect(outputs.arn).toBe(`arn:aws:logs:us-east-1:123456789012:log-group:${outputs.name}`);
    });

    test("a load balancer listener's former token is its alias, and both modules give an elasticloadbalancing ARN", () => {
        expect(canonicalType("aws:elasticloadbalancingv2/listener:Listener")).toBe("aws:lb/listener:Listener");
        expect(canonicalType("aws:applicationloadbalancing/listener:Listener")).toBe("aws:alb/listener:Listener");
        const byAlias = resourceOutputStandIns("aws:elasticloadbalancingv2/listener:Listener", "https", {}, CONTEXT)!;
        const lb = resourceOutputStandIns("aws:lb/listener:Listener", "https", {}, CONTEXT)!;
        const alb = resourceOutputStandIns("aws:alb/listener:Listener", "https", {}, CONTEXT)!;
        expect(byAlias).toEqual(lb);
        for (const outputs of [lb, alb]) {
            expect(outputs.arn).toMatch(/^arn:aws:elasticloadbalancing:us-east-1:123456789012:listener\/app\//);
        }
    });

    test("EC2 resources are named by id in their ARN", () => {
        const outputs = resourceOutputStandIns("aws:ec2/vpc:Vpc", "main", { cidrBlock: "10.0.0.0/16" }, CONTEXT)!;
        expect(outputs.arn).toMatch(/^arn:aws:ec2:us-east-1:123456789012:vpc\/vpc-0[0-9a-f]{16}$/);
        expect(outputs.ownerId).toBe("123456789012");
        expect(outputs.defaultSecurityGroupId).toMatch(/^sg-/);
    });

    test("settable outputs the program leaves unset stay unknown: their default is the provider's", () => {
        const outputs = resourceOutputStandIns("aws:ec2/vpc:Vpc", "main", { cidrBlock: "10.0.0.0/16" }, CONTEXT)!;
        expect(outputs).not.toHaveProperty("enableDnsSupport");
        expect(outputs).not.toHaveProperty("cidrBlock");
        expect(outputs).not.toHaveProperty("tagsAll");
    });

    test("an input the program sets is never overwritten, even when unknown", () => {
        const outputs = resourceOutputStandIns("aws:lambda/function:Function", "api", { name: UNKNOWN, role: "arn:aws:iam::123456789012:role/x" }, CONTEXT)!;
        expect(outputs).not.toHaveProperty("name");
        expect(outputs.arn).toMatch(/^arn:aws:lambda:us-east-1:123456789012:function:api-[0-9a-f]{7}$/);
    });

    test("the same resource gets the same stand-ins, another logical name others", () => {
        const a = resourceOutputStandIns("aws:sqs/queue:Queue", "jobs", {}, CONTEXT);
        expect(resourceOutputStandIns("aws:sqs/queue:Queue", "jobs", {}, CONTEXT)).toEqual(a);
        expect(resourceOutputStandIns("aws:sqs/queue:Queue", "mail", {}, CONTEXT)?.arn).not.toEqual(a?.arn);
        expect(a?.arn).toBe(`arn:aws:sqs:us-east-1:123456789012:${a?.name}`);
    });

    test("a Kubernetes object has no simple computed outputs: nothing to add", () => {
        expect(resourceOutputStandIns("kubernetes:apps/v1:Deployment", "web", { metadata: { name: "web" } }, CONTEXT)).toEqual({});
        expect(resourceOutputStandIns("kubernetes:extensions/v1beta1:Deployment", "web", {}, CONTEXT)).toEqual({});
    });

    test("knows nothing of other types", () => {
        expect(resourceOutputStandIns("acme:index:Widget", "w", {}, CONTEXT)).toBeUndefined();
        expect(resourceOutputStandIns("aws:ec2/getVpc:getVpc", "w", {}, CONTEXT)).toBeUndefined();
    });
});
