import { resourcePolicy } from "../../lib/define";
import { describeType, given, text } from "../../lib/values";
import { TARGET_GROUP_TYPES } from "./require-target-group-health-check";

export default resourcePolicy({
    name: "aws-lb-require-tls-to-targets",
    description: "Advisory: load balancers re-encrypt traffic to their instance and IP targets, so data stays encrypted in transit end to end (004 \"Data in transit encrypted (TLS)\", 003 \"Data encrypted at rest and in transit\"): target groups of instance or ip targets use protocol HTTPS, not HTTP. The hop from the load balancer to the targets stays inside the VPC, so a team that terminates TLS at the load balancer only may keep this policy advisory or turn it off. Lambda and ALB targets, and TCP/TLS/UDP target groups, are not judged.",
    priority: "P2",
    severity: "low",
    checklist: ["004.data-security.encryption-in-transit", "003.security.data-encryption"],
    remediationSteps: "Set protocol: \"HTTPS\" on the target group (and healthCheck.protocol: \"HTTPS\"), and serve TLS from the targets, e.g. with a self-signed certificate in the container: the load balancer does not validate target certificates.",
    tags: ["transport-security"],
    resourceTypes: TARGET_GROUP_TYPES,
    validate: ({ name, props }, _config, report) => {
        const targetType = text(given(props.targetType))?.toLowerCase() ?? "instance";
        if (targetType !== "instance" && targetType !== "ip") {
            return;
        }
        const protocol = given(props.protocol);
        const value = text(protocol)?.trim().toUpperCase();
        if (protocol !== undefined && value === undefined) {
            report(`Target group '${name}' sets protocol to ${describeType(protocol)}: set protocol: "HTTPS".`);
        } else if (value === "HTTP") {
            report(`Target group '${name}' forwards to its ${targetType} targets over plain HTTP, so traffic is decrypted at the load balancer: set protocol: "HTTPS" (and healthCheck.protocol: "HTTPS") and serve TLS from the targets.`);
        }
    },
});
