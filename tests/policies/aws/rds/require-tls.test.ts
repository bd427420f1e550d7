import type * as aws from "@pulumi/aws";
import policy from "../../../../policies/aws/rds/require-tls";
import { checkStack, UNKNOWN, urnOf } from "../../../harness/policy";

const CLUSTER = "aws:rds/cluster:Cluster";
const CPG = "aws:rds/clusterParameterGroup:ClusterParameterGroup";
const INSTANCE = "aws:rds/instance:Instance";
const PG = "aws:rds/parameterGroup:ParameterGroup";
const cluster: aws.rds.ClusterArgs = { engine: "aurora-postgresql", dbClusterParameterGroupName: "app-pg16" };
const group: aws.rds.ClusterParameterGroupArgs = { name: "app-pg16", family: "aurora-postgresql16", parameters: [{ name: "rds.force_ssl", value: "1" }] };
const mysql: aws.rds.InstanceArgs = { engine: "mysql", instanceClass: "db.t4g.small", parameterGroupName: "app-mysql8" };
const mysqlGroup: aws.rds.ParameterGroupArgs = { name: "app-mysql8", family: "mysql8.0", parameters: [{ name: "require_secure_transport", value: "ON" }] };

describe("aws-rds-require-tls", () => {
    it("passes an Aurora PostgreSQL cluster with rds.force_ssl and a MySQL instance with require_secure_transport", () => {
        expect(checkStack(policy, [
            { type: CLUSTER, name: "db", props: cluster }, { type: CPG, name: "db-params", props: group },
            { type: INSTANCE, name: "legacy", props: mysql }, { type: PG, name: "legacy-params", props: mysqlGroup },
        ]).violations).toEqual([]);
    });

    it("fires on the default parameter group (omitted)", () => {
        const { dbClusterParameterGroupName: _, ...rest } = cluster;
        const verdict = checkStack(policy, [{ type: CLUSTER, name: "db", props: rest }]);
        expect(verdict.violations).toEqual([expect.stringContaining("RDS cluster 'db' uses the default parameter group")]);
        expect(verdict.urns).toEqual([urnOf(CLUSTER, "db")]);
    });

    it("fires on a group that does not force TLS, joined through the graph", () => {
        const verdict = checkStack(policy, [
            { type: INSTANCE, name: "legacy", props: { ...mysql, parameterGroupName: "generated" }, dependencies: [urnOf(PG, "legacy-params")] },
            { type: PG, name: "legacy-params", props: { ...mysqlGroup, parameters: [{ name: "require_secure_transport", value: "OFF" }] } },
        ]);
        expect(verdict.violations).toEqual([expect.stringContaining("RDS instance 'legacy' uses parameter group 'legacy-params', which does not set require_secure_transport")]);
    });

    it("skips engines enforced elsewhere and groups declared outside the stack", () => {
        expect(checkStack(policy, [
            { type: INSTANCE, name: "ora", props: { engine: "oracle-ee" } },
            { type: CLUSTER, name: "db", props: { ...cluster, dbClusterParameterGroupName: "shared-outside" } },
        ]).violations).toEqual([]);
    });

    it("leaves a reference unknown during preview to the SDK", () => {
        expect(checkStack(policy, [{ type: CLUSTER, name: "db", props: { ...cluster, dbClusterParameterGroupName: UNKNOWN } }, { type: CPG, name: "p", props: group }]).unknown).toBeDefined();
    });
});
