import { resourcePolicy } from "../../lib/define";
import { describePorts, INGRESS_TYPES, publicIngress } from "../../lib/edge";
import { Parts } from "../../lib/unknowns";

export default resourcePolicy({
    name: "aws-ec2-restrict-public-ingress",
    description: "Security groups admit traffic from the internet (0.0.0.0/0, ::/0) only on the allowed ports, 80 and 443 by default.",
    priority: "P0",
    severity: "high",
    checklist: ["003.infrastructure.only-necessary-ports-open", "002.security-configuration.firewall-rules", "003.infrastructure.network-configuration"],
    remediationSteps: "Open only ports 80 and 443 to 0.0.0.0/0 and ::/0 (on the load balancer's security group); reach everything else from other security groups or known CIDR ranges.",
    tags: ["network"],
    config: {
        allowedPublicPorts: {
            type: "array",
            items: { type: "integer", minimum: 0, maximum: 65535 },
            default: [80, 443],
            description: "Ports that may be open to 0.0.0.0/0 and ::/0. Default [80, 443]: 003 lists only ports 80 and 443 as open.",
        },
    },
    resourceTypes: INGRESS_TYPES,
    validate: ({ type, name, props }, config, report) => {
        const allowed = new Set(config.allowedPublicPorts);
        const list = [...allowed].sort((a, b) => a - b).join(", ");
        // The rules known during preview first: one left unknown decides only when they report nothing.
        const ingress = publicIngress(type, name, props);
        const parts = new Parts(report);
        for (const rule of ingress.rules) {
            const source = rule.sources.join(" and ");
            if (rule.kind === "all") {
                parts.report(`${rule.where} opens every protocol and port (protocol -1) to ${source}: open only ports ${list} to the internet.`);
            } else if (rule.kind === "protocol") {
                parts.report(`${rule.where} opens IP protocol ${rule.protocol}, which has no ports, to ${source}: open only TCP ports ${list} to the internet.`);
            } else if (rule.kind === "invalid") {
                parts.report(`${rule.where} admits ${source}, but the policy cannot read the port range (${rule.unreadable}): set protocol to "tcp" or "udp" and fromPort and toPort to one of ${list}.`);
            } else if (rule.kind === "ports") {
                const { from = 0, to = 0 } = rule;
                const outside = to - from > 65535 ? [] : Array.from({ length: to - from + 1 }, (_, k) => from + k).filter((p) => !allowed.has(p));
                if (outside.length > 0) {
                    parts.report(`${rule.where} opens ${describePorts(from, to)} to ${source}${from === to ? "" : `, including ${describePorts(outside[0], outside[0])}`}: only ports ${list} may be open to the internet; restrict the source to known CIDR ranges or security groups.`);
                }
            }
        }
        parts.setAside(ingress.unknown);
        parts.settle();
    },
});
