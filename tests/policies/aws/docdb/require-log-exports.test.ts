import type * as aws from "@pulumi/aws";
import policy from "../../../../policies/aws/docdb/require-log-exports";
import { checkResource, UNKNOWN } from "../../../harness/policy";

const T = "aws:docdb/cluster:Cluster";
const cluster: aws.docdb.ClusterArgs = { engine: "docdb", masterUsername: "catalog", manageMasterUserPassword: true, enabledCloudwatchLogsExports: ["audit"] };

describe("aws-docdb-require-log-exports", () => {
    it("passes the audit log exported", () => {
        expect(checkResource(policy, { type: T, props: cluster }).violations).toEqual([]);
        expect(checkResource(policy, { type: T, props: { ...cluster, enabledCloudwatchLogsExports: ["profiler", "audit"] } }).violations).toEqual([]);
    });
    it("fires when omitted or empty: DocumentDB exports nothing", () => {
        const { enabledCloudwatchLogsExports: _, ...rest } = cluster;
        expect(checkResource(policy, { type: T, name: "docs", props: rest }).violations)
            .toEqual([expect.stringContaining("DocumentDB cluster 'docs' omits enabledCloudwatchLogsExports, so DocumentDB exports no logs (missing audit)")]);
        expect(checkResource(policy, { type: T, props: { ...cluster, enabledCloudwatchLogsExports: [] } }).violations).toHaveLength(1);
    });
    it("fires when the audit log is not among the exports", () => {
        expect(checkResource(policy, { type: T, props: { ...cluster, enabledCloudwatchLogsExports: ["profiler"] } }).violations)
            .toEqual([expect.stringContaining("does not export every required log type (missing audit)")]);
    });
    it("fires on a malformed value, without crashing", () => {
        expect(checkResource(policy, { type: T, props: { ...cluster, enabledCloudwatchLogsExports: "audit" } }).violations).toEqual([expect.stringContaining("a string, not a list")]);
    });
    it("takes the required types from config", () => {
        expect(checkResource(policy, { type: T, props: cluster, config: { requiredLogTypes: ["audit", "profiler"] } }).violations).toEqual([expect.stringContaining("missing profiler")]);
        expect(checkResource(policy, { type: T, props: { ...cluster, enabledCloudwatchLogsExports: ["profiler"] }, config: { requiredLogTypes: ["profiler"] } }).violations).toEqual([]);
    });
    it("reports a value unknown during preview as unknown", () => {
        expect(checkResource(policy, { type: T, props: { ...cluster, enabledCloudwatchLogsExports: UNKNOWN } }).unknown).toBeDefined();
    });

    it("reads a log type unknown during preview only when a known one is missing", () => {
        expect(checkResource(policy, { type: T, props: { ...cluster, enabledCloudwatchLogsExports: [UNKNOWN, "audit"] } })).toEqual({ violations: [] });
        expect(checkResource(policy, { type: T, props: { ...cluster, enabledCloudwatchLogsExports: [UNKNOWN] } }).unknown).toBeDefined();
        expect(checkResource(policy, { type: T, props: { ...cluster, enabledCloudwatchLogsExports: [UNKNOWN] }, config: { requiredLogTypes: [] } })).toEqual({ violations: [] });
    });
});
