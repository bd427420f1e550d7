import type { PolicyResource } from "@pulumi/policy";
import { graphTargets, indexByName, ofTypes } from "../../lib/aws";
import { stackPolicy } from "../../lib/define";
import { given, records, showSetting, text } from "../../lib/values";

/**
 * Whether a parameter group family's defaults require TLS: since January 2025 the family
 * redshift-2.0 (whose default group, default.redshift-2.0, new clusters use when they name none)
 * sets require_ssl to true; redshift-1.0 sets it to false. A custom group starts from its family's defaults.
 */
function familyRequiresSsl(family: string | undefined): boolean {
    return family === "redshift-2.0";
}

/** undefined when the group requires TLS, else why it does not. */
function problem(group: PolicyResource): string | undefined {
    const setting = records(group.props.parameters).find((p) => text(p.name)?.trim().toLowerCase() === "require_ssl");
    if (setting === undefined) {
        const family = text(given(group.props.family));
        return familyRequiresSsl(family) ? undefined : `which leaves require_ssl at the ${family ?? "family's"} default, false`;
    }
    const value = given(setting.value);
    if (value === undefined) {
        return "which lists require_ssl without a value";
    }
    return String(value).trim().toLowerCase() === "true" ? undefined : `which sets require_ssl to ${showSetting(value)}`;
}

export default stackPolicy({
    name: "aws-redshift-require-tls",
    description: "Redshift clusters refuse plain-text connections: their parameter group sets require_ssl to true. A cluster that names no group uses default.redshift-2.0, which requires TLS; a group of the family redshift-1.0 (and default.redshift-1.0) does not unless it sets require_ssl.",
    priority: "P0",
    severity: "high",
    checklist: ["004.data-security.encryption-in-transit", "003.security.data-encryption"],
    remediationSteps: "Attach an aws.redshift.ParameterGroup with the parameter require_ssl = \"true\" through clusterParameterGroupName (or leave clusterParameterGroupName unset to use default.redshift-2.0).",
    tags: ["transport-security"],
    resourceTypes: ["aws:redshift/cluster:Cluster", "aws:redshift/parameterGroup:ParameterGroup"],
    validate: (resources, _config, report, context) => {
        const groups = ofTypes(resources, ["aws:redshift/parameterGroup:ParameterGroup"]);
        const clusters = ofTypes(resources, ["aws:redshift/cluster:Cluster"]);
        if (clusters.length === 0) {
            return;
        }
        const { byName, unknownName } = indexByName(groups);
        for (const cluster of clusters) {
            context.judge(cluster, () => {
                const ref = graphTargets(cluster, "clusterParameterGroupName", groups);
                let attached = ref.byGraph;
                if (ref.needsValue) {
                    const named = text(given(cluster.props.clusterParameterGroupName));
                    if (named === undefined) {
                        return; // default.redshift-2.0, which requires TLS
                    }
                    if (named.startsWith("default.")) {
                        if (!familyRequiresSsl(named.slice("default.".length))) {
                            report(`Redshift cluster '${cluster.name}' uses the parameter group '${named}', which accepts plain-text connections: attach an aws.redshift.ParameterGroup that sets require_ssl = "true" through clusterParameterGroupName.`, cluster.urn);
                        }
                        return;
                    }
                    attached = byName.get(named) ?? [];
                    if (attached.length === 0 && unknownName !== undefined) {
                        throw unknownName; // a group whose name is unknown during preview may be this one
                    }
                }
                if (attached.length === 0) {
                    return; // a group declared outside this stack: not ours to judge
                }
                const why = problem(attached[0]);
                if (why !== undefined) {
                    report(`Redshift cluster '${cluster.name}' uses parameter group '${attached[0].name}', ${why}: add the parameter require_ssl = "true" to the group.`, cluster.urn);
                }
            });
        }
    },
});
