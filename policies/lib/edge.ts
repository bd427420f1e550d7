// Type tokens and readers shared by the AWS edge, network and identity policies.
import type { PolicyResource } from "@pulumi/policy";

/** Load balancer listeners: `aws.lb.Listener` and its alias class `aws.alb.Listener`. */
export const LISTENER_TYPES = ["aws:lb/listener:Listener", "aws:alb/listener:Listener"] as const;

/** Load balancers: `aws.lb.LoadBalancer` and its alias class `aws.alb.LoadBalancer`. */
export const LOAD_BALANCER_TYPES = ["aws:lb/loadBalancer:LoadBalancer", "aws:alb/loadBalancer:LoadBalancer"] as const;

export const DISTRIBUTION_TYPE = "aws:cloudfront/distribution:Distribution";

/** "listener 'app-https'" style names for messages. */
export function describe(kind: string, name: string): string {
    return `${kind} '${name}'`;
}

/** Listener protocol, upper-cased; the provider's default when omitted is HTTP. */
export function listenerProtocol(props: Record<string, unknown>): string | undefined {
    const protocol = props.protocol;
    if (protocol === undefined) {
        return "HTTP";
    }
    return typeof protocol === "string" ? protocol.toUpperCase() : undefined;
}

/**
 * Load balancers the provider creates as application load balancers: loadBalancerType
 * "application", which is also its default.
 */
export function isApplicationLoadBalancer(props: Record<string, unknown>): boolean {
    const type = props.loadBalancerType;
    return type === undefined || type === "application";
}

/** A TLS version such as "1.2" as a comparable number (1.2), or undefined. */
export function tlsVersion(value: unknown): number | undefined {
    if (typeof value !== "string" || !/^\d\.\d$/.test(value)) {
        return undefined;
    }
    return Number(value);
}

/** The CloudFront cache behaviours of a distribution: the default one first, then the ordered ones. */
export function cacheBehaviours(props: Record<string, unknown>): { where: string; property: string; behaviour: Record<string, unknown> | undefined }[] {
    const out: { where: string; property: string; behaviour: Record<string, unknown> | undefined }[] = [];
    const def = props.defaultCacheBehavior;
    out.push({ where: "defaultCacheBehavior", property: "defaultCacheBehavior", behaviour: isObject(def) ? def : undefined });
    const ordered = props.orderedCacheBehaviors;
    if (Array.isArray(ordered)) {
        ordered.forEach((b, i) => {
            const path = isObject(b) && typeof b.pathPattern === "string" ? ` (${b.pathPattern})` : "";
            out.push({ where: `orderedCacheBehaviors[${i}]${path}`, property: "orderedCacheBehaviors", behaviour: isObject(b) ? b : undefined });
        });
    }
    return out;
}

function isObject(value: unknown): value is Record<string, unknown> {
    return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** Whether a property is set at all, without reading its value (which may be unknown during preview). */
export function isSet(object: Record<string, unknown> | undefined, key: string): boolean {
    return object !== undefined && key in object;
}

/** Resources by URN, for joins. */
export function byUrn(resources: readonly PolicyResource[]): Map<string, PolicyResource> {
    return new Map(resources.map((r) => [r.urn, r]));
}

/** OpenSearch domains and their predecessor, Elasticsearch Service domains: one shape. */
export const SEARCH_DOMAIN_TYPES = ["aws:opensearch/domain:Domain", "aws:elasticsearch/domain:Domain"] as const;

export function describeDomain(type: string, name: string): string {
    return `${type.startsWith("aws:elasticsearch") ? "Elasticsearch" : "OpenSearch"} domain '${name}'`;
}

export const SECURITY_GROUP_TYPE = "aws:ec2/securityGroup:SecurityGroup";
export const SECURITY_GROUP_RULE_TYPE = "aws:ec2/securityGroupRule:SecurityGroupRule";
export const INGRESS_RULE_TYPE = "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule";
export const INGRESS_TYPES = [SECURITY_GROUP_TYPE, SECURITY_GROUP_RULE_TYPE, INGRESS_RULE_TYPE] as const;

const ANYWHERE = new Set(["0.0.0.0/0", "::/0"]);

/** One ingress rule open to the internet, with its port range (undefined ports: all ports). */
export interface PublicIngress {
    where: string;
    sources: string[];
    /** "all", "icmp", or "ports" with the range; a range that cannot be read is `invalid`. */
    kind: "all" | "icmp" | "ports" | "invalid";
    from?: number;
    to?: number;
}

function toPort(value: unknown): number | undefined {
    if (typeof value === "number" && Number.isInteger(value)) {
        return value;
    }
    return typeof value === "string" && /^-?\d+$/.test(value) ? Number(value) : undefined;
}

function strings(value: unknown): string[] {
    return Array.isArray(value) ? value.filter((v): v is string => typeof v === "string") : [];
}

function classify(where: string, sources: string[], protocol: unknown, from: unknown, to: unknown): PublicIngress | undefined {
    const open = sources.filter((s) => ANYWHERE.has(s.trim()));
    if (open.length === 0) {
        return undefined;
    }
    const p = typeof protocol === "number" ? String(protocol) : typeof protocol === "string" ? protocol.toLowerCase() : undefined;
    if (p === "-1" || p === "all") {
        return { where, sources: open, kind: "all" };
    }
    if (p === "icmp" || p === "icmpv6" || p === "1" || p === "58") {
        return { where, sources: open, kind: "icmp" };
    }
    const start = toPort(from);
    const end = toPort(to);
    if (start === undefined || end === undefined || start < 0 || end < start) {
        return { where, sources: open, kind: "invalid" };
    }
    return { where, sources: open, kind: "ports", from: start, to: end };
}

/**
 * The ingress rules of a security group (inline `ingress`), a SecurityGroupRule of type ingress,
 * or a SecurityGroupIngressRule that admit traffic from 0.0.0.0/0 or ::/0.
 */
export function publicIngress(type: string, name: string, props: Record<string, unknown>): PublicIngress[] {
    if (type === SECURITY_GROUP_TYPE) {
        const rules = Array.isArray(props.ingress) ? props.ingress : [];
        return rules.flatMap((rule, i) => {
            if (!isObject(rule)) {
                return [];
            }
            const sources = [...strings(rule.cidrBlocks), ...strings(rule.ipv6CidrBlocks)];
            const found = classify(`security group '${name}' ingress #${i + 1}`, sources, rule.protocol, rule.fromPort, rule.toPort);
            return found ? [found] : [];
        });
    }
    if (type === SECURITY_GROUP_RULE_TYPE) {
        if (props.type !== "ingress") {
            return [];
        }
        const sources = [...strings(props.cidrBlocks), ...strings(props.ipv6CidrBlocks)];
        const found = classify(`security group rule '${name}'`, sources, props.protocol, props.fromPort, props.toPort);
        return found ? [found] : [];
    }
    if (type === INGRESS_RULE_TYPE) {
        const sources = [props.cidrIpv4, props.cidrIpv6].filter((v): v is string => typeof v === "string");
        const found = classify(`security group ingress rule '${name}'`, sources, props.ipProtocol, props.fromPort, props.toPort);
        return found ? [found] : [];
    }
    return [];
}

/** "port 22", "ports 0-65535" */
export function describePorts(from: number, to: number): string {
    return from === to ? `port ${from}` : `ports ${from}-${to}`;
}
