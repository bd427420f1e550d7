import { resourcePolicy } from "../../lib/define";
import { isApplicationLoadBalancer, LOAD_BALANCER_TYPES } from "../../lib/edge";
import { bool, describeType, given } from "../../lib/values";

export default resourcePolicy({
    name: "aws-lb-require-drop-invalid-headers",
    description: "Application load balancers drop HTTP headers with invalid names instead of passing them to the targets (request smuggling and desync hardening).",
    priority: "P1",
    severity: "medium",
    checklist: ["003.infrastructure.load-balancer", "002.security-configuration.firewall-rules"],
    remediationSteps: "Set dropInvalidHeaderFields: true on the application load balancer.",
    tags: ["network"],
    resourceTypes: LOAD_BALANCER_TYPES,
    validate: ({ name, props }, _config, report) => {
        if (!isApplicationLoadBalancer(props)) {
            return;
        }
        const drop = given(props.dropInvalidHeaderFields);
        if (bool(drop) !== true) {
            const state = drop === undefined ? "leaves dropInvalidHeaderFields unset (default false)" : `sets dropInvalidHeaderFields to ${bool(drop) === false ? "false" : describeType(drop)}`;
            report(`Application load balancer '${name}' ${state}, so headers with invalid names reach the targets: set dropInvalidHeaderFields: true.`);
        }
    },
});
