import { arn, arnService } from "./arn";
import { hex, kebab, StandInContext, words } from "./naming";

/**
 * Plausible string values chosen by property name: an `arn` looks like an ARN, a `vpcId` like a VPC
 * id, a `cidrBlock` like a CIDR block, so a program that parses or joins them keeps working. Every
 * value is drawn from a seed, never from a clock or a random source.
 */

/** What a function result or resource describes: the values its own `id`, `name` and `arn` take. */
export interface Subject {
    /** The token's module (`ec2`, `index`, `route53`). */
    module: string;
    /** The thing described, camelCase (`vpc`, `availabilityZone`, `bucket`). */
    noun: string;
    /** Seed for every made-up value: the token with the arguments, or the type with the logical name. */
    seed: string;
    id: string;
    name: string;
    arn: string;
    /** The region the subject lives in (an argument's `region`, else the context's). */
    region: string;
    context: StandInContext;
}

/** Prefixes of EC2-style ids (`vpc-0a1b…`), by the noun a property or function names. */
const ID_PREFIXES: Record<string, string> = {
    vpc: "vpc",
    subnet: "subnet",
    securityGroup: "sg",
    routeTable: "rtb",
    internetGateway: "igw",
    egressOnlyInternetGateway: "eigw",
    natGateway: "nat",
    networkInterface: "eni",
    networkAcl: "acl",
    ami: "ami",
    image: "ami",
    instance: "i",
    volume: "vol",
    snapshot: "snap",
    keyPair: "key",
    vpcEndpoint: "vpce",
    transitGateway: "tgw",
    dhcpOptions: "dopt",
    prefixList: "pl",
    launchTemplate: "lt",
    eip: "eipalloc",
    allocation: "eipalloc",
    vpcPeeringConnection: "pcx",
    customerGateway: "cgw",
    vpnGateway: "vgw",
    vpnConnection: "vpn",
    capacityReservation: "cr",
    placementGroup: "pg",
    fileSystem: "fs",
};

const FIXED_TIME = "2024-01-01T00:00:00Z";
const JSON_NAMES = new Set(["json", "policy", "secretString", "assumeRolePolicy", "policyDocument"]);
const HOST_WORDS = new Set(["dns", "endpoint", "hostname", "domain", "host"]);
/** `nameServers` of a hosted zone, shaped like Route 53's. */
const NAME_SERVER = /^(primary)?nameServers?$/i;
const TIME_WORDS = new Set(["date", "time", "timestamp"]);
const TIME_LAST_WORDS = new Set(["at", "created", "modified", "updated"]);

/** `vpc` or `mainRouteTable` (→ `routeTable`) to its id prefix, dropping leading words until one is known. */
function idPrefix(kind: string): string | undefined {
    const parts = words(kind);
    for (let i = 0; i < parts.length; i++) {
        const rest = parts.slice(i).map((w, j) => (j === 0 ? w : w.charAt(0).toUpperCase() + w.slice(1))).join("");
        if (rest in ID_PREFIXES) {
            return ID_PREFIXES[rest];
        }
    }
    return undefined;
}

/** `us-east-1` → `use1`, the prefix of its availability zone ids. */
function regionCode(region: string): string {
    const [area, ...rest] = region.split("-");
    const digit = rest.pop() ?? "";
    const directions = rest.flatMap((part) => part.match(/north|south|east|west|central|gov|[a-z]+/g) ?? []);
    return `${area}${directions.map((d) => d.charAt(0)).join("")}${digit}`;
}

function uuid(seed: string): string {
    const h = hex(seed, 32);
    return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

/** EC2 names its own things by id (`vpc-0a1b…`); elsewhere an `instance` is an RDS or other instance. */
export function ownPrefix(module: string, noun: string): string | undefined {
    return module === "ec2" ? idPrefix(noun) : undefined;
}

/** True for ids that name the subject itself (a function's `id`, `imageId` of `getAmi`). */
function isOwnId(kind: string, subject: Subject): boolean {
    const own = ownPrefix(subject.module, subject.noun);
    return kind === "" || kind === subject.noun || (own !== undefined && idPrefix(kind) === own);
}

/** An id for a thing of `kind`, shaped like the service's ids where the shape is known. */
export function idFor(kind: string, module: string, region: string, seed: string, index = 0): string {
    const parts = words(kind);
    const last = parts[parts.length - 1] ?? "";
    if (last === "zone" && parts.includes("availability")) {
        return `${regionCode(region)}-az${index + 1}`;
    }
    if (last === "zone") {
        // Route 53 hosted zones (`Z0123…`); elsewhere a zone is an availability zone.
        return module === "route53" || parts.includes("hosted") ? `Z${hex(seed, 20).toUpperCase()}` : `${regionCode(region)}-az${index + 1}`;
    }
    if (parts.includes("kms") || (last === "key" && module === "kms")) {
        return uuid(seed);
    }
    const prefix = idPrefix(kind);
    if (prefix) {
        return `${prefix}-0${hex(seed, 16)}`;
    }
    return `${kind ? kebab(kind) : "id"}-0${hex(seed, 16)}`;
}

/** The subject's own id when none is given: shaped by its noun. */
export function subjectId(module: string, noun: string, region: string, seed: string): string {
    const prefix = ownPrefix(module, noun);
    return prefix ? `${prefix}-0${hex(`${seed}|id`, 16)}` : idFor(idPrefix(noun) ? "" : noun, module, region, `${seed}|id`);
}

/** The ARN of the subject, named by its id where AWS does so (EC2, Route 53, KMS), else by its name. */
export function subjectArn(module: string, noun: string, id: string, name: string, context: StandInContext, iamPath?: string): string {
    const service = arnService(module, noun);
    const byId = ownPrefix(module, noun) !== undefined || service === "route53" || service === "kms";
    return arn(service, noun, byId ? id : name, context, iamPath);
}

function availabilityZone(region: string, index: number): string {
    return `${region}${"abcdef".charAt(index % 6)}`;
}

/**
 * The value of a string property, by its name. `top` is true for the subject's own properties, where
 * `id`, `name` and `arn` are the subject's; `index` is the position in a list.
 */
export function stringFor(property: string, subject: Subject, path: string, top: boolean, index = 0): string {
    const parts = words(property);
    const last = parts[parts.length - 1] ?? "";
    const kind = property.slice(0, property.length - last.length);
    const seed = `${subject.seed}|${path}|${index}`;
    const { context, region } = subject;
    if (last === "region") {
        return region;
    }
    if (property === "path") {
        return "/";
    }
    if (JSON_NAMES.has(property) || last === "json") {
        return "{}";
    }
    if (last === "arn") {
        if (top && isOwnId(kind, subject) && index === 0) {
            return subject.arn;
        }
        const noun = kind || subject.noun;
        return arn(arnService(subject.module, noun), noun, `${kebab(noun)}-${hex(seed, 7)}`, context);
    }
    if (last === "id" && (parts[0] === "account" || parts[0] === "owner" || parts.at(-2) === "account")) {
        return context.accountId;
    }
    if (last === "id") {
        if (top && isOwnId(kind, subject) && index === 0) {
            return subject.id;
        }
        return idFor(kind || subject.noun, subject.module, region, seed, index);
    }
    if (parts.includes("cidr")) {
        return parts.includes("ipv6") ? `2600:1f18:${hex(seed, 4)}:${hex(`${seed}|2`, 2)}00::/56` : `10.${parseInt(hex(seed, 2), 16) % 250}.0.0/16`;
    }
    if (last === "ip" || (last === "address" && parts.includes("ip"))) {
        const octet = (parseInt(hex(seed, 2), 16) % 250) + 1;
        if (parts.includes("ipv6")) {
            return `2600:1f18:${hex(seed, 4)}::${octet}`;
        }
        return parts.includes("public") ? `203.0.113.${octet}` : `10.0.${index}.${octet}`;
    }
    if (NAME_SERVER.test(property)) {
        return `ns-${parseInt(hex(seed, 3), 16) % 2048}.awsdns-${String(parseInt(hex(`${seed}|2`, 2), 16) % 64).padStart(2, "0")}.com`;
    }
    if (parts.some((w) => HOST_WORDS.has(w)) || property === "address") {
        const label = top ? subject.name : `${kebab(kind || subject.noun)}-${hex(seed, 7)}`;
        return `${label}.${arnService(subject.module, subject.noun)}.${region}.amazonaws.com`;
    }
    if (last === "url" || last === "uri") {
        return `https://${hex(seed, 10)}.${arnService(subject.module, subject.noun)}.${region}.amazonaws.com/`;
    }
    if (parts.some((w) => TIME_WORDS.has(w)) || TIME_LAST_WORDS.has(last)) {
        return FIXED_TIME;
    }
    if ((last === "zone" || last === "zones") && parts.includes("availability")) {
        return availabilityZone(region, index);
    }
    if (last === "name") {
        if (subject.noun === "availabilityZone" && top) {
            return availabilityZone(region, index);
        }
        if (top && (kind === "" || kind === subject.noun) && index === 0) {
            return subject.name;
        }
        return `${kebab(kind || subject.noun)}-${hex(seed, 7)}`;
    }
    return `${kebab(property)}-${hex(seed, 7)}`;
}
