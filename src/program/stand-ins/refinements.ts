import { Subject } from "./shapes";

/**
 * Functions whose answer the program reads for more than its shape: a policy document the pack
 * judges, the region and account a program builds names from. Each refinement overrides properties
 * of the generic stand-in; a property it sets to undefined is left out.
 */
export type Refinement = (args: Record<string, any>, subject: Subject) => Record<string, unknown>;

type Statement = Record<string, unknown>;

/** One value stays a string and several a list, as the provider writes them. */
function oneOrMany(values: unknown): unknown {
    const list = Array.isArray(values) ? values : [values];
    return list.length === 1 ? list[0] : list;
}

function principals(list: Array<{ type?: string; identifiers?: string[] }>): unknown {
    if (list.length === 1 && list[0].type === "*") {
        return "*";
    }
    const byType: Record<string, string[]> = {};
    for (const p of list) {
        byType[p.type ?? "AWS"] = [...(byType[p.type ?? "AWS"] ?? []), ...(p.identifiers ?? [])];
    }
    return Object.fromEntries(Object.entries(byType).map(([type, ids]) => [type, oneOrMany(ids)]));
}

function conditions(list: Array<{ test?: string; variable?: string; values?: string[] }>): Record<string, Record<string, unknown>> {
    const result: Record<string, Record<string, unknown>> = {};
    for (const c of list) {
        result[c.test ?? ""] = { ...result[c.test ?? ""], [c.variable ?? ""]: oneOrMany(c.values ?? []) };
    }
    return result;
}

/** A statement of `aws.iam.getPolicyDocument` in the IAM JSON grammar. */
function statement(s: Record<string, any>): Statement {
    const out: Statement = {};
    const set = (key: string, value: unknown) => {
        if (value !== undefined && !(Array.isArray(value) && value.length === 0)) {
            out[key] = value;
        }
    };
    set("Sid", s.sid || undefined);
    out.Effect = s.effect ?? "Allow";
    set("Action", s.actions?.length ? oneOrMany(s.actions) : undefined);
    set("NotAction", s.notActions?.length ? oneOrMany(s.notActions) : undefined);
    set("Resource", s.resources?.length ? oneOrMany(s.resources) : undefined);
    set("NotResource", s.notResources?.length ? oneOrMany(s.notResources) : undefined);
    set("Principal", s.principals?.length ? principals(s.principals) : undefined);
    set("NotPrincipal", s.notPrincipals?.length ? principals(s.notPrincipals) : undefined);
    set("Condition", s.conditions?.length ? conditions(s.conditions) : undefined);
    return out;
}

function documentStatements(json: unknown): Statement[] {
    try {
        const parsed = JSON.parse(String(json));
        return Array.isArray(parsed?.Statement) ? parsed.Statement : parsed?.Statement ? [parsed.Statement] : [];
    } catch {
        return [];
    }
}

/** Adds statements, a statement with the Sid of an earlier one taking its place, as the provider merges them. */
function merge(base: Statement[], overrides: Statement[]): Statement[] {
    const result = [...base];
    for (const s of overrides) {
        const at = s.Sid ? result.findIndex((r) => r.Sid === s.Sid) : -1;
        if (at >= 0) {
            result[at] = s;
        } else {
            result.push(s);
        }
    }
    return result;
}

function policyDocument(args: Record<string, any>): Record<string, unknown> {
    const sources = [args.sourceJson, ...(args.sourcePolicyDocuments ?? [])].filter(Boolean).flatMap(documentStatements);
    const overrides = [args.overrideJson, ...(args.overridePolicyDocuments ?? [])].filter(Boolean).flatMap(documentStatements);
    const own = (args.statements ?? []).map(statement);
    const version = args.version ?? "2012-10-17";
    const document = {
        Version: version,
        ...(args.policyId ? { Id: args.policyId } : {}),
        Statement: merge(merge(sources, own), overrides),
    };
    // The inputs the provider reports back are the arguments as given, absent when not given.
    const echoed = ["policyId", "sourceJson", "overrideJson", "sourcePolicyDocuments", "overridePolicyDocuments"];
    return {
        ...Object.fromEntries(echoed.map((name) => [name, args[name]])),
        json: JSON.stringify(document, null, 2),
        minifiedJson: JSON.stringify(document),
        version,
    };
}

/** `arn:partition:service:region:account:resource`, the resource keeping any colons of its own. */
function parseArn(text: unknown): Record<string, string> | undefined {
    const parts = typeof text === "string" ? text.split(":") : [];
    if (parts.length < 6 || parts[0] !== "arn") {
        return undefined;
    }
    const [, partition, service, region, accountId] = parts;
    return { partition, service, region, accountId, resource: parts.slice(5).join(":") };
}

export const refinements: Record<string, Refinement> = {
    // Pure functions of their arguments: answered as the provider computes them.
    "aws:index/arnBuild:arnBuild": (args) => ({
        result: `arn:${args.partition}:${args.service}:${args.region ?? ""}:${args.accountId ?? ""}:${args.resource}`,
    }),
    "aws:index/arnParse:arnParse": (args) => parseArn(args.arn) ?? {},
    "aws:index/trimIamRolePath:trimIamRolePath": (args) => {
        const arn = parseArn(args.arn);
        const role = arn?.resource.startsWith("role/") ? arn.resource.split("/").pop() : undefined;
        return arn && role ? { result: `arn:${arn.partition}:${arn.service}:${arn.region}:${arn.accountId}:role/${role}` } : {};
    },
    "aws:iam/getPolicyDocument:getPolicyDocument": (args) => policyDocument(args),
    "aws:index/getRegion:getRegion": (_, { region }) => ({
        id: region,
        name: region,
        region,
        endpoint: `ec2.${region}.amazonaws.com`,
        description: region,
    }),
    "aws:index/getAvailabilityZones:getAvailabilityZones": (_, { region }) => ({ id: region, groupNames: [region] }),
    "aws:index/getCallerIdentity:getCallerIdentity": (_, { context }) => ({
        id: context.accountId,
        accountId: context.accountId,
        arn: `arn:aws:iam::${context.accountId}:user/preview`,
        userId: "AIDAPREVIEWSTANDIN",
    }),
    "aws:index/getPartition:getPartition": () => ({ id: "aws", partition: "aws", dnsSuffix: "amazonaws.com", reverseDnsPrefix: "com.amazonaws" }),
};
