import type * as aws from "@pulumi/aws";
import policy from "../../../../policies/aws/elasticache/require-encryption-in-transit";
import { checkResource, UNKNOWN } from "../../../harness/policy";

const T = "aws:elasticache/replicationGroup:ReplicationGroup";
const group: aws.elasticache.ReplicationGroupArgs = { description: "cache", engine: "redis", nodeType: "cache.t4g.small", transitEncryptionEnabled: true };

describe("aws-elasticache-require-encryption-in-transit", () => {
    it("passes TLS required", () => expect(checkResource(policy, { type: T, props: { ...group, transitEncryptionMode: "required" } }).violations).toEqual([]));
    it("fires on false", () => expect(checkResource(policy, { type: T, props: { ...group, transitEncryptionEnabled: false } }).violations).toHaveLength(1));
    it("fires on mode preferred", () => expect(checkResource(policy, { type: T, props: { ...group, transitEncryptionMode: "preferred" } }).violations).toEqual([expect.stringContaining("still accepts plain-text")]));
    it("fires when omitted", () => expect(checkResource(policy, { type: T, props: { description: "c", engine: "redis" } }).violations).toEqual([expect.stringContaining("omits transitEncryptionEnabled")]));
    it("reports unknown", () => expect(checkResource(policy, { type: T, props: { ...group, transitEncryptionEnabled: UNKNOWN } }).unknown).toBeDefined());

    it("reports the preferred mode while the switch is unknown during preview", () => {
        expect(checkResource(policy, { type: T, name: "cache", props: { ...group, transitEncryptionEnabled: UNKNOWN as never, transitEncryptionMode: "preferred" } }).violations)
            .toEqual([expect.stringContaining("sets transitEncryptionMode \"preferred\"")]);
    });
});
