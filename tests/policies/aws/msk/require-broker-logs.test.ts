import policy from "../../../../policies/aws/msk/require-broker-logs";
import { checkResource, UNKNOWN } from "../../../harness/policy";
import { cluster, T } from "./fixtures";

const logs = (brokerLogs: object) => ({ ...cluster, loggingInfo: { brokerLogs } });

describe("aws-msk-require-broker-logs", () => {
    it("passes CloudWatch Logs, Firehose or S3 enabled", () => {
        expect(checkResource(policy, { type: T, props: cluster }).violations).toEqual([]);
        expect(checkResource(policy, { type: T, props: logs({ firehose: { enabled: true, deliveryStream: "msk-logs" } }) }).violations).toEqual([]);
        expect(checkResource(policy, { type: T, props: logs({ cloudwatchLogs: { enabled: false }, s3: { enabled: true, bucket: "logs" } }) }).violations).toEqual([]);
    });
    it("fires when every destination is disabled", () => expect(checkResource(policy, { type: T, name: "events", props: logs({ cloudwatchLogs: { enabled: false }, s3: { enabled: false } }) }).violations)
        .toEqual([expect.stringContaining("MSK cluster 'events' delivers its broker logs nowhere")]));
    it("fires when loggingInfo is omitted or brokerLogs is empty", () => {
        const { loggingInfo: _, ...rest } = cluster;
        expect(checkResource(policy, { type: T, props: rest }).violations).toHaveLength(1);
        expect(checkResource(policy, { type: T, props: logs({}) }).violations).toHaveLength(1);
    });
    it("fires on a malformed destination", () => expect(checkResource(policy, { type: T, props: logs({ cloudwatchLogs: "yes" }) }).violations).toHaveLength(1));
    it("reports unknown", () => expect(checkResource(policy, { type: T, props: logs({ cloudwatchLogs: { enabled: UNKNOWN } }) }).unknown).toBeDefined());
    it("is exempted by config", () => expect(checkResource(policy, { type: T, name: "dev-events", props: logs({}), config: { exemptions: [{ resource: "dev-*", reason: "development cluster" }] } }).notApplicable)
        .toContain("development cluster"));

    it("reads a destination unknown during preview only when no known one is enabled", () => {
        expect(checkResource(policy, { type: T, props: logs({ cloudwatchLogs: UNKNOWN, s3: { enabled: true, bucket: UNKNOWN } }) })).toEqual({ violations: [] });
        expect(checkResource(policy, { type: T, props: logs({ cloudwatchLogs: UNKNOWN }) }).unknown).toBeDefined();
    });
});
