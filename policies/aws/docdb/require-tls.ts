import { graphTargets, indexByName, ofTypes } from "../../lib/aws";
import { stackPolicy } from "../../lib/define";
import { knownItems } from "../../lib/unknowns";
import { given, isRecord, text } from "../../lib/values";

const CLUSTER = "aws:docdb/cluster:Cluster";
const PARAMETER_GROUP = "aws:docdb/clusterParameterGroup:ClusterParameterGroup";

export default stackPolicy({
    name: "aws-docdb-require-tls",
    description: "DocumentDB clusters require TLS: the cluster parameter group they use does not set the parameter tls to \"disabled\". The default.docdb parameter groups, which a cluster that names none uses, and custom groups that leave tls at their family's default, require TLS; a group declared outside the stack is not judged.",
    priority: "P0",
    severity: "high",
    checklist: ["004.data-security.encryption-in-transit", "003.security.data-encryption"],
    remediationSteps: "Remove the tls = \"disabled\" parameter from the cluster parameter group, or set it to \"enabled\" (or \"tls1.2+\"), and reboot the cluster's instances; clients connect with tls=true and the Amazon RDS CA bundle.",
    tags: ["transport-security"],
    resourceTypes: [CLUSTER, PARAMETER_GROUP],
    validate: (resources, _config, report, context) => {
        const clusters = ofTypes(resources, [CLUSTER]);
        if (clusters.length === 0) {
            return;
        }
        const groups = ofTypes(resources, [PARAMETER_GROUP]);
        const { byName, unknownName } = indexByName(groups);
        for (const cluster of clusters) {
            context.judge(cluster, () => {
                const ref = graphTargets(cluster, "dbClusterParameterGroupName", groups);
                let attached = ref.byGraph;
                if (ref.needsValue) {
                    const named = text(given(cluster.props.dbClusterParameterGroupName));
                    if (named === undefined || named.startsWith("default.")) {
                        return; // a default.docdb group, which requires TLS
                    }
                    attached = byName.get(named) ?? [];
                    if (attached.length === 0 && unknownName !== undefined) {
                        throw unknownName; // a group whose name is unknown during preview may be this one
                    }
                }
                const group = attached[0];
                if (group === undefined) {
                    return; // a group declared outside this stack: not ours to judge
                }
                // A parameter unknown during preview decides only when no known one is tls.
                const parameters = knownItems(group.props.parameters);
                const tls = parameters.items.filter(isRecord).find((p) => text(p.name)?.trim().toLowerCase() === "tls");
                if (tls === undefined && parameters.unknown !== undefined) {
                    throw parameters.unknown;
                }
                if (tls !== undefined && String(tls.value).trim().toLowerCase() === "disabled") {
                    report(`DocumentDB cluster '${cluster.name}' uses cluster parameter group '${group.name}', which sets tls to "disabled" and accepts plain-text connections: set the parameter tls to "enabled" (or remove it).`, cluster.urn);
                }
            });
        }
    },
});
