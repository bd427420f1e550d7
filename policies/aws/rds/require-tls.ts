import type { PolicyResource } from "@pulumi/policy";
import { indexByName, ofTypes } from "../../lib/aws";
import { stackPolicy } from "../../lib/define";
import { given, records, text } from "../../lib/values";

/** The parameter that makes an engine refuse plain-text connections, and the values RDS accepts for on. */
interface TlsParameter { name: string; on: readonly string[] }

/**
 * The TLS parameter of an engine name ("aurora-postgresql") or a parameter group family
 * ("aurora-postgresql16", "mysql8.0", "sqlserver-se-16.0", "aurora5.6" for Aurora MySQL 1).
 */
function tlsParameter(engineOrFamily: string): TlsParameter | undefined {
    const value = engineOrFamily.toLowerCase();
    if (/^(aurora-)?postgres/.test(value)) {
        return { name: "rds.force_ssl", on: ["1", "on", "true"] }; // a PostgreSQL boolean
    }
    if (/^sqlserver-/.test(value)) {
        return { name: "rds.force_ssl", on: ["1"] }; // SQL Server's parameter takes 0 or 1
    }
    if (/^(aurora-mysql|mysql|mariadb)/.test(value) || /^aurora(\d|$)/.test(value)) {
        return { name: "require_secure_transport", on: ["1", "on", "true"] }; // a MySQL boolean: ON or 1
    }
    return undefined; // Oracle and Db2 enforce TLS through option groups or listeners
}

function enforces(group: PolicyResource, parameter: TlsParameter): boolean {
    return records(group.props.parameters).some((p) => text(p.name) === parameter.name
        && parameter.on.includes(String(p.value).trim().toLowerCase()));
}

/** The groups of this stack a database names through the graph; `needsValue` when only its value can tell. */
function attachedGroups(db: PolicyResource, property: string, groups: ReadonlyMap<string, PolicyResource>): { byGraph: PolicyResource[]; needsValue: boolean } {
    const byProperty = (db.propertyDependencies?.[property] ?? []).flatMap((d) => groups.get(d.urn) ?? []);
    if (byProperty.length > 0) {
        return { byGraph: byProperty, needsValue: false };
    }
    // Engines that send no property dependencies: one group among the plain dependencies is it.
    const byDependency = Object.keys(db.propertyDependencies ?? {}).length === 0 ? (db.dependencies ?? []).flatMap((d) => groups.get(d.urn) ?? []) : [];
    return byDependency.length === 1 ? { byGraph: byDependency, needsValue: false } : { byGraph: [], needsValue: true };
}

const KINDS = [
    { type: "aws:rds/instance:Instance", kind: "RDS instance", property: "parameterGroupName", groupType: "aws:rds/parameterGroup:ParameterGroup" },
    { type: "aws:rds/cluster:Cluster", kind: "RDS cluster", property: "dbClusterParameterGroupName", groupType: "aws:rds/clusterParameterGroup:ClusterParameterGroup" },
];

export default stackPolicy({
    name: "aws-rds-require-tls",
    description: "RDS instances and Aurora clusters refuse plain-text connections, through a parameter group that sets rds.force_ssl (PostgreSQL, SQL Server) or require_secure_transport (MySQL, MariaDB); the engine is read from the database or, when it does not say, from the group's family.",
    priority: "P0",
    severity: "high",
    checklist: ["004.data-security.encryption-in-transit", "003.security.data-encryption"],
    remediationSteps: "Attach a parameter group (a cluster parameter group for Aurora) with rds.force_ssl = 1 for PostgreSQL and SQL Server, or require_secure_transport = ON for MySQL and MariaDB.",
    tags: ["transport-security"],
    resourceTypes: KINDS.flatMap((k) => [k.type, k.groupType]),
    validate: (resources, _config, report, context) => {
        for (const { type, kind, property, groupType } of KINDS) {
            const groups = ofTypes(resources, [groupType]);
            const byUrn = new Map(groups.map((g) => [g.urn, g]));
            const { byName, unknownName } = indexByName(groups);
            const groupKind = groupType.split(":").pop();
            for (const db of ofTypes(resources, [type])) {
                context.judge(db, () => {
                    const ref = attachedGroups(db, property, byUrn);
                    const named = ref.needsValue ? text(given(db.props[property])) : undefined;
                    const attached = ref.needsValue ? (named ? byName.get(named) ?? [] : []) : ref.byGraph;
                    if (named && attached.length === 0 && unknownName !== undefined) {
                        throw unknownName; // a group whose name is unknown during preview may be this one
                    }
                    const engine = text(given(db.props.engine));
                    if (ref.needsValue && !named) {
                        const parameter = engine ? tlsParameter(engine) : undefined;
                        if (parameter) {
                            report(`${kind} '${db.name}' uses the default parameter group, which accepts plain-text connections: attach a ${groupKind} that sets ${parameter.name} = ${parameter.on[0]} through ${property}.`, db.urn);
                        }
                        return;
                    }
                    if (attached.length === 0) {
                        return; // a parameter group declared outside this stack: not ours to judge
                    }
                    const group = attached[0];
                    const parameter = tlsParameter(engine ?? text(given(group.props.family)) ?? "");
                    if (parameter && !enforces(group, parameter)) {
                        report(`${kind} '${db.name}' uses parameter group '${group.name}', which does not set ${parameter.name} = ${parameter.on[0]}: add it to the group's parameters.`, db.urn);
                    }
                });
            }
        }
    },
});
