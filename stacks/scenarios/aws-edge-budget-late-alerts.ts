import type * as aws from "@pulumi/aws";
import { patch, scenario } from "../scenario";

export default scenario({
    description: "The monthly budget alerts at 80% and 100% only, not at 50%",
    violations: [["aws-budgets-require-budget-alerts", "app-budget"]],
    patches: [patch<Omit<aws.budgets.BudgetArgs, "notifications"> & { notifications: aws.types.input.budgets.BudgetNotification[] }>("aws:budgets/budget:Budget", "app-budget", (a) => {
        a.notifications = a.notifications.filter((n) => n.threshold !== 50);
    })],
});
