import type { PolicyResource } from "@pulumi/policy";
import { ofTypes, unlinkedTargets } from "../../lib/aws";
import { stackPolicy } from "../../lib/define";
import { at, integer, list, record, records, text } from "../../lib/values";

/** Resources that hold data worth an AWS Backup plan. */
const STATEFUL_TYPES = [
    "aws:rds/cluster:Cluster", "aws:rds/instance:Instance", "aws:dynamodb/table:Table",
    "aws:efs/fileSystem:FileSystem", "aws:docdb/cluster:Cluster", "aws:ebs/volume:Volume",
];

/** The (key, value) tags a selection picks resources by: selectionTags and conditions.stringEquals. */
function tagFilters(selection: PolicyResource): [string, string][] {
    const byTag = records(selection.props.selectionTags)
        .filter((t) => text(t.type) === "STRINGEQUALS")
        .map((t): [string, string] => [text(t.key) ?? "", text(t.value) ?? ""]);
    const byCondition = records(records(selection.props.conditions).flatMap((c) => list(c.stringEquals)))
        .map((t): [string, string] => [(text(t.key) ?? "").replace(/^aws:ResourceTag\//, ""), text(t.value) ?? ""]);
    return [...byTag, ...byCondition];
}

function tagged(resource: PolicyResource, [key, value]: [string, string]): boolean {
    return text(record(resource.props.tags)?.[key]) === value;
}

export default stackPolicy({
    name: "aws-backup-require-plan",
    description: "A stack with databases, tables or file systems backs them up with an AWS Backup plan: a selection that covers them, rules that keep recovery points at least the minimum number of days, and a copy to a vault in another location.",
    priority: "P1",
    severity: "high",
    checklist: ["003.backup-disaster-recovery.backup-separate-location", "004.database-backups.backups-separate-location", "003.backup-disaster-recovery.backup-retention", "003.backup-disaster-recovery.backup-strategy"],
    remediationSteps: "Add an aws.backup.Plan with a daily rule (lifecycle.deleteAfter >= 30, copyActions to a vault in another region or account) and an aws.backup.Selection with planId: <plan>.id that lists the stack's databases, tables and file systems.",
    tags: ["data-protection"],
    config: {
        minimumDays: {
            type: "integer",
            minimum: 1,
            default: 30,
            description: "Minimum lifecycle.deleteAfter of a rule and of its copies, in days. Default 30: 003 and 004 ask for backups retained 30 days.",
        },
        requireCopy: {
            type: "boolean",
            default: true,
            description: "Require each rule to copy recovery points to another vault (copyActions). Default true: 003 and 004 ask for backups in a separate location.",
        },
    },
    validate: (resources, config, report) => {
        const stateful = ofTypes(resources, STATEFUL_TYPES);
        if (stateful.length === 0) {
            return;
        }
        const plans = ofTypes(resources, ["aws:backup/plan:Plan"]);
        for (const plan of plans) {
            records(plan.props.rules).forEach((rule, index) => {
                const where = `rule '${text(rule.ruleName) ?? index + 1}' of backup plan '${plan.name}'`;
                const keep = integer(at(rule.lifecycle, "deleteAfter"));
                if (keep !== undefined && keep < config.minimumDays) {
                    report(`${where} deletes recovery points after ${keep} day(s), below the minimum ${config.minimumDays}: set lifecycle.deleteAfter to ${config.minimumDays} or more.`, plan.urn);
                }
                const copies = records(rule.copyActions);
                if (config.requireCopy && copies.length === 0) {
                    report(`${where} keeps recovery points in one vault only: add copyActions with destinationVaultArn in another region or account.`, plan.urn);
                }
                for (const copy of copies) {
                    const kept = integer(at(copy.lifecycle, "deleteAfter"));
                    if (kept !== undefined && kept < config.minimumDays) {
                        report(`${where} deletes copies after ${kept} day(s), below the minimum ${config.minimumDays}: set copyActions[].lifecycle.deleteAfter to ${config.minimumDays} or more.`, plan.urn);
                    }
                }
            });
        }
        const selections = ofTypes(resources, ["aws:backup/selection:Selection"]);
        const planned = selections.filter((s) => unlinkedTargets(plans, [s], "planId", () => []).length < plans.length);
        // Join through the graph, then by tag; selected ARNs (unknown during preview) are read only
        // for what neither covers.
        const filters = planned.flatMap(tagFilters);
        const unselected = unlinkedTargets(stateful, planned, "resources", () => [])
            .filter((r) => !filters.some((f) => tagged(r, f)));
        if (unselected.length === 0) {
            return;
        }
        const withResources = planned.filter((s) => "resources" in s.props);
        if (withResources.some((s) => list(s.props.resources).some((r) => r === "*"))) {
            return;
        }
        const keys = (r: PolicyResource) => [r.props.clusterIdentifier, r.props.identifier, r.props.name];
        for (const resource of unlinkedTargets(unselected, withResources, "resources", keys)) {
            report(`'${resource.name}' (${resource.type.split(":").pop()}) is in no AWS Backup plan: add it to an aws.backup.Selection of a plan that copies to another region.`, resource.urn);
        }
    },
});
