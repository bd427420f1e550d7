import type * as aws from "@pulumi/aws";
import policy from "../../../../policies/aws/mq/require-logs";
import { checkResource, UNKNOWN } from "../../../harness/policy";

const T = "aws:mq/broker:Broker";
const activemq: aws.mq.BrokerArgs = {
    brokerName: "events", engineType: "ActiveMQ", engineVersion: "5.18", hostInstanceType: "mq.m5.large",
    users: [{ username: "app", password: "from-config" }], logs: { general: true, audit: true },
};
const rabbitmq: aws.mq.BrokerArgs = { ...activemq, engineType: "RabbitMQ", engineVersion: "3.13", logs: { general: true } };

describe("aws-mq-require-logs", () => {
    it("passes ActiveMQ with general and audit logs, RabbitMQ with general logs", () => {
        expect(checkResource(policy, { type: T, props: activemq }).violations).toEqual([]);
        expect(checkResource(policy, { type: T, props: rabbitmq }).violations).toEqual([]);
    });

    it("fires when logs are omitted", () => {
        expect(checkResource(policy, { type: T, name: "events", props: { ...activemq, logs: undefined } }).violations).toEqual([
            expect.stringContaining("MQ broker 'events' omits logs.general, so the broker publishes no logs"),
            expect.stringContaining("MQ broker 'events' omits logs.audit"),
        ]);
        expect(checkResource(policy, { type: T, props: { ...rabbitmq, logs: undefined } }).violations).toEqual([expect.stringContaining("omits logs.general")]);
    });

    it("fires on logs turned off", () => {
        expect(checkResource(policy, { type: T, props: { ...activemq, logs: { general: true, audit: false } } }).violations).toEqual([expect.stringContaining("sets logs.audit to false")]);
        expect(checkResource(policy, { type: T, props: { ...rabbitmq, logs: { general: false } } }).violations).toEqual([expect.stringContaining("sets logs.general to false")]);
    });

    it("fires on malformed values", () => {
        expect(checkResource(policy, { type: T, props: { ...rabbitmq, logs: "cloudwatch" } }).violations).toEqual([expect.stringContaining("not an object")]);
        expect(checkResource(policy, { type: T, props: { ...rabbitmq, logs: { general: "on" } } }).violations).toEqual([expect.stringContaining("not a boolean")]);
    });

    it("reports unknown", () => expect(checkResource(policy, { type: T, props: { ...activemq, logs: { general: UNKNOWN, audit: true } } }).unknown).toBeDefined());

    it("takes the audit requirement from config", () => {
        const generalOnly: aws.mq.BrokerArgs = { ...activemq, logs: { general: true } };
        expect(checkResource(policy, { type: T, props: generalOnly }).violations).toHaveLength(1);
        expect(checkResource(policy, { type: T, props: generalOnly, config: { requireAuditLogs: false } }).violations).toEqual([]);
    });

    it("judges general and audit logs apart: one unknown during preview hides no violation of the other", () => {
        const props: aws.mq.BrokerArgs = { ...activemq, logs: { general: UNKNOWN as never, audit: false } };
        expect(checkResource(policy, { type: T, name: "events", props }).violations).toEqual([expect.stringContaining("MQ broker 'events' sets logs.audit to false")]);
    });
});
