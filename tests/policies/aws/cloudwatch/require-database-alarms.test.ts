import type * as aws from "@pulumi/aws";
import policy from "../../../../policies/aws/cloudwatch/require-database-alarms";
import { checkStack, UNKNOWN } from "../../../harness/policy";
import { alarm, ALARM, resource, urnOf } from "./alarm-fixtures";

const INSTANCE = "aws:rds/instance:Instance";
const CLUSTER = "aws:rds/cluster:Cluster";
const NS = "AWS/RDS";
const GIB = 1024 ** 3;
const instance: aws.rds.InstanceArgs = { identifier: "orders", engine: "postgres", instanceClass: "db.t4g.large", allocatedStorage: 100 };
const aurora: aws.rds.ClusterArgs = { clusterIdentifier: "app-db", engine: "aurora-postgresql" };
const byInstance = { DBInstanceIdentifier: "orders" };
const cpu = alarm(NS, "CPUUtilization", 80, byInstance);
const connections = alarm(NS, "DatabaseConnections", 400, byInstance, { statistic: "Maximum" });
// 85% used of 100 GiB leaves 15 GiB free.
const storage = alarm(NS, "FreeStorageSpace", 15 * GIB, byInstance, { statistic: "Minimum", comparisonOperator: "LessThanThreshold" });
const stack = (db: aws.rds.InstanceArgs, ...alarms: aws.cloudwatch.MetricAlarmArgs[]) =>
    [resource(INSTANCE, "orders", db), ...alarms.map((a, i) => resource(ALARM, `alarm-${i}`, a))];

describe("aws-cloudwatch-require-database-alarms", () => {
    it("passes an instance with CPU, connection and free-storage alarms that notify", () => {
        expect(checkStack(policy, stack(instance, cpu, connections, storage))).toEqual({ violations: [], urns: [] });
    });

    it("passes an Aurora cluster with CPU and connection alarms: its volume grows by itself", () => {
        const byCluster = { DBClusterIdentifier: "app-db" };
        const resources = [resource(CLUSTER, "db", aurora), resource(ALARM, "cpu", { ...cpu, dimensions: byCluster }),
            resource(ALARM, "connections", { ...connections, dimensions: byCluster, comparisonOperator: "LessThanThreshold", threshold: 1 })];
        expect(checkStack(policy, resources)).toEqual({ violations: [], urns: [] });
    });

    it("fires once per missing alarm, giving the free-storage threshold in bytes", () => {
        const verdict = checkStack(policy, stack(instance));
        expect(verdict.violations).toEqual([
            expect.stringMatching(/^RDS instance 'orders' has no CloudWatch alarm with alarmActions on CPUUtilization above 80%/),
            expect.stringContaining("on DatabaseConnections: add"),
            expect.stringContaining(`on FreeStorageSpace below 15% of allocatedStorage (${15 * GIB} bytes of 100 GiB): add an aws.cloudwatch.MetricAlarm with namespace AWS/RDS, metricName FreeStorageSpace, statistic Minimum, comparisonOperator LessThanThreshold, threshold ${15 * GIB} (bytes) or more`),
        ]);
        expect(verdict.urns).toEqual([urnOf(INSTANCE, "orders"), urnOf(INSTANCE, "orders"), urnOf(INSTANCE, "orders")]);
    });

    it("fires on a free-storage alarm that waits until 5% is left, a lax CPU alarm, and a non-Aurora cluster without a storage alarm", () => {
        expect(checkStack(policy, stack(instance, cpu, connections, { ...storage, threshold: 5 * GIB })).violations)
            .toEqual([expect.stringContaining(`alarms on FreeStorageSpace below ${5 * GIB} bytes, later than the limit ${15 * GIB} bytes`)]);
        expect(checkStack(policy, stack(instance, { ...cpu, threshold: 95 }, connections, storage)).violations)
            .toEqual([expect.stringContaining("alarms on CPUUtilization above 95%, later than the limit 80%")]);
        const multiAz: aws.rds.ClusterArgs = { clusterIdentifier: "ledger", engine: "postgres", allocatedStorage: 400, storageType: "io1", iops: 3000 };
        const byCluster = { DBClusterIdentifier: "ledger" };
        const verdict = checkStack(policy, [resource(CLUSTER, "ledger", multiAz), resource(ALARM, "cpu", { ...cpu, dimensions: byCluster }), resource(ALARM, "connections", { ...connections, dimensions: byCluster })]);
        expect(verdict.violations).toEqual([expect.stringContaining("RDS cluster 'ledger' has no CloudWatch alarm with alarmActions on FreeStorageSpace below 15% of allocatedStorage")]);
    });

    it("asks for a free-storage alarm at any threshold when allocatedStorage is omitted", () => {
        const replica: aws.rds.InstanceArgs = { identifier: "orders", instanceClass: "db.t4g.large", replicateSourceDb: "orders-primary" };
        expect(checkStack(policy, stack(replica, cpu, connections, { ...storage, threshold: 1 }))).toEqual({ violations: [], urns: [] });
        expect(checkStack(policy, stack(replica, cpu, connections)).violations).toEqual([expect.stringContaining("threshold 15% of allocatedStorage (bytes) or more")]);
    });

    it("links alarms through the graph, and is unknown when an unplaced alarm's dimension is unknown", () => {
        const linked = [resource(CLUSTER, "db", { ...aurora, clusterIdentifier: undefined }),
            ...[cpu, connections].map((a, i) => resource(ALARM, `alarm-${i}`, { ...a, dimensions: { DBClusterIdentifier: UNKNOWN } }, { propertyDependencies: { dimensions: [urnOf(CLUSTER, "db")] } }))];
        expect(checkStack(policy, linked)).toEqual({ violations: [], urns: [] });
        const verdict = checkStack(policy, [...stack(instance, cpu, connections), resource(ALARM, "storage", { ...storage, dimensions: { DBInstanceIdentifier: UNKNOWN } })]);
        expect(verdict.violations).toEqual([]);
        expect(verdict.unknownUrns).toEqual([urnOf(INSTANCE, "orders")]);
    });

    it("reads the disk usage and CPU limits from the config", () => {
        expect(checkStack(policy, stack(instance, cpu, connections, storage), { maximumDiskUsedPercent: 80 }).violations)
            .toEqual([expect.stringContaining(`later than the limit ${20 * GIB} bytes`)]);
        expect(checkStack(policy, stack(instance, { ...cpu, threshold: 90 }, connections, storage), { maximumCpuPercent: 90 }).violations).toEqual([]);
    });
});
