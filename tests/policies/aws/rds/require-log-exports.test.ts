import type * as aws from "@pulumi/aws";
import policy from "../../../../policies/aws/rds/require-log-exports";
import { checkResource, UNKNOWN } from "../../../harness/policy";

const CLUSTER = "aws:rds/cluster:Cluster";
const INSTANCE = "aws:rds/instance:Instance";
const aurora: aws.rds.ClusterArgs = { engine: "aurora-postgresql", enabledCloudwatchLogsExports: ["postgresql"] };
const mysql: aws.rds.InstanceArgs = { engine: "mysql", instanceClass: "db.t4g.medium", allocatedStorage: 20, enabledCloudwatchLogsExports: ["error", "slowquery"] };

describe("aws-rds-require-log-exports", () => {
    it("passes databases that export their engine's logs", () => {
        expect(checkResource(policy, { type: CLUSTER, props: aurora }).violations).toEqual([]);
        expect(checkResource(policy, { type: INSTANCE, props: mysql }).violations).toEqual([]);
        const auroraMysql: aws.rds.ClusterArgs = { engine: "aurora-mysql", enabledCloudwatchLogsExports: ["audit", "error", "slowquery"] };
        expect(checkResource(policy, { type: CLUSTER, props: auroraMysql }).violations).toEqual([]);
        const oracle: aws.rds.InstanceArgs = { engine: "oracle-ee", instanceClass: "db.m6i.large", enabledCloudwatchLogsExports: ["alert", "audit", "listener"] };
        expect(checkResource(policy, { type: INSTANCE, props: oracle }).violations).toEqual([]);
        const sqlserver: aws.rds.InstanceArgs = { engine: "sqlserver-se", instanceClass: "db.m6i.large", enabledCloudwatchLogsExports: ["agent", "error"] };
        expect(checkResource(policy, { type: INSTANCE, props: sqlserver }).violations).toEqual([]);
    });

    it("fires when no logs are exported (omitted or empty), naming what to export", () => {
        const { enabledCloudwatchLogsExports: _, ...omitted } = aurora;
        expect(checkResource(policy, { type: CLUSTER, name: "app-db", props: omitted }).violations)
            .toEqual(["RDS cluster 'app-db' (aurora-postgresql) exports no logs to CloudWatch (enabledCloudwatchLogsExports omitted): set enabledCloudwatchLogsExports to include \"postgresql\"."]);
        expect(checkResource(policy, { type: INSTANCE, props: { ...mysql, enabledCloudwatchLogsExports: [] } }).violations).toEqual([expect.stringContaining("exports no logs")]);
    });

    it("fires when the engine's required log is missing from the list", () => {
        const auroraMysql: aws.rds.ClusterArgs = { engine: "aurora-mysql", enabledCloudwatchLogsExports: ["error", "slowquery"] };
        expect(checkResource(policy, { type: CLUSTER, name: "orders", props: auroraMysql }).violations)
            .toEqual([expect.stringContaining("RDS cluster 'orders' (aurora-mysql) does not export \"audit\" to CloudWatch")]);
        const postgres: aws.rds.InstanceArgs = { engine: "postgres", instanceClass: "db.t4g.medium", enabledCloudwatchLogsExports: ["upgrade"] };
        expect(checkResource(policy, { type: INSTANCE, props: postgres }).violations).toEqual([expect.stringContaining("does not export \"postgresql\"")]);
        expect(checkResource(policy, { type: INSTANCE, props: { engine: "db2-se", instanceClass: "db.m6i.large", enabledCloudwatchLogsExports: ["notify.log"] } }).violations)
            .toEqual([expect.stringContaining("\"diag.log\"")]);
    });

    it("fires on a value that is not a list, without crashing", () => {
        expect(checkResource(policy, { type: CLUSTER, props: { ...aurora, enabledCloudwatchLogsExports: "postgresql" } }).violations).toEqual([expect.stringContaining("not a list")]);
    });

    it("skips Aurora Serverless v1, Aurora instances, RDS Custom and instances without an engine", () => {
        expect(checkResource(policy, { type: CLUSTER, props: { engine: "aurora-mysql", engineMode: "serverless" } satisfies aws.rds.ClusterArgs }).violations).toEqual([]);
        expect(checkResource(policy, { type: INSTANCE, props: { engine: "aurora-postgresql", instanceClass: "db.r6g.large" } satisfies aws.rds.InstanceArgs }).violations).toEqual([]);
        expect(checkResource(policy, { type: INSTANCE, props: { engine: "custom-oracle-ee", instanceClass: "db.m5.large" } satisfies aws.rds.InstanceArgs }).violations).toEqual([]);
        expect(checkResource(policy, { type: INSTANCE, props: { instanceClass: "db.t4g.medium", replicateSourceDb: "app-db" } satisfies aws.rds.InstanceArgs }).violations).toEqual([]);
    });

    it("reports a list unknown during preview as unknown", () => {
        const verdict = checkResource(policy, { type: CLUSTER, props: { ...aurora, enabledCloudwatchLogsExports: UNKNOWN } });
        expect(verdict.unknown).toBeDefined();
        expect(verdict.violations).toEqual([]);
    });

    it("takes the required logs per engine family from config", () => {
        expect(checkResource(policy, { type: INSTANCE, props: mysql, config: { mysqlLogs: ["error", "general"] } }).violations).toEqual([expect.stringContaining("does not export \"general\"")]);
        const { enabledCloudwatchLogsExports: _, ...omitted } = mysql;
        expect(checkResource(policy, { type: INSTANCE, props: omitted, config: { mysqlLogs: [] } }).violations).toEqual([]);
    });

    it("reads a log type unknown during preview only when a known one is missing", () => {
        expect(checkResource(policy, { type: INSTANCE, props: { ...mysql, enabledCloudwatchLogsExports: [UNKNOWN, "error"] } })).toEqual({ violations: [] });
        expect(checkResource(policy, { type: INSTANCE, props: { ...mysql, enabledCloudwatchLogsExports: [UNKNOWN, "slowquery"] } }).unknown).toBeDefined();
    });
});
