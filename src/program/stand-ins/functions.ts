import { refinements } from "./refinements";
import { hex, kebab, lowerFirst, singular, stableJson, StandInContext } from "./naming";
import { parseProperties, Property, standInData, TypeDesc } from "./schema";
import { stringFor, Subject, subjectArn, subjectId } from "./shapes";

/**
 * Answers to provider functions, made from the result type the generator recorded: every required
 * property, and every optional one of a simple type, gets a value of its declared type. An argument
 * of the same name and type is echoed (`getVpc({id})` answers that id); other strings take a shape
 * chosen by their name (see shapes.ts); numbers are 1, booleans false, maps empty, lists of strings
 * hold two or three values and lists of objects one.
 */

/** Deeper than this, or back at a type already being filled, lists and optional objects are left empty. */
const MAX_DEPTH = 6;

/** The noun a function names: `aws:ec2/getSubnets:getSubnets` → `subnet`. */
function functionNoun(token: string): string {
    const name = token.split(":").pop() ?? "";
    return singular(lowerFirst(name.replace(/^get/, ""))) || "result";
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
    return value !== null && typeof value === "object" && !Array.isArray(value);
}

/** True when `value` is of `type`, so an argument can stand for the result property of the same name. */
function conforms(value: unknown, type: TypeDesc): boolean {
    switch (type.kind) {
        case "any":
            return value !== undefined && value !== null;
        case "string":
        case "number":
        case "boolean":
            return typeof value === type.kind;
        case "array":
            return Array.isArray(value) && value.every((v) => conforms(v, type.of));
        case "map":
            return isPlainObject(value) && Object.values(value).every((v) => conforms(v, type.of));
        case "object": {
            if (!isPlainObject(value)) {
                return false;
            }
            const properties = type.name === undefined ? [] : objectProperties(type.name);
            return properties.every((p) => (value[p.name] === undefined ? p.optional : conforms(value[p.name], p.type)));
        }
    }
}

const propertyCache = new Map<string, Property[]>();

function objectProperties(name: string): Property[] {
    let properties = propertyCache.get(name);
    if (!properties) {
        const encoded = standInData().types[name];
        if (!encoded) {
            throw new Error(`stand-in data names an unknown type ${name}`);
        }
        properties = parseProperties(encoded);
        propertyCache.set(name, properties);
    }
    return properties;
}

class Filler {
    constructor(private readonly subject: Subject) {}

    /** Values for the properties of an object; `top` for the result itself. */
    object(properties: readonly Property[], path: string, top: boolean, depth: number, open: ReadonlySet<string>): Record<string, unknown> {
        const result: Record<string, unknown> = {};
        for (const property of properties) {
            if (property.optional && !this.simple(property.type)) {
                continue;
            }
            const value = this.value(property.name, property.type, `${path}.${property.name}`, top, depth, open, 0);
            if (value !== undefined) {
                result[property.name] = value;
            }
        }
        return result;
    }

    private simple(type: TypeDesc): boolean {
        return type.kind === "string" || type.kind === "number" || type.kind === "boolean" || (type.kind === "array" && this.simple(type.of));
    }

    private value(name: string, type: TypeDesc, path: string, top: boolean, depth: number, open: ReadonlySet<string>, index: number): unknown {
        switch (type.kind) {
            case "string":
                return stringFor(name, this.subject, path, top, index);
            case "number":
                return 1;
            case "boolean":
                return false;
            case "any":
            case "map":
                return {};
            case "array": {
                const element = singular(name);
                if (type.of.kind === "any") {
                    // Nothing says what a list of anything holds (the objects a Helm chart renders): none.
                    return [];
                }
                if (type.of.kind === "object") {
                    const item = this.value(element, type.of, `${path}[0]`, top, depth + 1, open, 0);
                    return item === undefined ? [] : [item];
                }
                if (type.of.kind === "array" || type.of.kind === "map") {
                    return [];
                }
                // Lists of ids and names hold three, like the subnets of three zones; other lists two.
                const count = /(Id|Name|Arn|^id|^name|^arn|Zone|^zone)$/.test(element) ? 3 : 2;
                return Array.from({ length: count }, (_, i) => this.value(element, type.of, `${path}[${i}]`, top, depth + 1, open, i));
            }
            case "object": {
                if (type.name === undefined || depth >= MAX_DEPTH || open.has(type.name)) {
                    return undefined;
                }
                return this.object(objectProperties(type.name), path, false, depth + 1, new Set([...open, type.name]));
            }
        }
    }
}

/** The tokens of every function with a stand-in, sorted. */
export function functionTokens(): string[] {
    return Object.keys(standInData().functions).sort();
}

/**
 * A stand-in for the result of the provider function `token` called with `args`, or undefined when
 * neither @pulumi/aws nor @pulumi/kubernetes declares that function. Resource `get`s are not functions.
 */
export function functionStandIn(token: string, args: Record<string, any>, context: StandInContext): Record<string, unknown> | undefined {
    const encoded = standInData().functions[token];
    if (!encoded) {
        return undefined;
    }
    const properties = parseProperties(encoded);
    const module = token.split(":")[1]?.split("/")[0] ?? "";
    const noun = functionNoun(token);
    const seed = `${token}|${stableJson(args ?? {})}`;
    const region = typeof args?.region === "string" ? args.region : context.region;
    const given = (...names: string[]) => names.map((n) => args?.[n]).find((v): v is string => typeof v === "string" && v !== "");
    const id = given("id", `${noun}Id`) ?? subjectId(module, noun, region, seed);
    const name = given("name", `${noun}Name`) ?? `${kebab(noun)}-${hex(`${seed}|name`, 7)}`;
    const regional = { ...context, region };
    const subject: Subject = { module, noun, seed, id, name, region, context: regional, arn: subjectArn(module, noun, id, name, regional) };
    const filled = new Filler(subject).object(properties, "", true, 0, new Set());
    // An argument of the same name and type is what the provider reports back.
    for (const property of properties) {
        const arg = args?.[property.name];
        if (arg !== undefined && arg !== null && conforms(arg, property.type)) {
            filled[property.name] = arg;
        }
    }
    const refined = { ...filled, ...refinements[token]?.(args ?? {}, subject) };
    return Object.fromEntries(Object.entries(refined).filter(([, v]) => v !== undefined));
}
