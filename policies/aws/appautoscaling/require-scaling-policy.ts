import { stackPolicy } from "../../lib/define";
import { byType, LinkIndex } from "../../lib/edge";

export default stackPolicy({
    name: "aws-appautoscaling-require-scaling-policy",
    description: "Every Application Auto Scaling target has a scaling policy; a target alone never scales.",
    priority: "P1",
    severity: "medium",
    checklist: ["003.performance.auto-scaling", "002.infrastructure-setup.auto-scaling"],
    remediationSteps: "Add an aws.appautoscaling.Policy with resourceId: <target>.resourceId, e.g. TargetTrackingScaling on ECSServiceAverageCPUUtilization at 70.",
    tags: ["availability"],
    resourceTypes: ["aws:appautoscaling/target:Target", "aws:appautoscaling/policy:Policy"],
    validate: (resources, _config, report, context) => {
        const ofType = byType(resources);
        const targets = ofType("aws:appautoscaling/target:Target");
        const policies = new LinkIndex(targets, ofType("aws:appautoscaling/policy:Policy"), "resourceId", context);
        for (const target of targets) {
            context.judge(target, () => {
                if (!policies.links(target, () => [target.props.resourceId])) {
                    report(`scaling target '${target.name}' has no scaling policy, so it never scales: add an aws.appautoscaling.Policy with resourceId: ${target.name}.resourceId (e.g. target tracking on CPU at 70%).`, target.urn);
                }
            });
        }
    },
});
