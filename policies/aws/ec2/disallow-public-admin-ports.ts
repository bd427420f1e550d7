import { resourcePolicy } from "../../lib/define";
import { describePorts, INGRESS_TYPES, publicIngress } from "../../lib/edge";
import { Parts } from "../../lib/unknowns";

export default resourcePolicy({
    name: "aws-ec2-disallow-public-admin-ports",
    description: "No security group opens remote administration ports (SSH 22, RDP 3389) to the internet.",
    priority: "P0",
    severity: "critical",
    checklist: ["003.security.ssh-access-restricted", "003.infrastructure.only-necessary-ports-open"],
    remediationSteps: "Remove the rule, or restrict its source to the specific IP ranges of your bastion or VPN; prefer AWS Systems Manager Session Manager to open SSH.",
    tags: ["network"],
    config: {
        adminPorts: {
            type: "array",
            items: { type: "integer", minimum: 0, maximum: 65535 },
            default: [22, 3389],
            description: "Ports never open to 0.0.0.0/0 or ::/0. Default [22, 3389]: SSH and RDP; 003 asks that SSH be restricted to specific IPs.",
        },
    },
    resourceTypes: INGRESS_TYPES,
    validate: ({ type, name, props }, config, report) => {
        // The rules known during preview first: one left unknown decides only when they report nothing.
        const ingress = publicIngress(type, name, props);
        const parts = new Parts(report);
        for (const rule of ingress.rules) {
            const source = rule.sources.join(" and ");
            if (rule.kind === "invalid") {
                // Not read as "every port": a rule AWS rejects opens nothing, and one it accepts is judged once readable.
                parts.report(`${rule.where} admits ${source}, but the policy cannot read the port range (${rule.unreadable}), so it cannot tell whether administration ports ${config.adminPorts.join(", ")} are open: set protocol to "tcp" or "udp" and fromPort and toPort to whole numbers from 0 to 65535.`);
                continue;
            }
            let exposed: number[] = [];
            if (rule.kind === "all") {
                exposed = [...config.adminPorts];
            } else if (rule.kind === "ports") {
                const { from = 0, to = 0 } = rule;
                exposed = config.adminPorts.filter((p) => p >= from && p <= to);
            }
            if (exposed.length > 0) {
                const what = rule.kind === "ports" ? describePorts(rule.from!, rule.to!) : "every port (protocol -1)";
                parts.report(`${rule.where} opens ${what} to ${source}, exposing administration port${exposed.length > 1 ? "s" : ""} ${exposed.join(", ")}: restrict the source to specific IP ranges or use Session Manager.`);
            }
        }
        parts.setAside(ingress.unknown);
        parts.settle();
    },
});
