import type { PolicyResource } from "@pulumi/policy";
import { ofTypes } from "../../lib/aws";
import { stackPolicy } from "../../lib/define";
import { list, records, text } from "../../lib/values";

const BUDGET = "aws:budgets/budget:Budget";

/** The percentage thresholds at which a budget notifies someone (an email address or an SNS topic). */
function alertThresholds(budget: PolicyResource): Set<number> {
    const found = new Set<number>();
    for (const n of records(budget.props.notifications)) {
        const subscribed = list(n.subscriberEmailAddresses).length > 0 || list(n.subscriberSnsTopicArns).length > 0;
        const percentage = text(n.thresholdType) === "PERCENTAGE";
        const threshold = typeof n.threshold === "number" ? n.threshold : Number(n.threshold);
        if (subscribed && percentage && Number.isFinite(threshold)) {
            found.add(threshold);
        }
    }
    return found;
}

export default stackPolicy({
    name: "aws-budgets-require-budget-alerts",
    description: "A stack with AWS resources declares a cost budget that alerts at 50%, 80% and 100% of its limit.",
    priority: "P2",
    severity: "low",
    checklist: ["003.cost-management.budget-alerts"],
    remediationSteps: "Declare an aws.budgets.Budget (budgetType \"COST\", timeUnit \"MONTHLY\") with one notification per threshold (thresholdType \"PERCENTAGE\", comparisonOperator \"GREATER_THAN\", with subscriberEmailAddresses or subscriberSnsTopicArns).",
    tags: ["cost"],
    config: {
        thresholds: {
            type: "array",
            items: { type: "number", exclusiveMinimum: 0 },
            default: [50, 80, 100],
            description: "Percentages of the budget that must each trigger an alert. Default [50, 80, 100]: 003 asks for alerts at 50%, 80% and 100%.",
        },
    },
    validate: (resources, config, report) => {
        if (!resources.some((r) => r.type.startsWith("aws:") && r.type !== BUDGET)) {
            return;
        }
        const budgets = ofTypes(resources, [BUDGET]).filter((b) => (text(b.props.budgetType) ?? "COST") === "COST");
        const wanted = config.thresholds.join("%, ") + "%";
        if (budgets.length === 0) {
            report(`The stack declares AWS resources but no cost budget: declare an aws.budgets.Budget with alerts at ${wanted}.`);
            return;
        }
        const gaps = budgets.map((budget) => {
            const present = alertThresholds(budget);
            return { budget, missing: config.thresholds.filter((t) => !present.has(t)) };
        });
        if (gaps.some((g) => g.missing.length === 0)) {
            return;
        }
        for (const { budget, missing } of gaps) {
            report(`Budget '${budget.name}' does not alert anyone at ${missing.join("%, ")}%: add a PERCENTAGE notification with a subscriber for each of ${wanted}.`, budget.urn);
        }
    },
});
