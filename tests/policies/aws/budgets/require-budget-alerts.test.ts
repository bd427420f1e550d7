import type * as aws from "@pulumi/aws";
import policy from "../../../../policies/aws/budgets/require-budget-alerts";
import { checkStack, StackResource, UNKNOWN, urnOf } from "../../../harness/policy";

const BUDGET = "aws:budgets/budget:Budget";
const vpc: StackResource = { type: "aws:ec2/vpc:Vpc", name: "vpc", props: { cidrBlock: "10.0.0.0/16" } };
const alert = (threshold: number): aws.types.input.budgets.BudgetNotification => ({
    threshold, thresholdType: "PERCENTAGE", comparisonOperator: "GREATER_THAN", notificationType: "ACTUAL", subscriberEmailAddresses: ["ops@example.com"],
});
const budget = (notifications: aws.types.input.budgets.BudgetNotification[]): StackResource => ({
    type: BUDGET, name: "monthly", props: { budgetType: "COST", timeUnit: "MONTHLY", limitAmount: "500", limitUnit: "USD", notifications } satisfies aws.budgets.BudgetArgs,
});

describe("aws-budgets-require-budget-alerts", () => {
    it("passes a monthly budget alerting at 50, 80 and 100%", () => {
        expect(checkStack(policy, [vpc, budget([alert(50), alert(80), alert(100)])]).violations).toEqual([]);
    });
    it("fires on the budget when a threshold is missing", () => {
        const verdict = checkStack(policy, [vpc, budget([alert(80), alert(100)])]);
        expect(verdict.violations).toEqual([expect.stringContaining("Budget 'monthly' does not alert anyone at 50%")]);
        expect(verdict.urns).toEqual([urnOf(BUDGET, "monthly")]);
    });
    it("does not count a notification without subscribers or in absolute value", () => {
        const silent = { ...alert(50), subscriberEmailAddresses: [] };
        const absolute = { ...alert(80), thresholdType: "ABSOLUTE_VALUE" };
        expect(checkStack(policy, [vpc, budget([silent, absolute, alert(100)])]).violations).toEqual([expect.stringContaining("at 50%, 80%")]);
    });
    it("fires on a stack with AWS resources and no budget (omitted)", () => {
        expect(checkStack(policy, [vpc]).violations).toEqual([expect.stringContaining("no cost budget")]);
    });
    it("reports a threshold unknown during preview as unknown", () => {
        const verdict = checkStack(policy, [vpc, budget([alert(50), alert(80), { ...alert(100), threshold: UNKNOWN as never }])]);
        expect(verdict.unknownUrns).toEqual([urnOf(BUDGET, "monthly")]);
        expect(verdict.violations).toEqual([]);
    });
    it("judges every budget it can when one value is unknown: known-bad fire, only the unknown one is unknown", () => {
        const pending = { ...budget([alert(50), alert(80), { ...alert(100), threshold: UNKNOWN as never }]), name: "pending" };
        const partial = { ...budget([alert(100)]), name: "partial" };
        const verdict = checkStack(policy, [vpc, pending, partial]);
        expect(verdict.violations).toEqual([expect.stringContaining("Budget 'partial' does not alert anyone at 50%, 80%")]);
        expect(verdict.urns).toEqual([urnOf(BUDGET, "partial")]);
        expect(verdict.unknownUrns).toEqual([urnOf(BUDGET, "pending")]);
    });
    it("does not count an empty threshold as 0% or an empty subscriber as a subscriber", () => {
        const empty = { ...alert(50), threshold: "" as never };
        const nobody = { ...alert(80), subscriberEmailAddresses: [""] };
        expect(checkStack(policy, [vpc, budget([empty, nobody, alert(100)])], { thresholds: [50, 80, 100] }).violations).toEqual([expect.stringContaining("at 50%, 80%")]);
    });
    it("takes the thresholds from config", () => {
        expect(checkStack(policy, [vpc, budget([alert(80), alert(100)])], { thresholds: [80, 100] }).violations).toEqual([]);
        expect(checkStack(policy, [vpc, budget([alert(50), alert(80), alert(100)])], { thresholds: [50, 80, 100, 120] }).violations).toHaveLength(1);
    });

    it("counts SNS subscribers whose topic ARN is unknown during preview", () => {
        const onTopic = (threshold: number): aws.types.input.budgets.BudgetNotification => ({ ...alert(threshold), subscriberEmailAddresses: undefined, subscriberSnsTopicArns: [UNKNOWN] });
        expect(checkStack(policy, [vpc, budget([onTopic(50), onTopic(80), onTopic(100)])])).toEqual({ violations: [], urns: [] });
        expect(checkStack(policy, [vpc, budget([onTopic(50)])]).violations).toEqual([expect.stringContaining("Budget 'monthly' does not alert anyone at 80%, 100%")]);
    });
});
