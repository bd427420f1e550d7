import { ofTypes, unlinkedTargets } from "../../lib/aws";
import { stackPolicy } from "../../lib/define";

export default stackPolicy({
    name: "aws-appautoscaling-require-scaling-policy",
    description: "Every Application Auto Scaling target has a scaling policy; a target alone never scales.",
    priority: "P1",
    severity: "medium",
    checklist: ["003.performance.auto-scaling", "002.infrastructure-setup.auto-scaling"],
    remediationSteps: "Add an aws.appautoscaling.Policy with resourceId: <target>.resourceId, e.g. TargetTrackingScaling on ECSServiceAverageCPUUtilization at 70.",
    tags: ["availability"],
    validate: (resources, _config, report) => {
        const targets = ofTypes(resources, ["aws:appautoscaling/target:Target"]);
        const policies = ofTypes(resources, ["aws:appautoscaling/policy:Policy"]);
        for (const target of unlinkedTargets(targets, policies, "resourceId", (t) => [t.props.resourceId])) {
            report(`scaling target '${target.name}' has no scaling policy, so it never scales: add an aws.appautoscaling.Policy with resourceId: ${target.name}.resourceId (e.g. target tracking on CPU at 70%).`, target.urn);
        }
    },
});
