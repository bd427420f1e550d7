import type * as aws from "@pulumi/aws";
import policy from "../../../../policies/aws/neptune/require-audit-logs";
import { checkResource, UNKNOWN } from "../../../harness/policy";

const T = "aws:neptune/cluster:Cluster";
const cluster: aws.neptune.ClusterArgs = { engine: "neptune", storageEncrypted: true, enableCloudwatchLogsExports: ["audit", "slowquery"] };

describe("aws-neptune-require-audit-logs", () => {
    it("passes a cluster that exports its audit log", () => {
        expect(checkResource(policy, { type: T, props: cluster }).violations).toEqual([]);
    });
    it("fires when the audit log is not among the exports", () => {
        expect(checkResource(policy, { type: T, name: "graph", props: { ...cluster, enableCloudwatchLogsExports: ["slowquery"] } }).violations)
            .toEqual(["Neptune cluster 'graph' does not export the audit log: add \"audit\" to enableCloudwatchLogsExports."]);
    });
    it("fires when exports are omitted or empty", () => {
        expect(checkResource(policy, { type: T, props: { engine: "neptune" } }).violations).toEqual([expect.stringContaining("omits enableCloudwatchLogsExports, so Neptune exports no audit log")]);
        expect(checkResource(policy, { type: T, props: { ...cluster, enableCloudwatchLogsExports: [] } }).violations).toHaveLength(1);
    });
    it("fires on a malformed value", () => {
        expect(checkResource(policy, { type: T, props: { ...cluster, enableCloudwatchLogsExports: "audit" } }).violations).toEqual([expect.stringContaining("not a list")]);
    });
    it("is unknown only when an unknown entry could be the audit log", () => {
        expect(checkResource(policy, { type: T, props: { ...cluster, enableCloudwatchLogsExports: ["slowquery", UNKNOWN] } }).unknown).toBeDefined();
        expect(checkResource(policy, { type: T, props: { ...cluster, enableCloudwatchLogsExports: ["audit", UNKNOWN] } }).violations).toEqual([]);
    });
    it("ignores an unrelated value unknown during preview", () => {
        expect(checkResource(policy, { type: T, props: { ...cluster, clusterIdentifier: UNKNOWN } }).violations).toEqual([]);
        expect(checkResource(policy, { type: T, props: { engine: "neptune", clusterIdentifier: UNKNOWN } }).violations).toHaveLength(1);
    });
    it("is exempted by config", () => {
        expect(checkResource(policy, { type: T, name: "graph-dev", props: { engine: "neptune" }, config: { exemptions: [{ resource: "graph-dev", reason: "development only" }] } }).notApplicable)
            .toContain("development only");
    });
});
