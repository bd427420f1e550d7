import type * as aws from "@pulumi/aws";
import { patch, scenario } from "../scenario";

export default scenario({
    description: "The ALB is left at the provider's defaults: invalid headers passed on, no deletion protection, no access logs",
    violations: [
        ["aws-lb-require-drop-invalid-headers", "app-alb"],
        ["aws-lb-require-deletion-protection", "app-alb"],
        ["aws-lb-require-access-logs", "app-alb"],
    ],
    patches: [patch<aws.lb.LoadBalancerArgs>("aws:lb/loadBalancer:LoadBalancer", "app-alb", (a) => {
        delete a.dropInvalidHeaderFields;
        delete a.enableDeletionProtection;
        delete a.accessLogs;
    })],
});
