import * as fs from "fs";
import * as path from "path";
import { packageRoot } from "../../paths";

/**
 * The shape of stand-ins.json, written by scripts/generate-stand-ins.ts from the typings of
 * @pulumi/aws and @pulumi/kubernetes and read here, so the CLI needs neither package at run time.
 *
 * A type is a terse string:
 *   `s` string, `n` number, `b` boolean, `*` any value,
 *   `T[]` a list of T, `T{}` a map from string to T,
 *   `@Name` the object type `Name` of the `types` table, `o` an object whose properties are not recorded.
 * An object type is a record from property name to type, the name ending in `?` when the property
 * is optional.
 */
export interface StandInData {
    /** The package versions the data was read from. */
    packages: Record<string, string>;
    /** Function token (`aws:ec2/getVpc:getVpc`) to the properties of its result. */
    functions: Record<string, Properties>;
    /** Named object types the function results refer to with `@Name`. */
    types: Record<string, Properties>;
    /** Resource type token to its output properties. */
    resources: Record<string, ResourceEntry>;
    /** A former or alternative type token to the token of the class that declares it as an alias. */
    aliases: Record<string, string>;
}

/** Property name (with `?` when optional) to encoded type. */
export type Properties = Record<string, string>;

/** A resource class's output properties (its `readonly x: pulumi.Output<T>` members), in two halves. */
export interface ResourceEntry {
    /** Outputs only the provider sets: `arn`, `endpoint`, `hostedZoneId`. */
    computed: Properties;
    /** Outputs that are also inputs of the resource's args. */
    settable: Properties;
    /** The settable output the engine fills with an autoname when the program leaves it unset. */
    autoname?: string;
}

export type TypeDesc =
    | { kind: "string" | "number" | "boolean" | "any" }
    | { kind: "array" | "map"; of: TypeDesc }
    | { kind: "object"; name?: string };

export interface Property {
    name: string;
    optional: boolean;
    type: TypeDesc;
}

const PRIMITIVES: Record<string, TypeDesc["kind"]> = { s: "string", n: "number", b: "boolean", "*": "any" };
const LETTERS: Record<string, string> = { string: "s", number: "n", boolean: "b", any: "*" };

export function formatType(type: TypeDesc): string {
    switch (type.kind) {
        case "array":
            return `${formatType(type.of)}[]`;
        case "map":
            return `${formatType(type.of)}{}`;
        case "object":
            return type.name === undefined ? "o" : `@${type.name}`;
        default:
            return LETTERS[type.kind];
    }
}

export function parseType(code: string): TypeDesc {
    if (code.endsWith("[]")) {
        return { kind: "array", of: parseType(code.slice(0, -2)) };
    }
    if (code.endsWith("{}")) {
        return { kind: "map", of: parseType(code.slice(0, -2)) };
    }
    if (code.startsWith("@")) {
        return { kind: "object", name: code.slice(1) };
    }
    if (code === "o") {
        return { kind: "object" };
    }
    const kind = PRIMITIVES[code];
    if (kind === undefined) {
        throw new Error(`not a stand-in type: ${JSON.stringify(code)}`);
    }
    return { kind } as TypeDesc;
}

export function formatProperties(properties: readonly Property[]): Properties {
    return Object.fromEntries(properties.map((p) => [p.optional ? `${p.name}?` : p.name, formatType(p.type)]));
}

export function parseProperties(encoded: Properties): Property[] {
    return Object.entries(encoded).map(([key, code]) => {
        const optional = key.endsWith("?");
        return { name: optional ? key.slice(0, -1) : key, optional, type: parseType(code) };
    });
}

export function isPrimitive(type: TypeDesc): boolean {
    return type.kind === "string" || type.kind === "number" || type.kind === "boolean";
}

/**
 * Writes the data one entry a line, so a regeneration after a provider upgrade reads as a diff of
 * the functions and resources that changed.
 */
export function serializeData(data: StandInData): string {
    const section = (record: Record<string, unknown>): string => {
        const lines = Object.keys(record)
            .sort()
            .map((key) => `${JSON.stringify(key)}:${JSON.stringify(record[key])}`);
        return lines.length === 0 ? "{}" : `{\n${lines.join(",\n")}\n}`;
    };
    const sections = (Object.keys(data) as (keyof StandInData)[]).map((key) => `${JSON.stringify(key)}:${section(data[key])}`);
    return `{\n${sections.join(",\n")}\n}\n`;
}

/** Where the generated data lives, found from the package root whether this runs from dist or source. */
export function dataFile(): string {
    return path.join(packageRoot(), "src", "program", "stand-ins", "stand-ins.json");
}

let loaded: StandInData | undefined;

/** Reads the generated data on first use, so importing this module costs nothing. */
export function standInData(): StandInData {
    loaded ??= JSON.parse(fs.readFileSync(dataFile(), "utf8")) as StandInData;
    return loaded;
}
