import type * as aws from "@pulumi/aws";
import policy from "../../../../policies/aws/cloudwatch/require-log-retention";
import { checkResource, UNKNOWN } from "../../../harness/policy";

const T = "aws:cloudwatch/logGroup:LogGroup";
const group: aws.cloudwatch.LogGroupArgs = { retentionInDays: 30 };

describe("aws-cloudwatch-require-log-retention", () => {
    it("passes 30 and 90 days", () => {
        expect(checkResource(policy, { type: T, props: group }).violations).toEqual([]);
        expect(checkResource(policy, { type: T, props: { retentionInDays: 90 } }).violations).toEqual([]);
    });
    it("fires below the minimum", () => expect(checkResource(policy, { type: T, name: "logs", props: { retentionInDays: 7 } }).violations)
        .toEqual([expect.stringContaining("log group 'logs' keeps logs 7 day(s), below the minimum 30")]));
    it("passes an omitted retention (kept forever) unless a maximum is configured", () => {
        expect(checkResource(policy, { type: T, props: {} }).violations).toEqual([]);
        expect(checkResource(policy, { type: T, props: {}, config: { maximumDays: 90 } }).violations).toEqual([expect.stringContaining("keeps logs forever")]);
    });
    it("fires above a configured maximum", () => expect(checkResource(policy, { type: T, props: { retentionInDays: 365 }, config: { maximumDays: 90 } }).violations)
        .toEqual([expect.stringContaining("beyond the maximum 90")]));
    it("fires on a malformed value", () => expect(checkResource(policy, { type: T, props: { retentionInDays: "month" } }).violations).toHaveLength(1));
    it("reports unknown", () => expect(checkResource(policy, { type: T, props: { retentionInDays: UNKNOWN } }).unknown).toBeDefined());
    it("takes the minimum from config", () => expect(checkResource(policy, { type: T, props: group, config: { minimumDays: 60 } }).violations).toHaveLength(1));
});
