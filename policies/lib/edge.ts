// Type tokens and readers shared by the AWS edge, network and identity policies.
import type { PolicyResource } from "@pulumi/policy";
import { attempt, knownItems, knownOr } from "./unknowns";
import { describeType, given, integer } from "./values";

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

/** One cache behaviour of a distribution, read only when `behaviour` is. */
export interface CacheBehaviour {
    where: string;
    property: string;
    /** The behaviour's settings (undefined when it is not an object); throws when it is unknown during preview. */
    readonly behaviour: Record<string, unknown> | undefined;
}

/**
 * The CloudFront cache behaviours of a distribution: the default one first, then the ordered ones.
 * Each is read only when a policy reads its `behaviour`, so one unknown during preview decides only
 * the judgement of that behaviour (judge them with judgeEach); a path pattern unknown during preview
 * only goes unnamed in `where`.
 */
export function cacheBehaviours(props: Record<string, unknown>): CacheBehaviour[] {
    const behaviour = (where: string, property: string, read: () => unknown): CacheBehaviour => ({
        where, property,
        get behaviour() {
            const value = read();
            return isObject(value) ? value : undefined;
        },
    });
    const out = [behaviour("defaultCacheBehavior", "defaultCacheBehavior", () => props.defaultCacheBehavior)];
    const ordered = attempt(() => props.orderedCacheBehaviors);
    if (ordered.unknown !== undefined) {
        out.push(behaviour("orderedCacheBehaviors", "orderedCacheBehaviors", () => props.orderedCacheBehaviors));
    } else if (Array.isArray(ordered.value)) {
        const items: unknown[] = ordered.value;
        for (let i = 0; i < items.length; i++) {
            const path = knownOr(() => {
                const b = items[i];
                return isObject(b) && typeof b.pathPattern === "string" ? ` (${b.pathPattern})` : "";
            }, "");
            out.push(behaviour(`orderedCacheBehaviors[${i}]${path}`, "orderedCacheBehaviors", () => items[i]));
        }
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

/** One ingress rule open to the internet, with its port range. */
export interface PublicIngress {
    where: string;
    sources: string[];
    /**
     * "all" (protocol -1), "icmp", "protocol" (another IP protocol, which has no ports: AWS admits
     * all of it), or "ports" with the range; a TCP/UDP range that cannot be read is `invalid`.
     */
    kind: "all" | "icmp" | "protocol" | "ports" | "invalid";
    /** The protocol as written, for "protocol" and "invalid". */
    protocol?: string;
    from?: number;
    to?: number;
    /** What the rule sets as fromPort and toPort, described without printing them, for "invalid". */
    unreadable?: string;
}

/** A port: a whole number from 0 to 65535, also written as a numeric string. */
function toPort(value: unknown): number | undefined {
    const port = integer(value);
    return port !== undefined && port >= 0 && port <= 65535 ? port : undefined;
}

function describePort(value: unknown): string {
    return typeof value === "number" || (typeof value === "string" && value.trim() !== "") ? `'${String(value)}'` : describeType(given(value));
}

const PORT_PROTOCOLS = new Set(["tcp", "udp", "6", "17"]);

/**
 * The source CIDRs of a rule that open it to the internet, from its lists (`cidrBlocks`) and single
 * values (`cidrIpv4`), each read by `read`. A source unknown during preview (a VPC's CIDR) decides
 * only when no known one is open: its unknown value is thrown then.
 */
function openSources(...reads: Array<() => unknown>): string[] {
    const sources: string[] = [];
    let unknown: unknown;
    for (const read of reads) {
        const value = attempt(read);
        const items = knownItems(Array.isArray(value.value) ? value.value : [value.value]);
        unknown ??= value.unknown ?? items.unknown;
        sources.push(...items.items.filter((v): v is string => typeof v === "string"));
    }
    const open = sources.filter((s) => ANYWHERE.has(s.trim()));
    if (open.length === 0 && unknown !== undefined) {
        throw unknown;
    }
    return open;
}

function classify(where: string, open: string[], protocol: unknown, from: unknown, to: unknown): PublicIngress | undefined {
    if (open.length === 0) {
        return undefined;
    }
    const p = typeof protocol === "number" ? String(protocol) : typeof protocol === "string" && protocol.trim() !== "" ? protocol.trim().toLowerCase() : undefined;
    if (p === "-1" || p === "all") {
        return { where, sources: open, kind: "all" };
    }
    if (p === "icmp" || p === "icmpv6" || p === "1" || p === "58") {
        return { where, sources: open, kind: "icmp" };
    }
    if (p !== undefined && /^\d+$/.test(p) && !PORT_PROTOCOLS.has(p)) {
        // ESP (50), GRE (47) and other protocols have no ports: AWS admits the whole protocol.
        return { where, sources: open, kind: "protocol", protocol: p };
    }
    const start = toPort(from);
    const end = toPort(to);
    // AWS names protocols tcp, udp, icmp, icmpv6 or by number; any other name cannot be read.
    if (p === undefined || !PORT_PROTOCOLS.has(p) || start === undefined || end === undefined || end < start) {
        const unreadable = `protocol ${p === undefined ? describeType(given(protocol)) : `'${p}'`}, fromPort ${describePort(from)}, toPort ${describePort(to)}`;
        return { where, sources: open, kind: "invalid", protocol: p, unreadable };
    }
    return { where, sources: open, kind: "ports", from: start, to: end };
}

/**
 * The ingress rules of a security group (inline `ingress`), a SecurityGroupRule of type ingress,
 * or a SecurityGroupIngressRule that admit traffic from 0.0.0.0/0 or ::/0. Each rule is read on its
 * own: `rules` holds those known during preview to be open, and `unknown` the error reading the
 * first rule that a value unknown during preview leaves undecided, for the policy to throw only when
 * the known rules decide nothing.
 */
export function publicIngress(type: string, name: string, props: Record<string, unknown>): { rules: PublicIngress[]; unknown?: unknown } {
    const rules: PublicIngress[] = [];
    let unknown: unknown;
    const rule = (read: () => PublicIngress | undefined) => {
        const found = attempt(read);
        unknown ??= found.unknown;
        if (found.value) {
            rules.push(found.value);
        }
    };
    if (type === SECURITY_GROUP_TYPE) {
        const ingress = attempt(() => props.ingress);
        unknown ??= ingress.unknown;
        const list: unknown[] = Array.isArray(ingress.value) ? ingress.value : [];
        for (let i = 0; i < list.length; i++) {
            rule(() => {
                const entry = list[i];
                if (!isObject(entry)) {
                    return undefined;
                }
                const open = openSources(() => entry.cidrBlocks, () => entry.ipv6CidrBlocks);
                return classify(`security group '${name}' ingress #${i + 1}`, open, entry.protocol, entry.fromPort, entry.toPort);
            });
        }
    } else if (type === SECURITY_GROUP_RULE_TYPE) {
        rule(() => {
            if (props.type !== "ingress") {
                return undefined;
            }
            const open = openSources(() => props.cidrBlocks, () => props.ipv6CidrBlocks);
            return classify(`security group rule '${name}'`, open, props.protocol, props.fromPort, props.toPort);
        });
    } else if (type === INGRESS_RULE_TYPE) {
        rule(() => {
            const open = openSources(() => props.cidrIpv4, () => props.cidrIpv6);
            return classify(`security group ingress rule '${name}'`, open, props.ipProtocol, props.fromPort, props.toPort);
        });
    }
    return { rules, unknown };
}

/** "port 22", "ports 0-65535" */
export function describePorts(from: number, to: number): string {
    return from === to ? `port ${from}` : `ports ${from}-${to}`;
}

/** What a stack policy needs to judge one resource at a time (policies/lib/define.ts). */
interface Judge {
    judge(resource: { urn: string }, judgement: () => void): void;
}

/** The strings a reference value (a name, an id or an ARN) may name a resource by: itself and its segments. */
function referenceKeys(value: string): string[] {
    return [value, ...value.split(/[:/]/)].filter((k) => k !== "");
}

/**
 * Which targets the links name through `property` (which ALBs have a WAF association, which
 * repositories a lifecycle policy), indexed once. Links are joined through the engine's dependency
 * graph without reading any value, so a reference unknown during preview still links; only links
 * the graph leaves open are read, each inside its own judgement, so an unknown reference makes that
 * link unknown and, later, only the targets it could have named.
 */
export class LinkIndex {
    private readonly byGraph = new Set<string>();
    private readonly byValue = new Set<string>();
    private readonly unresolved: PolicyResource[] = [];

    constructor(
        targets: readonly PolicyResource[],
        links: readonly PolicyResource[],
        private readonly property: string,
        context: Judge,
        private readonly valuesOf: (link: PolicyResource) => unknown[] = (link) => {
            const value = link.props[property];
            return Array.isArray(value) ? value : [value];
        },
    ) {
        const candidates = new Set(targets.map((t) => t.urn));
        for (const link of links) {
            const graph = graphLinks(link, property, candidates);
            graph.byGraph.forEach((urn) => this.byGraph.add(urn));
            if (!graph.needsValue) {
                continue;
            }
            let read = false;
            context.judge(link, () => {
                for (const value of this.valuesOf(link)) {
                    if (typeof value === "string" && value.trim() !== "") {
                        referenceKeys(value.trim()).forEach((k) => this.byValue.add(k));
                    }
                }
                read = true;
            });
            if (!read) {
                this.unresolved.push(link);
            }
        }
    }

    /**
     * True when a link names the target. Call it inside `context.judge(target, ...)`: it reads the
     * target's keys only when the graph does not link it, and when a link whose reference is unknown
     * could name it, it reads that reference again so the target is reported unknown too.
     */
    links(target: PolicyResource, keysOf: () => unknown[]): boolean {
        if (this.byGraph.has(target.urn)) {
            return true;
        }
        if (this.byValue.size > 0 && keysOf().some((k) => typeof k === "string" && k !== "" && this.byValue.has(k))) {
            return true;
        }
        this.unresolved.forEach((link) => this.valuesOf(link));
        return false;
    }
}

/** The candidates `resource` names through `property` in the engine's dependency graph (see policies/lib/aws.ts graphTargets). */
export function graphLinks(resource: PolicyResource, property: string, candidates: ReadonlySet<string>): { byGraph: string[]; needsValue: boolean } {
    const byProperty = (resource.propertyDependencies?.[property] ?? []).filter((d) => candidates.has(d.urn));
    if (byProperty.length > 0) {
        return { byGraph: byProperty.map((d) => d.urn), needsValue: false };
    }
    const engineSentNone = Object.keys(resource.propertyDependencies ?? {}).length === 0;
    const byDependency = (resource.dependencies ?? []).filter((d) => candidates.has(d.urn));
    if (engineSentNone && byDependency.length === 1) {
        return { byGraph: [byDependency[0].urn], needsValue: false };
    }
    return { byGraph: [], needsValue: true };
}

/** Resources grouped by type, built once per stack. */
export function byType(resources: readonly PolicyResource[]): (...types: readonly string[]) => PolicyResource[] {
    const index = new Map<string, PolicyResource[]>();
    for (const r of resources) {
        const list = index.get(r.type);
        if (list) {
            list.push(r);
        } else {
            index.set(r.type, [r]);
        }
    }
    return (...types) => types.flatMap((t) => index.get(t) ?? []);
}
