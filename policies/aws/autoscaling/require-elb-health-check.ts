import { resourcePolicy } from "../../lib/define";
import { attempt } from "../../lib/unknowns";
import { describeType, given, holdsDeclared, list, text } from "../../lib/values";

export default resourcePolicy({
    name: "aws-autoscaling-require-elb-health-check",
    description: "Auto Scaling groups behind a load balancer replace instances that fail the load balancer's health check, not only dead ones.",
    priority: "P1",
    severity: "medium",
    checklist: ["003.infrastructure.load-balancer-health-checks", "002.build-and-deployment.health-checks"],
    remediationSteps: "Set healthCheckType: \"ELB\" and a healthCheckGracePeriod that covers start-up.",
    tags: ["availability"],
    resourceTypes: ["aws:autoscaling/group:Group"],
    validate: ({ name, props }, _config, report) => {
        // An ELB health check passes whatever the group is behind, and a group behind no load balancer
        // passes whatever it checks: either, known during preview, decides before the other is needed.
        // Target group ARNs, usually unknown during preview, count as set without being read.
        const check = attempt(() => given(props.healthCheckType));
        const behind = attempt(() => holdsDeclared(props.targetGroupArns) || holdsDeclared(props.loadBalancers) || list(props.trafficSources).length > 0);
        if ((check.unknown === undefined && text(check.value) === "ELB") || (behind.unknown === undefined && !behind.value)) {
            return;
        }
        if (check.unknown !== undefined || behind.unknown !== undefined) {
            throw check.unknown ?? behind.unknown;
        }
        const value = check.value;
        const where = `Auto Scaling group '${name}'`;
        if (value === undefined) {
            report(`${where} is behind a load balancer but omits healthCheckType, which defaults to EC2: set healthCheckType: "ELB".`);
        } else if (text(value) === undefined) {
            report(`${where} sets healthCheckType to ${describeType(value)}: set it to "ELB".`);
        } else {
            report(`${where} is behind a load balancer but checks only ${text(value)} status: set healthCheckType: "ELB".`);
        }
    },
});
