import { resourcePolicy } from "../../lib/define";
import { describeType, given, isGiven, list, text } from "../../lib/values";

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
        const behindLoadBalancer = list(props.targetGroupArns).some(isGiven) || list(props.loadBalancers).some(isGiven)
            || list(props.trafficSources).length > 0;
        if (!behindLoadBalancer) {
            return;
        }
        const value = given(props.healthCheckType);
        const where = `Auto Scaling group '${name}'`;
        if (value === undefined) {
            report(`${where} is behind a load balancer but omits healthCheckType, which defaults to EC2: set healthCheckType: "ELB".`);
        } else if (text(value) === undefined) {
            report(`${where} sets healthCheckType to ${describeType(value)}: set it to "ELB".`);
        } else if (text(value) !== "ELB") {
            report(`${where} is behind a load balancer but checks only ${text(value)} status: set healthCheckType: "ELB".`);
        }
    },
});
