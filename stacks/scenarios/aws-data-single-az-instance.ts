import * as aws from "@pulumi/aws";
import { scenario } from "../scenario";

export default scenario({
    description: "A reporting database added as a single-AZ RDS instance, otherwise production-ready (encrypted, TLS only, backed up, logs exported, monitored, watched)",
    violations: [["aws-rds-require-multi-az", "reporting-db"]],
    extra: () => {
        const params = new aws.rds.ParameterGroup("reporting-db-params", {
            family: "postgres16",
            parameters: [{ name: "rds.force_ssl", value: "1" }],
        });
        const db = new aws.rds.Instance("reporting-db", {
            identifier: "reporting",
            engine: "postgres",
            engineVersion: "16.4",
            instanceClass: "db.t4g.large",
            allocatedStorage: 100,
            username: "reporting",
            manageMasterUserPassword: true,
            parameterGroupName: params.name,
            storageEncrypted: true,
            backupRetentionPeriod: 30,
            deletionProtection: true,
            finalSnapshotIdentifier: "reporting-final",
            publiclyAccessible: false,
            enabledCloudwatchLogsExports: ["postgresql"],
            monitoringInterval: 60,
            monitoringRoleArn: "arn:aws:iam::123456789012:role/rds-enhanced-monitoring",
            multiAz: false,
            tags: { backup: "daily" },
        });
        // CPU above 80%, connections near the limit, less than 15% of the 100 GiB free.
        const watch: [string, string, string, number, string][] = [
            ["cpu", "CPUUtilization", "Average", 80, "GreaterThanThreshold"],
            ["connections", "DatabaseConnections", "Maximum", 400, "GreaterThanThreshold"],
            ["storage", "FreeStorageSpace", "Minimum", 15 * 1024 ** 3, "LessThanThreshold"],
        ];
        for (const [suffix, metricName, statistic, threshold, comparisonOperator] of watch) {
            new aws.cloudwatch.MetricAlarm(`reporting-db-${suffix}`, {
                namespace: "AWS/RDS",
                metricName,
                dimensions: { DBInstanceIdentifier: db.identifier },
                statistic,
                comparisonOperator,
                threshold,
                period: 60,
                evaluationPeriods: 5,
                alarmActions: ["arn:aws:sns:us-east-1:123456789012:app-alerts"],
            });
        }
    },
});
