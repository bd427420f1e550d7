import type { PolicyResource } from "@pulumi/policy";
import { indexLinks, linkJudge, ofTypes } from "../../lib/aws";
import { requireAtLeast } from "../../lib/checks";
import { stackPolicy } from "../../lib/define";
import { at, list, record, records, text } from "../../lib/values";

/** Resources that hold data worth an AWS Backup plan. */
const STATEFUL_TYPES = [
    "aws:rds/cluster:Cluster", "aws:rds/instance:Instance", "aws:dynamodb/table:Table",
    "aws:efs/fileSystem:FileSystem", "aws:docdb/cluster:Cluster", "aws:ebs/volume:Volume",
];

/** True when the selection's planId was built from one of the stack's plans (plan ids are unknown until created). */
function planned(selection: PolicyResource, plans: ReadonlySet<string>): boolean {
    const byProperty = selection.propertyDependencies?.planId ?? [];
    if (byProperty.some((d) => plans.has(d.urn))) {
        return true;
    }
    return Object.keys(selection.propertyDependencies ?? {}).length === 0 && (selection.dependencies ?? []).some((d) => plans.has(d.urn));
}

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
            maximum: 36500,
            default: 30,
            description: "Minimum lifecycle.deleteAfter of a rule and of its copies, in days. Default 30: 003 and 004 ask for backups retained 30 days.",
        },
        requireCopy: {
            type: "boolean",
            default: true,
            description: "Require each rule to copy recovery points to another vault (copyActions). Default true: 003 and 004 ask for backups in a separate location.",
        },
    },
    resourceTypes: [...STATEFUL_TYPES, "aws:backup/plan:Plan", "aws:backup/selection:Selection"],
    validate: (resources, config, report, context) => {
        const stateful = ofTypes(resources, STATEFUL_TYPES);
        if (stateful.length === 0) {
            return;
        }
        const plans = ofTypes(resources, ["aws:backup/plan:Plan"]);
        for (const plan of plans) {
            context.judge(plan, () => {
                const toPlan = (message: string) => report(message, plan.urn);
                records(plan.props.rules).forEach((rule, index) => {
                    const where = `rule '${text(rule.ruleName) ?? index + 1}' of backup plan '${plan.name}'`;
                    // Omitted: recovery points are never deleted, which satisfies any minimum.
                    requireAtLeast(at(rule.lifecycle, "deleteAfter"), { where, property: "lifecycle.deleteAfter", minimum: config.minimumDays, unit: "day(s)" }, toPlan);
                    const copies = records(rule.copyActions);
                    if (config.requireCopy && copies.length === 0) {
                        toPlan(`${where} keeps recovery points in one vault only: add copyActions with destinationVaultArn in another region or account.`);
                    }
                    for (const copy of copies) {
                        requireAtLeast(at(copy.lifecycle, "deleteAfter"), { where: `a copy of ${where}`, property: "copyActions[].lifecycle.deleteAfter", minimum: config.minimumDays, unit: "day(s)" }, toPlan);
                    }
                });
            });
        }
        const planUrns = new Set(plans.map((p) => p.urn));
        const selections = ofTypes(resources, ["aws:backup/selection:Selection"]).filter((s) => planned(s, planUrns));
        const filters: [string, string][] = [];
        const filterErrors: unknown[] = [];
        for (const selection of selections) {
            try {
                filters.push(...tagFilters(selection));
            } catch (error) {
                filterErrors.push(error); // tags unknown during preview: they may select any store
            }
        }
        // Joined through the graph (a selection listing a database's ARN selects it although the ARN is
        // unknown during preview), else by the ARNs' identifiers; "*" selects every store.
        const keys = (r: PolicyResource) => [r.props.clusterIdentifier, r.props.identifier, r.props.name, "*"];
        const selectedBy = linkJudge(indexLinks(stateful, selections, "resources", keys), () => undefined);
        for (const resource of stateful) {
            context.judge(resource, () => {
                let unknown: unknown;
                try {
                    if (filters.some((f) => tagged(resource, f))) {
                        return;
                    }
                } catch (error) {
                    unknown = error;
                }
                if (selectedBy(resource) === undefined) {
                    return;
                }
                unknown ??= filterErrors[0];
                if (unknown !== undefined) {
                    throw unknown;
                }
                report(`'${resource.name}' (${resource.type.split(":").pop()}) is in no AWS Backup plan: add it to an aws.backup.Selection of a plan that copies to another region.`, resource.urn);
            });
        }
    },
});
