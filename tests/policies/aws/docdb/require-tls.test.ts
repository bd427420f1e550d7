import type * as aws from "@pulumi/aws";
import policy from "../../../../policies/aws/docdb/require-tls";
import { checkStack, UNKNOWN, urnOf } from "../../../harness/policy";

const CLUSTER = "aws:docdb/cluster:Cluster";
const GROUP = "aws:docdb/clusterParameterGroup:ClusterParameterGroup";
const cluster: aws.docdb.ClusterArgs = { engine: "docdb", masterUsername: "catalog", manageMasterUserPassword: true, dbClusterParameterGroupName: "catalog-params" };
const group = (parameters: aws.types.input.docdb.ClusterParameterGroupParameter[]): aws.docdb.ClusterParameterGroupArgs => ({ name: "catalog-params", family: "docdb5.0", parameters });
const tls = (value: string): aws.types.input.docdb.ClusterParameterGroupParameter => ({ name: "tls", value });

describe("aws-docdb-require-tls", () => {
    it("passes a group that enables TLS, joined by name", () => {
        for (const value of ["enabled", "tls1.2+", "tls1.3+", "fips-140-3"]) {
            expect(checkStack(policy, [{ type: CLUSTER, name: "docs", props: cluster }, { type: GROUP, name: "docs-params", props: group([tls(value)]) }]).violations).toEqual([]);
        }
    });
    it("passes a cluster without a custom group: the default.docdb groups require TLS", () => {
        const { dbClusterParameterGroupName: _, ...rest } = cluster;
        expect(checkStack(policy, [{ type: CLUSTER, name: "docs", props: rest }]).violations).toEqual([]);
        expect(checkStack(policy, [{ type: CLUSTER, name: "docs", props: { ...cluster, dbClusterParameterGroupName: "default.docdb5.0" } }]).violations).toEqual([]);
    });
    it("passes a group that leaves tls at the family default", () => {
        expect(checkStack(policy, [{ type: CLUSTER, name: "docs", props: cluster }, { type: GROUP, name: "docs-params", props: group([{ name: "audit_logs", value: "enabled" }]) }]).violations).toEqual([]);
    });
    it("fires on a group that disables TLS, on the cluster", () => {
        const verdict = checkStack(policy, [{ type: CLUSTER, name: "docs", props: cluster }, { type: GROUP, name: "docs-params", props: group([tls("Disabled")]) }]);
        expect(verdict.violations).toEqual([expect.stringContaining("DocumentDB cluster 'docs' uses cluster parameter group 'docs-params', which sets tls to \"disabled\"")]);
        expect(verdict.urns).toEqual([urnOf(CLUSTER, "docs")]);
    });
    it("joins through the dependency graph when the group's name is unknown during preview", () => {
        const verdict = checkStack(policy, [
            { type: CLUSTER, name: "docs", props: { ...cluster, dbClusterParameterGroupName: UNKNOWN }, propertyDependencies: { dbClusterParameterGroupName: [urnOf(GROUP, "docs-params")] } },
            { type: GROUP, name: "docs-params", props: { ...group([tls("disabled")]), name: UNKNOWN } },
        ]);
        expect(verdict.violations).toHaveLength(1);
        expect(verdict.unknownUrns).toBeUndefined();
    });
    it("reports only the cluster whose group cannot be told during preview as unknown", () => {
        const verdict = checkStack(policy, [
            { type: CLUSTER, name: "docs", props: { ...cluster, dbClusterParameterGroupName: UNKNOWN } },
            { type: CLUSTER, name: "orders", props: { ...cluster, dbClusterParameterGroupName: "orders-params" } },
            { type: GROUP, name: "orders-params", props: { ...group([tls("disabled")]), name: "orders-params" } },
        ]);
        expect(verdict.violations).toEqual([expect.stringContaining("DocumentDB cluster 'orders'")]);
        expect(verdict.unknownUrns).toEqual([urnOf(CLUSTER, "docs")]);
    });
    it("reports a tls value unknown during preview as unknown", () => {
        const verdict = checkStack(policy, [{ type: CLUSTER, name: "docs", props: cluster }, { type: GROUP, name: "docs-params", props: group([tls(UNKNOWN)]) }]);
        expect(verdict.violations).toEqual([]);
        expect(verdict.unknownUrns).toEqual([urnOf(CLUSTER, "docs")]);
    });
    it("does not judge a group declared outside the stack", () => {
        expect(checkStack(policy, [{ type: CLUSTER, name: "docs", props: { ...cluster, dbClusterParameterGroupName: "shared-params" } }]).violations).toEqual([]);
    });
    it("reads malformed parameters without crashing", () => {
        expect(checkStack(policy, [{ type: CLUSTER, name: "docs", props: cluster }, { type: GROUP, name: "docs-params", props: { ...group([]), parameters: "tls=disabled" } }]).violations).toEqual([]);
    });
    it("is exempted by config", () => {
        const verdict = checkStack(policy, [{ type: CLUSTER, name: "legacy-docs", props: cluster }, { type: GROUP, name: "docs-params", props: group([tls("disabled")]) }], { exemptions: [{ resource: "legacy-*", reason: "client upgrade pending" }] });
        expect(verdict.violations).toEqual([]);
    });

    it("reports tls disabled next to a parameter unknown during preview", () => {
        const stack = (parameters: aws.types.input.docdb.ClusterParameterGroupParameter[]) => [{ type: CLUSTER, name: "docs", props: cluster }, { type: GROUP, name: "docs-params", props: group(parameters) }];
        expect(checkStack(policy, stack([UNKNOWN as never, tls("disabled")])).violations).toEqual([expect.stringContaining("sets tls to \"disabled\"")]);
        expect(checkStack(policy, stack([UNKNOWN as never, tls("enabled")]))).toEqual({ violations: [], urns: [] });
        expect(checkStack(policy, stack([UNKNOWN as never])).unknownUrns).toEqual([urnOf(CLUSTER, "docs")]);
    });
});
