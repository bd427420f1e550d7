import * as aws from "@pulumi/aws";
import { scenario } from "../scenario";

export default scenario({
    description: "A reporting database added as a single-AZ RDS instance, otherwise production-ready (encrypted, TLS only, backed up, watched)",
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
            multiAz: false,
            tags: { backup: "daily" },
        });
        new aws.cloudwatch.MetricAlarm("reporting-db-cpu", {
            namespace: "AWS/RDS",
            metricName: "CPUUtilization",
            dimensions: { DBInstanceIdentifier: db.identifier },
            statistic: "Average",
            comparisonOperator: "GreaterThanThreshold",
            threshold: 80,
            period: 60,
            evaluationPeriods: 5,
            alarmActions: ["arn:aws:sns:us-east-1:123456789012:app-alerts"],
        });
    },
});
