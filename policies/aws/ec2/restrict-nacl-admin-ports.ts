import { resourcePolicy } from "../../lib/define";
import { describePorts } from "../../lib/edge";
import { bool, describeType, given, integer, isRecord, list, Props, text } from "../../lib/values";

const NETWORK_ACL = "aws:ec2/networkAcl:NetworkAcl";
const DEFAULT_NETWORK_ACL = "aws:ec2/defaultNetworkAcl:DefaultNetworkAcl";
const NETWORK_ACL_RULE = "aws:ec2/networkAclRule:NetworkAclRule";

const ANYWHERE = new Set(["0.0.0.0/0", "::/0"]);
const PORT_PROTOCOLS = new Set(["tcp", "udp", "6", "17"]);

/** One network ACL entry, read from inline `ingress` or from a NetworkAclRule. */
interface Entry {
    where: string;
    number?: number;
    allow: boolean;
    sources: string[];
    /** Reads protocol, fromPort or toPort, only for entries open to the internet. */
    read: (key: "protocol" | "fromPort" | "toPort") => unknown;
}

/** What an entry admits: every port, a port range, no ports (ICMP and other protocols), or a range that cannot be read. */
type Ports = { kind: "all" } | { kind: "range"; from: number; to: number } | { kind: "none" } | { kind: "invalid"; unreadable: string };

function port(value: unknown): number | undefined {
    const p = integer(value);
    return p !== undefined && p >= 0 && p <= 65535 ? p : undefined;
}

function describe(value: unknown): string {
    return typeof value === "number" || (typeof value === "string" && value.trim() !== "") ? `'${String(value)}'` : describeType(given(value));
}

function portsOf(entry: Entry): Ports {
    const protocol = entry.read("protocol");
    const p = typeof protocol === "number" ? String(protocol) : text(protocol)?.trim().toLowerCase();
    if (p === "-1" || p === "all") {
        return { kind: "all" };
    }
    if (p !== undefined && p !== "" && !PORT_PROTOCOLS.has(p)) {
        return { kind: "none" }; // ICMP and protocols without ports
    }
    const [fromPort, toPort] = [entry.read("fromPort"), entry.read("toPort")];
    const from = port(fromPort);
    const to = port(toPort);
    if (p === undefined || p === "" || from === undefined || to === undefined || to < from) {
        return { kind: "invalid", unreadable: `protocol ${p ? `'${p}'` : describeType(given(protocol))}, fromPort ${describe(fromPort)}, toPort ${describe(toPort)}` };
    }
    return { kind: "range", from, to };
}

function covers(ports: Ports, p: number): boolean {
    return ports.kind === "all" || (ports.kind === "range" && p >= ports.from && p <= ports.to);
}

/** An entry from its properties: `action`/`ruleNo` inline, `ruleAction`/`ruleNumber` on a NetworkAclRule. */
function entry(where: string, rule: Props, action: "action" | "ruleAction", number: "ruleNo" | "ruleNumber"): Entry {
    const sources = [rule.cidrBlock, rule.ipv6CidrBlock].map(text).filter((s): s is string => s !== undefined && ANYWHERE.has(s.trim())).map((s) => s.trim());
    return {
        where,
        sources,
        allow: text(rule[action])?.trim().toLowerCase() === "allow",
        // The rule number orders entries that are open to the internet only.
        number: sources.length > 0 ? integer(rule[number]) : undefined,
        read: (key) => rule[key],
    };
}

export default resourcePolicy({
    name: "aws-ec2-restrict-nacl-admin-ports",
    description: "No network ACL allows inbound traffic from the internet (0.0.0.0/0 or ::/0) to remote administration ports (SSH 22, RDP 3389), whether by port, by a port range or by allowing every protocol.",
    priority: "P0",
    severity: "high",
    checklist: ["003.security.ssh-access-restricted", "003.infrastructure.only-necessary-ports-open", "002.security-configuration.firewall-rules"],
    remediationSteps: "Remove the entry, restrict its cidrBlock to the ranges of your bastion or VPN, or add a lower-numbered deny entry for the administration ports; prefer Session Manager to open SSH.",
    tags: ["network"],
    config: {
        adminPorts: {
            type: "array",
            items: { type: "integer", minimum: 0, maximum: 65535 },
            default: [22, 3389],
            description: "Ports no network ACL may allow from 0.0.0.0/0 or ::/0. Default [22, 3389]: SSH and RDP; 003 asks that SSH be restricted to specific IPs.",
        },
    },
    resourceTypes: [NETWORK_ACL, DEFAULT_NETWORK_ACL, NETWORK_ACL_RULE],
    validate: ({ type, name, props }, config, report) => {
        let entries: Entry[];
        if (type === NETWORK_ACL_RULE) {
            if (bool(given(props.egress)) === true) {
                return; // outbound rules do not admit traffic from the internet
            }
            entries = [entry(`network ACL rule '${name}'`, props, "ruleAction", "ruleNumber")];
        } else {
            const kind = type === DEFAULT_NETWORK_ACL ? "default network ACL" : "network ACL";
            entries = list(props.ingress).flatMap((rule, i) => isRecord(rule) ? [entry(`${kind} '${name}' ingress #${i + 1}`, rule, "action", "ruleNo")] : []);
        }
        // The lowest-numbered entry that matches a packet decides; a deny from the same source shadows a later allow.
        const denies = entries.filter((e) => !e.allow && e.sources.length > 0).map((deny) => ({ deny, ports: portsOf(deny) }));
        for (const rule of entries) {
            if (!rule.allow || rule.sources.length === 0) {
                continue;
            }
            const ports = portsOf(rule);
            const source = rule.sources.join(" and ");
            if (ports.kind === "invalid") {
                report(`${rule.where} allows ${source}, but the policy cannot read its port range (${ports.unreadable}), so it cannot tell whether administration ports ${config.adminPorts.join(", ")} are open: set protocol to "tcp" or "udp" and fromPort and toPort to whole numbers from 0 to 65535.`);
                continue;
            }
            const shadowed = (p: number) => rule.number !== undefined && denies.some(({ deny, ports: denied }) => deny.number !== undefined && deny.number < rule.number!
                && rule.sources.every((s) => deny.sources.includes(s)) && covers(denied, p));
            const exposed = config.adminPorts.filter((p) => covers(ports, p) && !shadowed(p));
            if (exposed.length > 0) {
                const what = ports.kind === "range" ? describePorts(ports.from, ports.to) : "every port (protocol -1)";
                report(`${rule.where} allows ${what} from ${source}, exposing administration port${exposed.length > 1 ? "s" : ""} ${exposed.join(", ")}: restrict cidrBlock to specific ranges, add a lower-numbered deny entry for ${exposed.length > 1 ? "them" : "it"}, or use Session Manager.`);
            }
        }
    },
});
