import type * as aws from "@pulumi/aws";
import policy from "../../../../policies/aws/dms/disallow-public-access";
import { checkResource, UNKNOWN } from "../../../harness/policy";

const T = "aws:dms/replicationInstance:ReplicationInstance";
const instance: aws.dms.ReplicationInstanceArgs = { replicationInstanceId: "migration", replicationInstanceClass: "dms.t3.medium", replicationSubnetGroupId: "private", publiclyAccessible: false };

describe("aws-dms-disallow-public-access", () => {
    it("passes a private instance", () => expect(checkResource(policy, { type: T, props: instance }).violations).toEqual([]));

    it("fires when omitted, since DMS makes instances public by default", () => {
        const { publiclyAccessible: _, ...omitted } = instance;
        expect(checkResource(policy, { type: T, name: "migration", props: omitted }).violations)
            .toEqual([expect.stringContaining("DMS replication instance 'migration' omits publiclyAccessible, so DMS gives it a public IP address")]);
    });

    it("fires on a public instance", () => expect(checkResource(policy, { type: T, name: "migration", props: { ...instance, publiclyAccessible: true } }).violations)
        .toEqual([expect.stringContaining("DMS replication instance 'migration' is publicly accessible")]));

    it("fires on a malformed value", () => expect(checkResource(policy, { type: T, props: { ...instance, publiclyAccessible: "private" } }).violations).toEqual([expect.stringContaining("not a boolean")]));

    it("reports unknown", () => expect(checkResource(policy, { type: T, props: { ...instance, publiclyAccessible: UNKNOWN } }).unknown).toBeDefined());

    it("is exempted by config", () => expect(checkResource(policy, { type: T, name: "onprem-cutover", props: { ...instance, publiclyAccessible: true }, config: { exemptions: [{ resource: "onprem-*", reason: "one-off migration from a source reachable over the internet only" }] } }).notApplicable)
        .toContain("one-off migration"));
});
