import * as fs from "fs";
import * as path from "path";
import { isMap, isScalar, LineCounter, Node, parseDocument } from "yaml";
import type { ConfigDecl, ConfigType, ResourceDecl, Template } from "./declarations";
import { Expr, Reader, YamlProgramError } from "./expressions";
import { order } from "./ordering";
import { closestType, declaredType } from "./types";

/**
 * The static half of the Pulumi YAML interpreter: reads a template (Main.json, Main.yaml or
 * Pulumi.yaml, as the YAML language host looks for them), parses every value into an expression,
 * rejects what the language host rejects before running (unknown resource fields and options,
 * malformed builtins, references to nothing, cycles) and orders the declarations by dependency.
 * No Pulumi SDK here: the preview runs it before starting the program, to fail fast.
 */

/** The fields of a resource the language host knows (`condition` and `metadata` it accepts and ignores). */
const RESOURCE_KEYS = ["type", "name", "defaultProvider", "properties", "options", "get", "condition", "metadata"];
/** Every resource option of the language reference. */
export const RESOURCE_OPTIONS = [
    "additionalSecretOutputs", "aliases", "customTimeouts", "deleteBeforeReplace", "dependsOn", "ignoreChanges", "import",
    "parent", "protect", "provider", "providers", "version", "pluginDownloadURL", "replaceOnChanges", "retainOnDelete",
    "replaceWith", "deletedWith", "hideDiffs", "replacementTrigger", "envVarMappings",
];
/** Fields of a typed config declaration (`configuration:`, and the project's `config:`). */
const CONFIG_KEYS = ["type", "name", "secret", "default", "value", "items", "description"];

/** Canonical type tokens for the short forms the language host resolves through the schema. */
export function canonicalToken(token: string): string {
    const parts = token.split(":");
    if (parts[0] === "pulumi" || parts.length < 2 || parts.length > 3) {
        return token;
    }
    const lowerFirst = (s: string) => s.charAt(0).toLowerCase() + s.slice(1);
    if (parts.length === 2) {
        return `${parts[0]}:index/${lowerFirst(parts[1])}:${parts[1]}`;
    }
    const [pkg, mod, member] = parts;
    // Kubernetes modules are `group/version` already; `aws:s3:Bucket` is `aws:s3/bucket:Bucket`.
    return mod.includes("/") ? token : `${pkg}:${mod}/${lowerFirst(member)}:${member}`;
}

/** The file the YAML language host runs: Main.json, Main.yaml, then Pulumi.yaml, in `main` when set. */
export function templateFile(projectDir: string, main?: string): string {
    const dir = main ? path.resolve(projectDir, main) : projectDir;
    const found = ["Main.json", "Main.yaml", "Pulumi.yaml"].map((f) => path.join(dir, f)).find((f) => fs.existsSync(f));
    return found ?? path.join(dir, "Pulumi.yaml");
}

export function displayPath(file: string, cwd = process.cwd()): string {
    const relative = path.relative(cwd, file);
    return relative && !relative.startsWith("..") && !path.isAbsolute(relative) ? relative : file;
}
function parseConfigType(reader: Reader, node: Node | null, text: unknown): ConfigType {
    const t = typeof text === "string" ? text.trim().toLowerCase() : "";
    const list = /^list<(.+)>$/.exec(t);
    if (list) {
        return { list: parseConfigType(reader, node, list[1]) };
    }
    const simple: Record<string, ConfigType> = {
        string: "string", number: "number", int: "integer", integer: "integer", bool: "boolean", boolean: "boolean", object: "object",
    };
    if (t in simple) {
        return simple[t];
    }
    reader.fail(node, `unexpected configuration type '${String(text)}': valid types are string, number, integer, boolean, object, list<T>`);
}

function configDecls(reader: Reader, node: Node | null, section: string): ConfigDecl[] {
    return reader.entries(node, section).map(({ key, keyNode, value }) => {
        const line = reader.line(keyNode);
        if (!value || !isMap(value)) {
            // A bare value is the default of a config value of that value's type.
            return { key, configName: key, default: reader.expr(value), secret: false, line };
        }
        const decl: ConfigDecl = { key, configName: key, secret: false, line };
        for (const field of reader.entries(value, `${section}.${key}`)) {
            const name = CONFIG_KEYS.find((k) => k === field.key.toLowerCase());
            if (!name) {
                reader.fail(field.keyNode, `${field.key} does not exist on ${section}.${key} (its fields are ${CONFIG_KEYS.join(", ")})`);
            }
            const scalar = isScalar(field.value) ? field.value.value : undefined;
            if (name === "type") {
                // The project's `config:` says `array` with `items:`; the language's `configuration:` says `List<T>`.
                decl.type = scalar === "array" ? { list: itemType(reader, value, section, key) } : parseConfigType(reader, field.value, scalar);
            } else if (name === "name") {
                if (typeof scalar !== "string") {
                    reader.fail(field.value, `${section}.${key}.name must be a string`);
                }
                decl.configName = scalar;
            } else if (name === "secret") {
                if (typeof scalar !== "boolean") {
                    reader.fail(field.value, `${section}.${key}.secret must be true or false`);
                }
                decl.secret = scalar;
            } else if (name === "default" || name === "value") {
                decl.default = reader.expr(field.value);
            }
        }
        if (decl.type === undefined && decl.default === undefined) {
            reader.fail(keyNode, `${section}.${key}: unable to infer type: either 'default' or 'type' is required`);
        }
        return decl;
    });
}

function itemType(reader: Reader, decl: Node, section: string, key: string): ConfigType {
    const items = reader.entries(decl, `${section}.${key}`).find((e) => e.key.toLowerCase() === "items")?.value;
    const type = reader.entries(items, `${section}.${key}.items`).find((e) => e.key.toLowerCase() === "type")?.value;
    if (!type) {
        reader.fail(decl, `${section}.${key}: an array needs items.type`);
    }
    const text = isScalar(type) ? type.value : undefined;
    return text === "array" ? { list: itemType(reader, items as Node, section, `${key}.items`) } : parseConfigType(reader, type, text);
}

function resourceDecl(reader: Reader, key: string, keyNode: Node, node: Node | null): ResourceDecl {
    const { line, col } = reader.position(keyNode);
    if (!node || !isMap(node)) {
        reader.fail(node ?? keyNode, `resources.${key} must be an object`);
    }
    const decl: ResourceDecl = { key, type: "", name: key, properties: [], options: {}, defaultProvider: false, line, column: col };
    let get: Node | null | undefined;
    let typeNode: Node | null | undefined;
    for (const field of reader.entries(node, `resources.${key}`)) {
        const name = RESOURCE_KEYS.find((k) => k.toLowerCase() === field.key.toLowerCase());
        if (!name) {
            const option = RESOURCE_OPTIONS.find((o) => o.toLowerCase() === field.key.toLowerCase());
            reader.fail(field.keyNode, `resource '${key}' has no field '${field.key}'` +
                (option ? ` (${option} is a resource option: put it under options)` : ` (its fields are ${RESOURCE_KEYS.slice(0, 6).join(", ")})`));
        }
        const scalar = isScalar(field.value) ? field.value.value : undefined;
        if (name === "type") {
            if (typeof scalar !== "string" || scalar === "") {
                reader.fail(field.value ?? field.keyNode, `resources.${key}.type must be a string`);
            }
            decl.type = scalar;
            typeNode = field.value;
        } else if (name === "name") {
            if (typeof scalar !== "string" || scalar === "") {
                reader.fail(field.value ?? field.keyNode, `resources.${key}.name must be a string`);
            }
            decl.name = scalar;
        } else if (name === "properties") {
            decl.properties = reader.entries(field.value, `resources.${key}.properties`).map((e) => ({ key: e.key, value: reader.expr(e.value) }));
        } else if (name === "options") {
            for (const option of reader.entries(field.value, `resources.${key}.options`)) {
                const known = RESOURCE_OPTIONS.find((o) => o.toLowerCase() === option.key.toLowerCase());
                if (!known) {
                    reader.fail(option.keyNode, `${option.key} does not exist on resource options of '${key}' (they are ${RESOURCE_OPTIONS.join(", ")})`);
                }
                decl.options[known] = reader.expr(option.value);
            }
        } else if (name === "get") {
            get = field.value;
        } else if (name === "defaultProvider") {
            if (typeof scalar !== "boolean") {
                reader.fail(field.value ?? field.keyNode, `resources.${key}.defaultProvider must be true or false`);
            }
            decl.defaultProvider = scalar;
        }
    }
    if (!decl.type) {
        reader.fail(keyNode, `resource '${key}' has no type`);
    }
    if (declaredType(canonicalToken(decl.type)) === false) {
        const closest = closestType(canonicalToken(decl.type));
        reader.fail(typeNode ?? keyNode, `resource '${key}' has type ${decl.type}, which the ${decl.type.split(":")[0]} package does not declare` +
            (closest ? ` (did you mean ${closest}?)` : ""));
    }
    if (decl.defaultProvider && !decl.type.startsWith("pulumi:providers:")) {
        reader.fail(keyNode, `resource '${key}': defaultProvider is only for provider resources (pulumi:providers:<package>)`);
    }
    if (get !== undefined) {
        if (decl.properties.length > 0) {
            reader.fail(keyNode, `resource '${key}': fields properties and get are mutually exclusive`);
        }
        let id: Expr | undefined;
        let state: Array<{ key: string; value: Expr }> = [];
        for (const field of reader.entries(get, `resources.${key}.get`)) {
            if (field.key.toLowerCase() === "id") {
                id = reader.expr(field.value);
            } else if (field.key.toLowerCase() === "state") {
                state = reader.entries(field.value, `resources.${key}.get.state`).map((e) => ({ key: e.key, value: reader.expr(e.value) }));
            } else {
                reader.fail(field.keyNode, `${field.key} does not exist on get of '${key}' (its fields are id, state)`);
            }
        }
        if (!id) {
            reader.fail(get, `resources.${key}.get needs an id`);
        }
        decl.get = { id, state };
    }
    return decl;
}
/** Reads, checks and orders the template of a YAML program. */
export function loadTemplate(projectDir: string, main?: string, cwd = process.cwd()): Template {
    const file = templateFile(projectDir, main);
    const displayFile = displayPath(file, cwd);
    let text: string;
    try {
        text = fs.readFileSync(file, "utf8");
    } catch (err) {
        throw new YamlProgramError(displayFile, 1, `cannot read the program: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`);
    }
    const lines = new LineCounter();
    const document = parseDocument(text, { lineCounter: lines, uniqueKeys: true });
    if (document.errors.length > 0) {
        const first = document.errors[0];
        const line = first.linePos?.[0]?.line ?? 1;
        throw new YamlProgramError(displayFile, line, `not valid YAML: ${first.message.split("\n")[0].replace(/ at line \d+, column \d+:?$/, "")}`);
    }
    const reader = new Reader(displayFile, lines);
    const root = document.contents as Node | null;
    const sections = new Map(reader.entries(root, "the template").map((e) => [e.key, e]));
    const template = {
        file,
        displayFile,
        config: [
            ...configDecls(reader, sections.get("configuration")?.value ?? null, "configuration"),
            // The project's own config block declares values the program reads by name.
            ...configDecls(reader, sections.get("config")?.value ?? null, "config").filter((c) => !c.key.includes(":")),
        ],
        variables: reader.entries(sections.get("variables")?.value ?? null, "variables").map((e) => ({ key: e.key, value: reader.expr(e.value), line: reader.line(e.keyNode) })),
        resources: reader.entries(sections.get("resources")?.value ?? null, "resources").map((e) => resourceDecl(reader, e.key, e.keyNode, e.value)),
        outputs: reader.entries(sections.get("outputs")?.value ?? null, "outputs").map((e) => ({ key: e.key, value: reader.expr(e.value), line: reader.line(e.keyNode) })),
    };
    // `configuration:` wins over the project's `config:` for the same key, as the language host registers it first.
    const seen = new Set<string>();
    template.config = template.config.filter((c) => (seen.has(c.key) ? false : (seen.add(c.key), true)));
    return { ...template, order: order(template) };
}
