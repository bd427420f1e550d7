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
