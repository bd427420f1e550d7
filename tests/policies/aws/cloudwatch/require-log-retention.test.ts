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
        .toEqual([expect.stringContaining("log group 'logs' sets retentionInDays to 7 day(s), below the minimum 30")]));
    it("reports a value CloudWatch Logs rejects as invalid, not as passing", () => {
        expect(checkResource(policy, { type: T, name: "logs", props: { retentionInDays: 45 } }).violations).toEqual([expect.stringContaining("log group 'logs' sets retentionInDays to 45, which CloudWatch Logs rejects")]);
        expect(checkResource(policy, { type: T, props: { retentionInDays: 5000 } }).violations).toEqual([expect.stringContaining("which CloudWatch Logs rejects")]);
        expect(checkResource(policy, { type: T, props: { retentionInDays: 3653 } }).violations).toEqual([]);
    });
    it("treats 0 and an empty string as never expiring", () => {
        expect(checkResource(policy, { type: T, props: { retentionInDays: 0 } }).violations).toEqual([]);
        expect(checkResource(policy, { type: T, props: { retentionInDays: "" }, config: { maximumDays: 90 } }).violations).toEqual([expect.stringContaining("keeps logs forever")]);
    });
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
