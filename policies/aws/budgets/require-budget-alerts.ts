import type { PolicyResource } from "@pulumi/policy";
import { stackPolicy } from "../../lib/define";
import { given, holdsDeclared, records, text } from "../../lib/values";

const BUDGET = "aws:budgets/budget:Budget";

/** The percentage thresholds at which a budget notifies someone (an email address or an SNS topic). */
function alertThresholds(budget: PolicyResource): Set<number> {
    const found = new Set<number>();
    for (const n of records(budget.props.notifications)) {
        // A topic's ARN is unknown during preview: only that a subscriber is set decides.
        const subscribed = holdsDeclared(n.subscriberEmailAddresses) || holdsDeclared(n.subscriberSnsTopicArns);
        const percentage = text(n.thresholdType) === "PERCENTAGE";
        const value = given(n.threshold);
        const threshold = typeof value === "number" ? value : typeof value === "string" ? Number(value) : NaN;
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
            items: { type: "number", exclusiveMinimum: 0, maximum: 1000 },
            default: [50, 80, 100],
            description: "Percentages of the budget that must each trigger an alert. Default [50, 80, 100]: 003 asks for alerts at 50%, 80% and 100%.",
        },
    },
    resourceTypes: [BUDGET],
    validate: (resources, config, report, context) => {
        if (!resources.some((r) => r.type.startsWith("aws:") && r.type !== BUDGET)) {
            return;
        }
        const budgets = resources.filter((r) => r.type === BUDGET);
        const wanted = config.thresholds.join("%, ") + "%";
        if (budgets.length === 0) {
            report(`The stack declares AWS resources but no cost budget: declare an aws.budgets.Budget with alerts at ${wanted}.`);
            return;
        }
        // Each budget is judged on its own values; one that alerts at every threshold satisfies the stack.
        const gaps: { budget: PolicyResource; missing: number[] }[] = [];
        let complete = false;
        const otherTypes = new Set<string>();
        for (const budget of budgets) {
            context.judge(budget, () => {
                const cost = (text(given(budget.props.budgetType)) ?? "COST") === "COST";
                if (!cost) {
                    otherTypes.add(budget.urn);
                    return;
                }
                const present = alertThresholds(budget);
                const missing = config.thresholds.filter((t) => !present.has(t));
                if (missing.length === 0) {
                    complete = true;
                } else {
                    gaps.push({ budget, missing });
                }
            });
        }
        if (complete) {
            return;
        }
        if (gaps.length === 0) {
            // Only budgets of other types (usage, RI, savings plans), or ones whose type is unknown.
            if (otherTypes.size === budgets.length) {
                report(`The stack declares AWS resources but no cost budget (budgetType "COST"): declare an aws.budgets.Budget with alerts at ${wanted}.`);
            }
            return;
        }
        for (const { budget, missing } of gaps) {
            report(`Budget '${budget.name}' does not alert anyone at ${missing.join("%, ")}%: add a PERCENTAGE notification with a subscriber for each of ${wanted}.`, budget.urn);
        }
    },
});
