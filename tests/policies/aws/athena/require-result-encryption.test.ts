import type * as aws from "@pulumi/aws";
import policy from "../../../../policies/aws/athena/require-result-encryption";
import { checkResource, UNKNOWN } from "../../../harness/policy";

const T = "aws:athena/workgroup:Workgroup";
const workgroup: aws.athena.WorkgroupArgs = {
    name: "analysts",
    configuration: {
        enforceWorkgroupConfiguration: true,
        resultConfiguration: { outputLocation: "s3://app-athena-results/", encryptionConfiguration: { encryptionOption: "SSE_KMS", kmsKeyArn: "arn:aws:kms:us-east-1:123456789012:key/abc" } },
    },
};
const withConfiguration = (change: Record<string, unknown>) => ({ ...workgroup, configuration: { ...(workgroup.configuration as object), ...change } });

describe("aws-athena-require-result-encryption", () => {
    it("passes encrypted, enforced results and Athena's managed result storage", () => {
        expect(checkResource(policy, { type: T, props: workgroup }).violations).toEqual([]);
        expect(checkResource(policy, { type: T, props: withConfiguration({ resultConfiguration: { encryptionConfiguration: { encryptionOption: "SSE_S3" } } }) }).violations).toEqual([]);
        expect(checkResource(policy, { type: T, props: { name: "managed", configuration: { managedQueryResultsConfiguration: { enabled: true } } } }).violations).toEqual([]);
    });
    it("fires when results are not encrypted (configuration, result configuration or encryption omitted)", () => {
        expect(checkResource(policy, { type: T, name: "adhoc", props: { name: "adhoc" } }).violations)
            .toEqual([expect.stringContaining("Athena workgroup 'adhoc' sets no configuration.resultConfiguration.encryptionConfiguration, so Athena writes query results to S3 unencrypted")]);
        expect(checkResource(policy, { type: T, props: withConfiguration({ resultConfiguration: { outputLocation: "s3://results/" } }) }).violations).toHaveLength(1);
    });
    it("fires on an unknown encryption option", () => {
        expect(checkResource(policy, { type: T, props: withConfiguration({ resultConfiguration: { encryptionConfiguration: { encryptionOption: "NONE" } } }) }).violations)
            .toEqual([expect.stringContaining("sets encryptionOption \"NONE\", not one of SSE_S3, SSE_KMS, CSE_KMS")]);
    });
    it("fires when clients may override the workgroup's encryption", () => {
        expect(checkResource(policy, { type: T, props: withConfiguration({ enforceWorkgroupConfiguration: false }) }).violations)
            .toEqual([expect.stringContaining("sets configuration.enforceWorkgroupConfiguration to false")]);
    });
    it("fires on a malformed configuration", () => {
        expect(checkResource(policy, { type: T, props: { name: "x", configuration: "encrypted" } }).violations).toEqual([expect.stringContaining("not a block")]);
    });
    it("is unknown when the encryption option is unknown during preview", () => {
        expect(checkResource(policy, { type: T, props: withConfiguration({ resultConfiguration: { encryptionConfiguration: { encryptionOption: UNKNOWN } } }) }).unknown).toBeDefined();
    });
    it("reports a known violation beside an unknown part, and ignores unrelated unknowns", () => {
        expect(checkResource(policy, { type: T, props: withConfiguration({ enforceWorkgroupConfiguration: false, resultConfiguration: { encryptionConfiguration: { encryptionOption: UNKNOWN } } }) }).violations).toHaveLength(1);
        expect(checkResource(policy, { type: T, props: withConfiguration({ resultConfiguration: { outputLocation: UNKNOWN, encryptionConfiguration: { encryptionOption: "SSE_S3" } } }) }).violations).toEqual([]);
        expect(checkResource(policy, { type: T, props: { ...workgroup, name: UNKNOWN } }).violations).toEqual([]);
    });
    it("is exempted by config", () => {
        expect(checkResource(policy, { type: T, name: "sandbox", props: { name: "sandbox" }, config: { exemptions: [{ resource: "sandbox", reason: "public data set only" }] } }).notApplicable)
            .toContain("public data set only");
    });
});
