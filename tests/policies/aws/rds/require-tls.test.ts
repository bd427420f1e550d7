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

    it("reads the engine from the parameter group's family when the database does not name it", () => {
        const replica: aws.rds.InstanceArgs = { instanceClass: "db.t4g.small", replicateSourceDb: "app-db", parameterGroupName: "app-pg16" };
        const off = (family: string, name: string): aws.rds.ParameterGroupArgs => ({ name: "app-pg16", family, parameters: [{ name, value: "0" }] });
        const cases: [string, string][] = [["postgres16", "rds.force_ssl"], ["mysql8.0", "require_secure_transport"], ["mariadb10.11", "require_secure_transport"], ["sqlserver-se-16.0", "rds.force_ssl"]];
        for (const [family, parameter] of cases) {
            const verdict = checkStack(policy, [{ type: INSTANCE, name: "replica", props: replica }, { type: PG, name: "params", props: off(family, parameter) }]);
            expect(verdict.violations).toEqual([expect.stringContaining(`RDS instance 'replica' uses parameter group 'params', which does not set ${parameter} = 1`)]);
        }
        const aurora: aws.rds.ClusterParameterGroupArgs = { name: "app-mysql", family: "aurora-mysql8.0", parameters: [{ name: "require_secure_transport", value: "OFF" }] };
        expect(checkStack(policy, [{ type: CLUSTER, name: "db", props: { dbClusterParameterGroupName: "app-mysql" } }, { type: CPG, name: "p", props: aurora }]).violations).toHaveLength(1);
        expect(checkStack(policy, [{ type: CLUSTER, name: "db", props: { dbClusterParameterGroupName: "app-mysql" } }, { type: CPG, name: "p", props: { ...aurora, parameters: [{ name: "require_secure_transport", value: "ON" }] } }]).violations).toEqual([]);
    });

    it("accepts the values each engine takes for on: 1, ON or true for MySQL and PostgreSQL, 1 for SQL Server", () => {
        for (const value of ["1", "ON", "on", "true"]) {
            expect(checkStack(policy, [{ type: INSTANCE, name: "legacy", props: mysql }, { type: PG, name: "p", props: { ...mysqlGroup, parameters: [{ name: "require_secure_transport", value }] } }]).violations).toEqual([]);
        }
        const sqlserver: aws.rds.InstanceArgs = { engine: "sqlserver-se", instanceClass: "db.m6i.large", parameterGroupName: "app-mssql" };
        const group16 = (value: string): aws.rds.ParameterGroupArgs => ({ name: "app-mssql", family: "sqlserver-se-16.0", parameters: [{ name: "rds.force_ssl", value }] });
        expect(checkStack(policy, [{ type: INSTANCE, name: "mssql", props: sqlserver }, { type: PG, name: "p", props: group16("1") }]).violations).toEqual([]);
        expect(checkStack(policy, [{ type: INSTANCE, name: "mssql", props: sqlserver }, { type: PG, name: "p", props: group16("0") }]).violations).toHaveLength(1);
    });

    it("treats an empty parameter group name as the default group", () => {
        expect(checkStack(policy, [{ type: CLUSTER, name: "db", props: { ...cluster, dbClusterParameterGroupName: "" } }]).violations).toEqual([expect.stringContaining("uses the default parameter group")]);
    });

    it("judges each database on its own when one group reference is unknown during preview", () => {
        const verdict = checkStack(policy, [
            { type: CLUSTER, name: "unknown-db", props: { ...cluster, dbClusterParameterGroupName: UNKNOWN } },
            { type: CLUSTER, name: "bad-db", props: { ...cluster, dbClusterParameterGroupName: undefined } },
            { type: CLUSTER, name: "good-db", props: { ...cluster, dbClusterParameterGroupName: UNKNOWN }, propertyDependencies: { dbClusterParameterGroupName: [urnOf(CPG, "p")] } },
            { type: CPG, name: "p", props: { ...group, name: UNKNOWN } },
        ]);
        expect(verdict.urns).toEqual([urnOf(CLUSTER, "bad-db")]);
        expect(verdict.unknownUrns).toEqual([urnOf(CLUSTER, "unknown-db")]);
    });

    it("leaves a reference unknown during preview to the SDK", () => {
        expect(checkStack(policy, [{ type: CLUSTER, name: "db", props: { ...cluster, dbClusterParameterGroupName: UNKNOWN } }, { type: CPG, name: "p", props: group }]).unknown).toBeDefined();
    });
});
