import type * as aws from "@pulumi/aws";
import policy from "../../../../policies/aws/rds/require-final-snapshot";
import { checkResource, UNKNOWN } from "../../../harness/policy";

const T = "aws:rds/cluster:Cluster";
const cluster: aws.rds.ClusterArgs = { engine: "aurora-postgresql", skipFinalSnapshot: false, finalSnapshotIdentifier: "db-final" };

describe("aws-rds-require-final-snapshot", () => {
    it("passes skipFinalSnapshot false, and omitted (defaults to false)", () => {
        expect(checkResource(policy, { type: T, props: cluster }).violations).toEqual([]);
        expect(checkResource(policy, { type: "aws:rds/instance:Instance", props: { engine: "postgres" } }).violations).toEqual([]);
    });
    it("fires on skipFinalSnapshot true", () => expect(checkResource(policy, { type: T, name: "db", props: { ...cluster, skipFinalSnapshot: true } }).violations)
        .toEqual([expect.stringContaining("RDS cluster 'db' skips the final snapshot")]));
    it("fires on a malformed value", () => expect(checkResource(policy, { type: T, props: { skipFinalSnapshot: 1 } }).violations).toEqual([expect.stringContaining("not a boolean")]));
    it("reports unknown", () => expect(checkResource(policy, { type: T, props: { skipFinalSnapshot: UNKNOWN } }).unknown).toBeDefined());
});
