import type * as aws from "@pulumi/aws";
import policy from "../../../../policies/aws/redshift/require-audit-logging";
import { checkStack, UNKNOWN, urnOf } from "../../../harness/policy";

const CLUSTER = "aws:redshift/cluster:Cluster";
const LOGGING = "aws:redshift/logging:Logging";
const cluster: aws.redshift.ClusterArgs = { clusterIdentifier: "analytics", nodeType: "ra3.xlplus" };
const logging: aws.redshift.LoggingArgs = { clusterIdentifier: "analytics", logDestinationType: "cloudwatch", logExports: ["connectionlog", "userlog", "useractivitylog"] };
const toS3: aws.redshift.LoggingArgs = { clusterIdentifier: "analytics", logDestinationType: "s3", bucketName: "audit-logs" };

describe("aws-redshift-require-audit-logging", () => {
    it("passes logs to CloudWatch Logs or to S3", () => {
        expect(checkStack(policy, [{ type: CLUSTER, name: "dw", props: cluster }, { type: LOGGING, name: "dw-logging", props: logging }]).violations).toEqual([]);
        expect(checkStack(policy, [{ type: CLUSTER, name: "dw", props: cluster }, { type: LOGGING, name: "dw-logging", props: toS3 }]).violations).toEqual([]);
        const { logDestinationType: _, ...bucketOnly } = toS3;
        expect(checkStack(policy, [{ type: CLUSTER, name: "dw", props: cluster }, { type: LOGGING, name: "dw-logging", props: bucketOnly }]).violations).toEqual([]);
    });

    it("fires on a cluster without Logging (omitted)", () => {
        const verdict = checkStack(policy, [{ type: CLUSTER, name: "dw", props: cluster }]);
        expect(verdict.violations).toEqual([expect.stringContaining("Redshift cluster 'dw' has no audit logging: add an aws.redshift.Logging")]);
        expect(verdict.urns).toEqual([urnOf(CLUSTER, "dw")]);
    });

    it("fires on Logging that delivers nowhere", () => {
        const cases: [aws.redshift.LoggingArgs, string][] = [
            [{ ...logging, logExports: [] }, "sends to CloudWatch Logs without logExports"],
            [{ ...toS3, bucketName: "" }, "sends to S3 without bucketName"],
            [{ clusterIdentifier: "analytics" }, "names no logDestinationType"],
        ];
        for (const [props, why] of cases) {
            expect(checkStack(policy, [{ type: CLUSTER, name: "dw", props: cluster }, { type: LOGGING, name: "dw-logging", props }]).violations)
                .toEqual([expect.stringContaining(`(aws.redshift.Logging 'dw-logging' ${why})`)]);
        }
    });

    it("fires on Logging that names another cluster", () => {
        expect(checkStack(policy, [{ type: CLUSTER, name: "dw", props: cluster }, { type: LOGGING, name: "other-logging", props: { ...logging, clusterIdentifier: "reporting" } }]).violations).toHaveLength(1);
    });

    it("joins through the graph when the identifier is unknown during preview", () => {
        expect(checkStack(policy, [
            { type: CLUSTER, name: "dw", props: { ...cluster, clusterIdentifier: UNKNOWN } },
            { type: LOGGING, name: "dw-logging", props: { ...logging, clusterIdentifier: UNKNOWN }, propertyDependencies: { clusterIdentifier: [urnOf(CLUSTER, "dw")] } },
        ]).violations).toEqual([]);
    });

    it("reports only the clusters an unknown reference could name as unknown", () => {
        const verdict = checkStack(policy, [
            { type: CLUSTER, name: "dw", props: cluster },
            { type: LOGGING, name: "dw-logging", props: { ...logging, clusterIdentifier: UNKNOWN } },
        ]);
        expect(verdict.violations).toEqual([]);
        expect(verdict.unknownUrns).toEqual([urnOf(CLUSTER, "dw")]);
    });

    it("is exempted by config", () => {
        const verdict = checkStack(policy, [{ type: CLUSTER, name: "sandbox-dw", props: cluster }], { exemptions: [{ resource: "sandbox-*", reason: "no production data" }] });
        expect(verdict.violations).toEqual([]);
        expect(verdict.notApplicable).toContain("no production data");
    });

    it("reads a bucket name unknown during preview only as set", () => {
        const linked = { propertyDependencies: { clusterIdentifier: [urnOf(CLUSTER, "analytics")] } };
        expect(checkStack(policy, [{ type: CLUSTER, name: "analytics", props: cluster }, { type: LOGGING, name: "audit", props: { ...toS3, logDestinationType: undefined, bucketName: UNKNOWN }, ...linked }])).toEqual({ violations: [], urns: [] });
    });
});
