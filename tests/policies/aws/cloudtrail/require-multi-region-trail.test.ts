import type * as aws from "@pulumi/aws";
import policy from "../../../../policies/aws/cloudtrail/require-multi-region-trail";
import { checkStack, StackResource, UNKNOWN, urnOf } from "../../../harness/policy";

const TRAIL = "aws:cloudtrail/trail:Trail";
const vpc: StackResource = { type: "aws:ec2/vpc:Vpc", name: "vpc", props: { cidrBlock: "10.0.0.0/16" } };
const trail = (mutate?: (a: aws.cloudtrail.TrailArgs) => void): StackResource => {
    const args: aws.cloudtrail.TrailArgs = { s3BucketName: "trail-logs", isMultiRegionTrail: true, enableLogFileValidation: true, includeGlobalServiceEvents: true };
    mutate?.(args);
    return { type: TRAIL, name: "audit", props: args };
};

describe("aws-cloudtrail-require-multi-region-trail", () => {
    it("passes a multi-region trail with log file validation", () => {
        expect(checkStack(policy, [vpc, trail()]).violations).toEqual([]);
    });
    it("fires on the trail when it covers one region or skips validation", () => {
        const verdict = checkStack(policy, [vpc, trail((t) => { t.isMultiRegionTrail = false; delete t.enableLogFileValidation; })]);
        expect(verdict.violations).toEqual([expect.stringContaining("CloudTrail trail 'audit' is not a multi-region trail with validated logs: set isMultiRegionTrail: true and enableLogFileValidation: true")]);
        expect(verdict.urns).toEqual([urnOf(TRAIL, "audit")]);
    });
    it("fires on a trail with logging turned off", () => {
        expect(checkStack(policy, [vpc, trail((t) => { t.enableLogging = false; })]).violations).toEqual([expect.stringContaining("enableLogging: true")]);
    });
    it("fires on a stack with AWS resources and no trail (omitted)", () => {
        const verdict = checkStack(policy, [vpc]);
        expect(verdict.violations).toEqual([expect.stringContaining("no CloudTrail trail")]);
        expect(verdict.urns).toEqual([undefined]);
    });
    it("ignores stacks without AWS resources", () => {
        expect(checkStack(policy, [{ type: "kubernetes:core/v1:Namespace", name: "ns", props: {} }]).violations).toEqual([]);
    });
    it("reports a flag unknown during preview as unknown", () => {
        const verdict = checkStack(policy, [vpc, trail((t) => { t.isMultiRegionTrail = UNKNOWN as never; })]);
        expect(verdict.unknownUrns).toEqual([urnOf(TRAIL, "audit")]);
        expect(verdict.violations).toEqual([]);
    });
    it("judges every trail it can when one value is unknown: known-bad fire, only the unknown one is unknown", () => {
        const pending = { ...trail((t) => { t.enableLogFileValidation = UNKNOWN as never; }), name: "pending" };
        const regional = { ...trail((t) => { t.isMultiRegionTrail = false; }), name: "regional" };
        const verdict = checkStack(policy, [vpc, pending, regional]);
        expect(verdict.violations).toEqual([expect.stringContaining("CloudTrail trail 'regional' is not a multi-region trail")]);
        expect(verdict.urns).toEqual([urnOf(TRAIL, "regional")]);
        expect(verdict.unknownUrns).toEqual([urnOf(TRAIL, "pending")]);
    });
    it("passes when one trail is complete although another is unknown", () => {
        const pending = { ...trail((t) => { t.enableLogFileValidation = UNKNOWN as never; }), name: "pending" };
        const verdict = checkStack(policy, [vpc, pending, trail()]);
        expect(verdict.violations).toEqual([]);
        expect(verdict.unknownUrns).toEqual([urnOf(TRAIL, "pending")]);
    });
    it("treats an empty enableLogging as the default (logging on)", () => {
        expect(checkStack(policy, [vpc, trail((t) => { t.enableLogging = "" as never; })]).violations).toEqual([]);
    });

    it("reports a setting known to be missing next to one unknown during preview", () => {
        const verdict = checkStack(policy, [vpc, trail((a) => { a.isMultiRegionTrail = false; a.enableLogFileValidation = UNKNOWN as never; })]);
        expect(verdict.violations).toEqual([expect.stringContaining("CloudTrail trail 'audit' is not a multi-region trail with validated logs: set isMultiRegionTrail: true.")]);
        expect(checkStack(policy, [vpc, trail((a) => { a.enableLogFileValidation = UNKNOWN as never; })]).unknownUrns).toEqual([urnOf(TRAIL, "audit")]);
    });
});
