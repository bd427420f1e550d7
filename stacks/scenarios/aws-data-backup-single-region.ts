import type * as aws from "@pulumi/aws";
import { patch, scenario } from "../scenario";

export default scenario({
    description: "The backup plan keeps recovery points in the primary region only",
    violations: [["aws-backup-require-plan", "app-backup-plan"]],
    patches: [patch<aws.backup.PlanArgs>("aws:backup/plan:Plan", "app-backup-plan", (a) => {
        for (const rule of a.rules as aws.types.input.backup.PlanRule[]) {
            delete rule.copyActions;
        }
    })],
});
