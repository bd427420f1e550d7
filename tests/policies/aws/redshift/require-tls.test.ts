import type * as aws from "@pulumi/aws";
import policy from "../../../../policies/aws/redshift/require-tls";
import { checkStack, UNKNOWN, urnOf } from "../../../harness/policy";

const CLUSTER = "aws:redshift/cluster:Cluster";
const GROUP = "aws:redshift/parameterGroup:ParameterGroup";
const cluster: aws.redshift.ClusterArgs = { clusterIdentifier: "analytics", nodeType: "ra3.xlplus", clusterParameterGroupName: "analytics-params" };
const group: aws.redshift.ParameterGroupArgs = { name: "analytics-params", family: "redshift-1.0", parameters: [{ name: "require_ssl", value: "true" }] };
const withParameters = (parameters: aws.types.input.redshift.ParameterGroupParameter[], family = "redshift-1.0"): aws.redshift.ParameterGroupArgs => ({ ...group, family, parameters });

describe("aws-redshift-require-tls", () => {
    it("passes a group that sets require_ssl true, joined by name", () => {
        expect(checkStack(policy, [{ type: CLUSTER, name: "dw", props: cluster }, { type: GROUP, name: "dw-params", props: group }]).violations).toEqual([]);
    });

    it("passes a cluster that names no group: new clusters use default.redshift-2.0, which requires TLS", () => {
        const { clusterParameterGroupName: _, ...rest } = cluster;
        expect(checkStack(policy, [{ type: CLUSTER, name: "dw", props: rest }]).violations).toEqual([]);
        expect(checkStack(policy, [{ type: CLUSTER, name: "dw", props: { ...cluster, clusterParameterGroupName: "" } }]).violations).toEqual([]);
        expect(checkStack(policy, [{ type: CLUSTER, name: "dw", props: { ...cluster, clusterParameterGroupName: "default.redshift-2.0" } }]).violations).toEqual([]);
    });

    it("fires on default.redshift-1.0, which accepts plain text", () => {
        const verdict = checkStack(policy, [{ type: CLUSTER, name: "dw", props: { ...cluster, clusterParameterGroupName: "default.redshift-1.0" } }]);
        expect(verdict.violations).toEqual([expect.stringContaining("Redshift cluster 'dw' uses the parameter group 'default.redshift-1.0', which accepts plain-text connections")]);
        expect(verdict.urns).toEqual([urnOf(CLUSTER, "dw")]);
    });

    it("fires on a group that sets require_ssl false, joined through the graph", () => {
        const verdict = checkStack(policy, [
            { type: CLUSTER, name: "dw", props: { ...cluster, clusterParameterGroupName: UNKNOWN }, propertyDependencies: { clusterParameterGroupName: [urnOf(GROUP, "dw-params")] } },
            { type: GROUP, name: "dw-params", props: { ...withParameters([{ name: "require_ssl", value: "false" }]), name: UNKNOWN } },
        ]);
        expect(verdict.violations).toEqual([expect.stringContaining("Redshift cluster 'dw' uses parameter group 'dw-params', which sets require_ssl to \"false\"")]);
        expect(verdict.unknownUrns).toBeUndefined();
    });

    it("judges a group without require_ssl by its family's default", () => {
        const stack = (family: string) => checkStack(policy, [{ type: CLUSTER, name: "dw", props: cluster }, { type: GROUP, name: "dw-params", props: withParameters([{ name: "enable_user_activity_logging", value: "true" }], family) }]);
        expect(stack("redshift-1.0").violations).toEqual([expect.stringContaining("which leaves require_ssl at the redshift-1.0 default, false")]);
        expect(stack("redshift-2.0").violations).toEqual([]);
        expect(checkStack(policy, [{ type: CLUSTER, name: "dw", props: cluster }, { type: GROUP, name: "dw-params", props: { ...group, parameters: undefined } }]).violations).toHaveLength(1);
    });

    it("skips a group declared outside the stack", () => {
        expect(checkStack(policy, [{ type: CLUSTER, name: "dw", props: { ...cluster, clusterParameterGroupName: "shared-params" } }, { type: GROUP, name: "dw-params", props: group }]).violations).toEqual([]);
    });

    it("judges each cluster on its own when one reference is unknown during preview", () => {
        const verdict = checkStack(policy, [
            { type: CLUSTER, name: "unknown-dw", props: { ...cluster, clusterParameterGroupName: UNKNOWN } },
            { type: CLUSTER, name: "bad-dw", props: { ...cluster, clusterParameterGroupName: "default.redshift-1.0" } },
            { type: CLUSTER, name: "good-dw", props: cluster },
            { type: GROUP, name: "dw-params", props: group },
        ]);
        expect(verdict.urns).toEqual([urnOf(CLUSTER, "bad-dw")]);
        expect(verdict.unknownUrns).toEqual([urnOf(CLUSTER, "unknown-dw")]);
    });

    it("is unknown when a group's name is unknown and a cluster names its group by value", () => {
        const verdict = checkStack(policy, [{ type: CLUSTER, name: "dw", props: cluster }, { type: GROUP, name: "dw-params", props: { ...group, name: UNKNOWN } }]);
        expect(verdict.unknownUrns).toEqual([urnOf(CLUSTER, "dw")]);
    });

    it("is exempted by config", () => {
        const verdict = checkStack(policy, [{ type: CLUSTER, name: "legacy-dw", props: { ...cluster, clusterParameterGroupName: "default.redshift-1.0" } }], { exemptions: [{ resource: "legacy-*", reason: "ODBC driver upgrade pending" }] });
        expect(verdict.violations).toEqual([]);
        expect(verdict.notApplicable).toContain("ODBC driver upgrade pending");
    });
});
