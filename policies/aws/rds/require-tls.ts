import type { PolicyResource } from "@pulumi/policy";
import { ofTypes, referencedBy } from "../../lib/aws";
import { stackPolicy } from "../../lib/define";
import { records, text } from "../../lib/values";

/** The parameter that makes an engine refuse plain-text connections, and the values that turn it on. */
function tlsParameter(engine: string): { name: string; on: string[] } | undefined {
    if (/postgres|sqlserver/.test(engine)) {
        return { name: "rds.force_ssl", on: ["1", "true"] };
    }
    if (/mysql|mariadb|^aurora$/.test(engine)) {
        return { name: "require_secure_transport", on: ["1", "on", "true"] };
    }
    return undefined; // Oracle and Db2 enforce TLS through option groups or listeners
}

function enforces(group: PolicyResource, parameter: { name: string; on: string[] }): boolean {
    return records(group.props.parameters).some((p) => text(p.name) === parameter.name
        && parameter.on.includes(String(p.value).toLowerCase()));
}

const KINDS = [
    { type: "aws:rds/instance:Instance", kind: "RDS instance", property: "parameterGroupName", groupType: "aws:rds/parameterGroup:ParameterGroup" },
    { type: "aws:rds/cluster:Cluster", kind: "RDS cluster", property: "dbClusterParameterGroupName", groupType: "aws:rds/clusterParameterGroup:ClusterParameterGroup" },
];

export default stackPolicy({
    name: "aws-rds-require-tls",
    description: "RDS instances and Aurora clusters refuse plain-text connections, through a parameter group that sets rds.force_ssl (PostgreSQL, SQL Server) or require_secure_transport (MySQL, MariaDB).",
    priority: "P0",
    severity: "high",
    checklist: ["004.data-security.encryption-in-transit", "003.security.data-encryption"],
    remediationSteps: "Attach a parameter group (a cluster parameter group for Aurora) with rds.force_ssl = 1 for PostgreSQL or require_secure_transport = ON for MySQL.",
    tags: ["transport-security"],
    validate: (resources, _config, report) => {
        for (const { type, kind, property, groupType } of KINDS) {
            const groups = ofTypes(resources, [groupType]);
            for (const db of ofTypes(resources, [type])) {
                const engine = text(db.props.engine);
                const parameter = engine ? tlsParameter(engine) : undefined;
                if (!parameter) {
                    continue;
                }
                const fix = `attach a ${groupType.split(":").pop()} that sets ${parameter.name} = ${parameter.on[0]} through ${property}`;
                if (!(property in db.props)) { // `in` does not read the value, which may be unknown
                    report(`${kind} '${db.name}' uses the default parameter group, which accepts plain-text connections: ${fix}.`, db.urn);
                    continue;
                }
                const attached = referencedBy(db, property, groups, (g) => [g.props.name]);
                if (attached.length === 0) {
                    continue; // a parameter group declared outside this stack: not ours to judge
                }
                if (!attached.some((g) => enforces(g, parameter))) {
                    report(`${kind} '${db.name}' uses parameter group '${attached[0].name}', which does not set ${parameter.name} = ${parameter.on[0]}: add it to the group's parameters.`, db.urn);
                }
            }
        }
    },
});
