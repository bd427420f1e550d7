import type * as aws from "@pulumi/aws";
import policy from "../../../../policies/aws/mq/disallow-public-access";
import { checkResource, UNKNOWN } from "../../../harness/policy";

const T = "aws:mq/broker:Broker";
const broker: aws.mq.BrokerArgs = {
    brokerName: "orders", engineType: "RabbitMQ", engineVersion: "3.13", hostInstanceType: "mq.m5.large", publiclyAccessible: false,
    subnetIds: ["subnet-1"], securityGroups: ["sg-1"], users: [{ username: "app", password: "from-config" }],
};

describe("aws-mq-disallow-public-access", () => {
    it("passes a private broker", () => expect(checkResource(policy, { type: T, props: broker }).violations).toEqual([]));

    it("passes when omitted (private by default)", () => {
        const { publiclyAccessible: _, ...omitted } = broker;
        expect(checkResource(policy, { type: T, props: omitted }).violations).toEqual([]);
    });

    it("fires on a public broker", () => expect(checkResource(policy, { type: T, name: "orders", props: { ...broker, publiclyAccessible: true } }).violations)
        .toEqual([expect.stringContaining("MQ broker 'orders' is publicly accessible")]));

    it("fires on a malformed value", () => expect(checkResource(policy, { type: T, props: { ...broker, publiclyAccessible: "no" } }).violations).toEqual([expect.stringContaining("not a boolean")]));

    it("reports unknown", () => expect(checkResource(policy, { type: T, props: { ...broker, publiclyAccessible: UNKNOWN } }).unknown).toBeDefined());

    it("is exempted by config", () => expect(checkResource(policy, { type: T, name: "iot-ingest", props: { ...broker, publiclyAccessible: true }, config: { exemptions: [{ resource: "iot-*", reason: "devices connect over the internet with TLS client auth" }] } }).notApplicable)
        .toContain("devices connect"));
});
