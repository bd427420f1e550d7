// The public endpoints of a stack (internet-facing load balancers, CloudFront distributions, API
// Gateway APIs) and what points at them: their stages and custom domains, and the Route 53 records
// that alias them. Joined through the engine's dependency graph first, so ARNs and DNS names unknown
// during preview still link; by known values otherwise.
import type { PolicyResource } from "@pulumi/policy";
import { DISTRIBUTION_TYPE, LOAD_BALANCER_TYPES } from "./edge";
import { isUnknownValueError } from "./unknowns";
import { given, list, record, records, text } from "./values";

export const RECORD_TYPE = "aws:route53/record:Record";
const REST_API = "aws:apigateway/restApi:RestApi";
const HTTP_API = "aws:apigatewayv2/api:Api";
const STAGES = ["aws:apigateway/stage:Stage", "aws:apigatewayv2/stage:Stage"];
const DOMAIN_NAMES = ["aws:apigateway/domainName:DomainName", "aws:apigatewayv2/domainName:DomainName"];
const MAPPINGS = ["aws:apigateway/basePathMapping:BasePathMapping", "aws:apigatewayv2/apiMapping:ApiMapping"];

/** Every type publicEndpoints and indexEndpoints read: the endpoints and what points at them. */
export const ENDPOINT_TYPES: readonly string[] = [
    ...LOAD_BALANCER_TYPES, DISTRIBUTION_TYPE, REST_API, HTTP_API, ...STAGES, ...DOMAIN_NAMES, ...MAPPINGS, RECORD_TYPE,
];

/** One public endpoint and how to find what points at it. */
export interface Endpoint {
    resource: PolicyResource;
    /** "load balancer 'app-alb'", "CloudFront distribution 'app-cdn'" */
    what: string;
    /** Set when whether it is public is unknown during preview: the error reading it threw, for `context.judge`. */
    unknown?: unknown;
}

/** The endpoints the internet reaches: ALBs/NLBs not marked internal, distributions, REST APIs that are not private, HTTP/WebSocket APIs. */
export function publicEndpoints(resources: readonly PolicyResource[]): Endpoint[] {
    const loadBalancers = new Set<string>(LOAD_BALANCER_TYPES);
    const out: Endpoint[] = [];
    const add = (r: PolicyResource, what: string, isPublic: () => boolean) => {
        try {
            if (isPublic()) {
                out.push({ resource: r, what });
            }
        } catch (error) {
            if (!isUnknownValueError(error)) {
                throw error;
            }
            out.push({ resource: r, what, unknown: error });
        }
    };
    for (const r of resources) {
        if (loadBalancers.has(r.type)) {
            // internal omitted: the load balancer is internet-facing.
            add(r, `load balancer '${r.name}'`, () => r.props.internal !== true && r.props.internal !== "true");
        } else if (r.type === DISTRIBUTION_TYPE) {
            add(r, `CloudFront distribution '${r.name}'`, () => true);
        } else if (r.type === REST_API) {
            add(r, `API Gateway REST API '${r.name}'`, () => {
                // `types` is one string in the provider today, a list in older versions.
                const types = record(r.props.endpointConfiguration)?.types;
                return !(Array.isArray(types) ? types : [types]).includes("PRIVATE");
            });
        } else if (r.type === HTTP_API) {
            add(r, `API Gateway API '${r.name}'`, () => true);
        }
    }
    return out;
}

/** The URNs the graph says a resource was built from through any of `properties` (all dependencies when the engine sent none by property). */
export function graphSources(resource: PolicyResource, properties: readonly string[]): string[] {
    const byProperty = properties.flatMap((p) => (resource.propertyDependencies?.[p] ?? []).map((d) => d.urn));
    if (Object.keys(resource.propertyDependencies ?? {}).length === 0) {
        return (resource.dependencies ?? []).map((d) => d.urn);
    }
    return byProperty;
}

/** A DNS name as compared: lower case, no trailing dot. */
export function dnsName(value: unknown): string | undefined {
    const name = text(given(value));
    return name?.trim().toLowerCase().replace(/\.$/, "");
}

/**
 * What stands for each endpoint: its own URN and those of its stages and API custom domains (by the
 * graph), the Route 53 records that point at any of them, and the DNS names known for it.
 */
export interface EndpointIndex {
    /** The endpoint's URN for a URN that stands for it (itself, a stage, a custom domain, a record). */
    endpointOf(urn: string): string | undefined;
    /** Route 53 records pointing at the endpoint. */
    records(endpoint: { urn: string }): readonly PolicyResource[];
    /** DNS names of the endpoint: its own when known, its aliases, and the names of the records pointing at it. */
    names(endpoint: { urn: string }): ReadonlySet<string>;
    /** A record whose target is unknown during preview and not placed by the graph: it may point at any endpoint. */
    unplacedRecord?: unknown;
}

/** The DNS names an endpoint answers to by its own properties; unknown values are skipped. */
function ownNames(resource: PolicyResource): string[] {
    const read = (f: () => unknown[]) => {
        try {
            return f();
        } catch (error) {
            if (!isUnknownValueError(error)) {
                throw error;
            }
            return [];
        }
    };
    return [
        ...read(() => [resource.props.dnsName]),
        ...read(() => [resource.props.domainName]),
        ...read(() => list(resource.props.aliases)),
    ].map(dnsName).filter((n): n is string => !!n);
}

export function indexEndpoints(resources: readonly PolicyResource[], endpoints: readonly Endpoint[]): EndpointIndex {
    const owner = new Map<string, string>();
    endpoints.forEach((e) => owner.set(e.resource.urn, e.resource.urn));
    const ofType = (types: readonly string[]) => resources.filter((r) => types.includes(r.type));
    for (const stage of ofType(STAGES)) {
        const api = graphSources(stage, ["restApi", "apiId"]).find((u) => owner.has(u));
        if (api) {
            owner.set(stage.urn, owner.get(api)!);
        }
    }
    const domains = new Set(ofType(DOMAIN_NAMES).map((d) => d.urn));
    for (const mapping of ofType(MAPPINGS)) {
        const api = graphSources(mapping, ["restApi", "apiId"]).find((u) => owner.has(u) && !domains.has(u));
        const domain = graphSources(mapping, ["domainName"]).find((u) => domains.has(u));
        if (api && domain) {
            owner.set(domain, owner.get(api)!);
        }
    }
    const names = new Map<string, Set<string>>();
    const byName = new Map<string, string>();
    for (const e of endpoints) {
        const own = new Set(ownNames(e.resource));
        names.set(e.resource.urn, own);
        own.forEach((n) => byName.set(n, e.resource.urn));
    }
    const recordsOf = new Map<string, PolicyResource[]>();
    let unplacedRecord: unknown;
    for (const r of ofType([RECORD_TYPE])) {
        let target = graphSources(r, ["aliases", "records"]).map((u) => owner.get(u)).find((u) => u !== undefined);
        // Built from resources of the stack that are no endpoint (another record, an S3 website): the graph has answered.
        const placedElsewhere = ["aliases", "records"].some((p) => (r.propertyDependencies?.[p] ?? []).length > 0);
        if (target === undefined && !placedElsewhere) {
            try {
                const values = [...records(r.props.aliases).map((a) => a.name), ...list(r.props.records)].map(dnsName);
                target = values.map((v) => (v ? byName.get(v) : undefined)).find((u) => u !== undefined);
            } catch (error) {
                if (!isUnknownValueError(error)) {
                    throw error;
                }
                unplacedRecord ??= error;
            }
        }
        if (target !== undefined) {
            owner.set(r.urn, target);
            recordsOf.set(target, [...(recordsOf.get(target) ?? []), r]);
            try {
                const name = dnsName(r.props.name);
                if (name) {
                    names.get(target)?.add(name);
                }
            } catch (error) {
                if (!isUnknownValueError(error)) {
                    throw error;
                }
            }
        }
    }
    return {
        endpointOf: (urn) => owner.get(urn),
        records: (e) => recordsOf.get(e.urn) ?? [],
        names: (e) => names.get(e.urn) ?? new Set(),
        unplacedRecord,
    };
}

