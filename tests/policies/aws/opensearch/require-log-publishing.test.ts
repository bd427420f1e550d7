import type * as aws from "@pulumi/aws";
import policy from "../../../../policies/aws/opensearch/require-log-publishing";
import { checkResource, UNKNOWN } from "../../../harness/policy";

const T = "aws:opensearch/domain:Domain";
const GROUP = "arn:aws:logs:us-east-1:123456789012:log-group:/aws/opensearch/search";
type Option = aws.types.input.opensearch.DomainLogPublishingOption;
const application: Option = { logType: "ES_APPLICATION_LOGS", cloudwatchLogGroupArn: GROUP };
const domain = (...logPublishingOptions: Option[]): aws.opensearch.DomainArgs => ({ engineVersion: "OpenSearch_2.13", logPublishingOptions });

describe("aws-opensearch-require-log-publishing", () => {
    it("passes a domain that publishes its error logs", () => {
        expect(checkResource(policy, { type: T, props: domain(application) }).violations).toEqual([]);
        const legacy: aws.elasticsearch.DomainArgs = { elasticsearchVersion: "7.10", logPublishingOptions: [{ ...application, enabled: true }] };
        expect(checkResource(policy, { type: "aws:elasticsearch/domain:Domain", props: legacy }).violations).toEqual([]);
    });

    it("fires when log publishing is omitted", () => {
        expect(checkResource(policy, { type: T, name: "search", props: { engineVersion: "OpenSearch_2.13" } }).violations)
            .toEqual([expect.stringContaining("OpenSearch domain 'search' does not publish ES_APPLICATION_LOGS to CloudWatch Logs")]);
    });

    it("fires on error logs turned off, sent nowhere, or only slow logs published", () => {
        expect(checkResource(policy, { type: T, props: domain({ ...application, enabled: false }) }).violations).toHaveLength(1);
        expect(checkResource(policy, { type: T, props: domain({ ...application, cloudwatchLogGroupArn: "" }) }).violations).toHaveLength(1);
        expect(checkResource(policy, { type: T, props: domain({ logType: "SEARCH_SLOW_LOGS", cloudwatchLogGroupArn: GROUP }) }).violations).toHaveLength(1);
    });

    it("reports a required option unknown during preview as unknown, and ignores others", () => {
        expect(checkResource(policy, { type: T, props: domain({ ...application, enabled: UNKNOWN as never }) }).unknown).toBeDefined();
        expect(checkResource(policy, { type: T, props: domain(application, { logType: "AUDIT_LOGS", cloudwatchLogGroupArn: UNKNOWN }) }).violations).toEqual([]);
    });

    it("takes the required log types from config", () => {
        const config = { requiredLogTypes: ["ES_APPLICATION_LOGS", "SEARCH_SLOW_LOGS", "INDEX_SLOW_LOGS"] };
        expect(checkResource(policy, { type: T, props: domain(application, { logType: "SEARCH_SLOW_LOGS", cloudwatchLogGroupArn: GROUP }), config }).violations)
            .toEqual([expect.stringContaining("does not publish INDEX_SLOW_LOGS")]);
    });

    it("reads a log group ARN unknown during preview only as set, and an option unknown only when a type is missing", () => {
        expect(checkResource(policy, { type: T, props: domain(UNKNOWN as never, { ...application, cloudwatchLogGroupArn: UNKNOWN }) })).toEqual({ violations: [] });
        expect(checkResource(policy, { type: T, props: domain(UNKNOWN as never) }).unknown).toBeDefined();
    });
});
