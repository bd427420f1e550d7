import type * as aws from "@pulumi/aws";
import policy from "../../../../policies/aws/elasticache/require-encryption-at-rest";
import { checkResource, UNKNOWN } from "../../../harness/policy";

const T = "aws:elasticache/replicationGroup:ReplicationGroup";
const group: aws.elasticache.ReplicationGroupArgs = { description: "cache", engine: "redis", nodeType: "cache.t4g.small", atRestEncryptionEnabled: true };

describe("aws-elasticache-require-encryption-at-rest", () => {
    it("passes an encrypted group", () => expect(checkResource(policy, { type: T, props: group }).violations).toEqual([]));
    it("fires on false", () => expect(checkResource(policy, { type: T, props: { ...group, atRestEncryptionEnabled: false } }).violations).toHaveLength(1));
    it("fires when omitted on Redis OSS, not on Valkey (encrypted by default)", () => {
        const { atRestEncryptionEnabled: _, ...rest } = group;
        expect(checkResource(policy, { type: T, props: rest }).violations).toEqual([expect.stringContaining("omits atRestEncryptionEnabled")]);
        expect(checkResource(policy, { type: T, props: { ...rest, engine: "valkey" } }).violations).toEqual([]);
    });
    it("reports unknown", () => expect(checkResource(policy, { type: T, props: { ...group, atRestEncryptionEnabled: UNKNOWN } }).unknown).toBeDefined());
});
