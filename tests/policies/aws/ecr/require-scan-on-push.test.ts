import type * as aws from "@pulumi/aws";
import policy from "../../../../policies/aws/ecr/require-scan-on-push";
import { checkResource, UNKNOWN } from "../../../harness/policy";

const T = "aws:ecr/repository:Repository";
const repo: aws.ecr.RepositoryArgs = { imageScanningConfiguration: { scanOnPush: true } };

describe("aws-ecr-require-scan-on-push", () => {
    it("passes", () => expect(checkResource(policy, { type: T, props: repo }).violations).toEqual([]));
    it("fires on false", () => expect(checkResource(policy, { type: T, name: "api", props: { imageScanningConfiguration: { scanOnPush: false } } }).violations)
        .toEqual([expect.stringContaining("ECR repository 'api' sets imageScanningConfiguration.scanOnPush to false")]));
    it("fires when omitted", () => expect(checkResource(policy, { type: T, props: {} }).violations).toEqual([expect.stringContaining("omits imageScanningConfiguration.scanOnPush")]));
    it("reports unknown", () => expect(checkResource(policy, { type: T, props: { imageScanningConfiguration: { scanOnPush: UNKNOWN } } }).unknown).toBeDefined());
});
