import type * as aws from "@pulumi/aws";
import policy from "../../../../policies/aws/elasticache/require-auth-token";
import { checkResource, UNKNOWN } from "../../../harness/policy";

const GROUP = "aws:elasticache/replicationGroup:ReplicationGroup";
const TOKEN = "s3cr3t-t0ken-value-1234567890";
const group: aws.elasticache.ReplicationGroupArgs = { description: "cache", engine: "redis", nodeType: "cache.r7g.large", transitEncryptionEnabled: true, userGroupIds: ["app-users"] };

describe("aws-elasticache-require-auth-token", () => {
    it("passes a TLS group with a user group or an AUTH token", () => {
        expect(checkResource(policy, { type: GROUP, props: group }).violations).toEqual([]);
        const { userGroupIds: _, ...noUsers } = group;
        expect(checkResource(policy, { type: GROUP, props: { ...noUsers, authToken: TOKEN } }).violations).toEqual([]);
        expect(checkResource(policy, { type: GROUP, props: { ...noUsers, authTokenWo: TOKEN, authTokenWoVersion: 1 } }).violations).toEqual([]);
    });

    it("accepts a token or user group unknown during preview, as it will be set", () => {
        expect(checkResource(policy, { type: GROUP, props: { ...group, userGroupIds: UNKNOWN } }).violations).toEqual([]);
        expect(checkResource(policy, { type: GROUP, props: { ...group, userGroupIds: undefined, authToken: UNKNOWN } })).toEqual({ violations: [] });
    });

    it("fires on a TLS group that authenticates no client (omitted or empty), without printing anything secret", () => {
        const { userGroupIds: _, ...noUsers } = group;
        expect(checkResource(policy, { type: GROUP, name: "cache", props: noUsers }).violations)
            .toEqual([expect.stringContaining("ElastiCache replication group 'cache' authenticates no client (neither userGroupIds nor authToken is set)")]);
        const verdict = checkResource(policy, { type: GROUP, props: { ...noUsers, userGroupIds: [], authToken: "" } });
        expect(verdict.violations).toHaveLength(1);
    });

    it("does not judge a group without transit encryption, where ElastiCache takes no token", () => {
        const { userGroupIds: _, ...noUsers } = group;
        expect(checkResource(policy, { type: GROUP, props: { ...noUsers, transitEncryptionEnabled: false } }).violations).toEqual([]);
        const { transitEncryptionEnabled: __, ...omitted } = noUsers;
        expect(checkResource(policy, { type: GROUP, props: omitted }).violations).toEqual([]);
    });

    it("reports transit encryption unknown during preview as unknown", () => {
        expect(checkResource(policy, { type: GROUP, props: { description: "cache", transitEncryptionEnabled: UNKNOWN } }).unknown).toBeDefined();
    });

    it("with requireUserGroups, fires on a shared token and never prints it", () => {
        const { userGroupIds: _, ...noUsers } = group;
        const verdict = checkResource(policy, { type: GROUP, props: { ...noUsers, authToken: TOKEN }, config: { requireUserGroups: true } });
        expect(verdict.violations).toEqual([expect.stringContaining("authenticates clients with a shared AUTH token only")]);
        expect(verdict.violations.join("")).not.toContain(TOKEN);
        expect(checkResource(policy, { type: GROUP, props: group, config: { requireUserGroups: true } }).violations).toEqual([]);
    });
});
