import * as fs from "fs";
import * as path from "path";
import { isMap, isScalar, isSeq, LineCounter, Node, parseDocument } from "yaml";
import { closestType, declaredType } from "./types";

/**
 * The static half of the Pulumi YAML interpreter: reads a template (Main.json, Main.yaml or
 * Pulumi.yaml, as the YAML language host looks for them), parses every value into an expression,
 * rejects what the language host rejects before running (unknown resource fields and options,
 * malformed builtins, references to nothing, cycles) and orders the declarations by dependency.
 * No Pulumi SDK here: the preview runs it before starting the program, to fail fast.
 */

/** A problem in the template, named by file and line. */
export class YamlProgramError extends Error {
    constructor(readonly file: string, readonly line: number, readonly detail: string) {
        super(`${file}:${line}: ${detail}`);
        this.name = "YamlProgramError";
    }
}

/** One step of a property access: a property name or a list index. */
export type Accessor = string | number;

/** `${root.a[0]["b"]}`: the root names a resource, variable, config value or `pulumi`. */
export interface PropertyAccess {
    root: string;
    accessors: Accessor[];
}

export type Expr =
    | { kind: "literal"; value: null | boolean | number | string; line: number }
    | { kind: "interpolate"; parts: Array<{ text: string; access?: PropertyAccess }>; line: number }
    | { kind: "symbol"; access: PropertyAccess; line: number }
    | { kind: "list"; items: Expr[]; line: number }
    | { kind: "object"; entries: Array<{ key: string; value: Expr }>; line: number }
    | { kind: "call"; fn: BuiltinName; arg: Expr; line: number }
    | { kind: "invoke"; token: string; args?: Expr; options: Record<string, Expr>; ret?: string; line: number };

/** The builtin functions, by the spelling the language reference uses. */
export const BUILTINS = [
    "fn::join", "fn::split", "fn::select", "fn::toJSON", "fn::toBase64", "fn::fromBase64", "fn::secret", "fn::unsecret",
    "fn::readFile", "fn::length", "fn::sha1", "fn::fileBase64", "fn::fileBase64Sha256", "fn::singleOrNone",
    "fn::stringAsset", "fn::fileAsset", "fn::remoteAsset", "fn::fileArchive", "fn::remoteArchive", "fn::assetArchive",
    "fn::stackReference",
] as const;
export type BuiltinName = (typeof BUILTINS)[number];

const BUILTIN_BY_LOWER = new Map<string, BuiltinName>(BUILTINS.map((b) => [b.toLowerCase(), b]));
/** `fn::aws:getRegion`, `fn::aws:ec2:getAmi`: the short form of fn::invoke. */
const INVOKE_SHORTHAND = /^fn::[^:]+:[^:]+(:[^:]+)?$/;
const INVOKE_KEYS = ["function", "arguments", "options", "return"];
const INVOKE_OPTION_KEYS = ["dependsOn", "parent", "provider", "version", "pluginDownloadURL"];

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

export type ConfigType = "string" | "number" | "integer" | "boolean" | "object" | { list: ConfigType };

export interface ConfigDecl {
    key: string;
    /** The config key read, when `name:` renames it. */
    configName: string;
    type?: ConfigType;
    default?: Expr;
    secret: boolean;
    line: number;
}

export interface ResourceDecl {
    key: string;
    type: string;
    /** The logical name: `name:` when given, else the key. */
    name: string;
    properties: Array<{ key: string; value: Expr }>;
    options: Record<string, Expr>;
    get?: { id: Expr; state: Array<{ key: string; value: Expr }> };
    /** A provider that serves every resource of its package without a `provider` option. */
    defaultProvider: boolean;
    line: number;
    column: number;
}

export type DeclKind = "config" | "variable" | "resource";
export interface OrderedDecl {
    kind: DeclKind;
    key: string;
}

export interface Template {
    /** Absolute path of the file the program was read from. */
    file: string;
    /** How errors name the file (relative to the working directory when below it). */
    displayFile: string;
    config: ConfigDecl[];
    variables: Array<{ key: string; value: Expr; line: number }>;
    resources: ResourceDecl[];
    outputs: Array<{ key: string; value: Expr; line: number }>;
    /** Config, variables and resources in an order where each comes after what it refers to. */
    order: OrderedDecl[];
}

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

class Reader {
    constructor(readonly file: string, private readonly lines: LineCounter) {}

    line(node: Node | null | undefined): number {
        return this.position(node).line;
    }

    position(node: Node | null | undefined): { line: number; col: number } {
        const offset = node?.range?.[0];
        return offset === undefined ? { line: 1, col: 1 } : this.lines.linePos(offset);
    }

    fail(node: Node | null | undefined, message: string): never {
        throw new YamlProgramError(this.file, this.line(node), message);
    }

    /** The entries of a mapping with their key and value nodes, in order. */
    entries(node: Node | null | undefined, what: string): Array<{ key: string; keyNode: Node; value: Node | null }> {
        if (node === null || node === undefined || (isScalar(node) && node.value === null)) {
            return [];
        }
        if (!isMap(node)) {
            this.fail(node, `${what} must be an object`);
        }
        return node.items.map((pair) => {
            const keyNode = pair.key as Node;
            if (!isScalar(keyNode) || (typeof keyNode.value !== "string" && typeof keyNode.value !== "number")) {
                this.fail(keyNode, `${what}: keys must be strings`);
            }
            return { key: String(keyNode.value), keyNode, value: (pair.value as Node | null) ?? null };
        });
    }

    expr(node: Node | null): Expr {
        const line = this.line(node);
        if (node === null || (isScalar(node) && node.value === null)) {
            return { kind: "literal", value: null, line };
        }
        if (isScalar(node)) {
            const value = node.value;
            if (typeof value === "string") {
                return this.interpolation(node, value);
            }
            if (typeof value === "number" || typeof value === "boolean") {
                return { kind: "literal", value, line };
            }
            this.fail(node, `unsupported value ${JSON.stringify(String(value))}`);
        }
        if (isSeq(node)) {
            return { kind: "list", items: node.items.map((item) => this.expr(item as Node)), line };
        }
        const entries = this.entries(node, "value");
        if (entries.length === 1 && entries[0].key.toLowerCase().startsWith("fn::")) {
            return this.builtin(entries[0].key, entries[0].keyNode, entries[0].value, line);
        }
        for (const entry of entries) {
            if (entry.key.toLowerCase().startsWith("fn::")) {
                this.fail(entry.keyNode, `${entry.key} must be the only key of its object`);
            }
        }
        return { kind: "object", entries: entries.map((e) => ({ key: e.key, value: this.expr(e.value) })), line };
    }

    private builtin(key: string, keyNode: Node, value: Node | null, line: number): Expr {
        const lower = key.toLowerCase();
        if (lower === "fn::invoke") {
            return this.invoke(value, line);
        }
        const fn = BUILTIN_BY_LOWER.get(lower);
        if (fn) {
            const arg = this.expr(value);
            checkArity(this, value, fn, arg);
            return { kind: "call", fn, arg, line };
        }
        if (INVOKE_SHORTHAND.test(lower)) {
            const args = value && isMap(value) ? this.expr(value) : undefined;
            return { kind: "invoke", token: key.slice("fn::".length), args, options: {}, line };
        }
        this.fail(keyNode, `unknown function ${key} (the builtins are ${["fn::invoke", ...BUILTINS].join(", ")})`);
    }

    private invoke(node: Node | null, line: number): Expr {
        if (!node || !isMap(node)) {
            this.fail(node, "the argument to fn::invoke must be an object containing 'function', 'arguments', 'options', and 'return'");
        }
        let token: string | undefined;
        let args: Expr | undefined;
        let ret: string | undefined;
        const options: Record<string, Expr> = {};
        for (const entry of this.entries(node, "fn::invoke")) {
            const field = INVOKE_KEYS.find((k) => k === entry.key.toLowerCase());
            if (!field) {
                this.fail(entry.keyNode, `fn::invoke has no field '${entry.key}' (its fields are ${INVOKE_KEYS.join(", ")})`);
            }
            if (field === "function") {
                if (!isScalar(entry.value) || typeof entry.value.value !== "string") {
                    this.fail(entry.value ?? entry.keyNode, "function name must be a string literal");
                }
                token = entry.value.value;
            } else if (field === "arguments") {
                if (!entry.value || !isMap(entry.value)) {
                    this.fail(entry.value ?? entry.keyNode, "function arguments ('arguments') must be an object");
                }
                args = this.expr(entry.value);
            } else if (field === "return") {
                if (!isScalar(entry.value) || typeof entry.value.value !== "string") {
                    this.fail(entry.value ?? entry.keyNode, "return directive must be a string literal");
                }
                ret = entry.value.value;
            } else {
                for (const option of this.entries(entry.value, "fn::invoke options")) {
                    const name = INVOKE_OPTION_KEYS.find((k) => k.toLowerCase() === option.key.toLowerCase());
                    if (!name) {
                        this.fail(option.keyNode, `${option.key} does not exist on invoke options (they are ${INVOKE_OPTION_KEYS.join(", ")})`);
                    }
                    options[name] = this.expr(option.value);
                }
            }
        }
        if (!token) {
            this.fail(node, "fn::invoke needs a 'function'");
        }
        return { kind: "invoke", token, args, options, ret, line };
    }

    private interpolation(node: Node, text: string): Expr {
        const line = this.line(node);
        const parts: Array<{ text: string; access?: PropertyAccess }> = [];
        let literal = "";
        let rest = text;
        while (rest.length > 0) {
            if (rest.startsWith("$$")) {
                // `$$` is a literal `$`, so `$${x}` is the text `${x}`.
                literal += "$";
                rest = rest.slice(2);
            } else if (rest.startsWith("${")) {
                const [access, remaining] = this.propertyAccess(node, rest.slice(2));
                parts.push({ text: literal, access });
                literal = "";
                rest = remaining;
            } else {
                literal += rest[0];
                rest = rest.slice(1);
            }
        }
        if (literal !== "" || parts.length === 0) {
            parts.push({ text: literal });
        }
        if (parts.length === 1 && !parts[0].access) {
            return { kind: "literal", value: parts[0].text, line };
        }
        if (parts.length === 1 && parts[0].text === "" && parts[0].access) {
            return { kind: "symbol", access: parts[0].access, line };
        }
        return { kind: "interpolate", parts, line };
    }

    /** Parses `root.a[0]["b"]}`; returns the access and the text after the closing brace. */
    private propertyAccess(node: Node, text: string): [PropertyAccess, string] {
        const steps: Accessor[] = [];
        let rest = text;
        while (rest.length > 0) {
            const c = rest[0];
            if (c === "}") {
                if (steps.length === 0 || typeof steps[0] !== "string" || steps[0] === "") {
                    this.fail(node, "empty interpolation ${}");
                }
                return [{ root: steps[0] as string, accessors: steps.slice(1) }, rest.slice(1)];
            }
            if (c === ".") {
                rest = rest.slice(1);
            } else if (c === "[") {
                if (rest[1] === '"') {
                    let key = "";
                    let i = 2;
                    for (;;) {
                        if (i >= rest.length) {
                            this.fail(node, "missing closing quote in property name");
                        } else if (rest[i] === '"') {
                            i++;
                            break;
                        } else if (rest[i] === "\\" && rest[i + 1] === '"') {
                            key += '"';
                            i += 2;
                        } else {
                            key += rest[i++];
                        }
                    }
                    if (rest[i] !== "]") {
                        this.fail(node, "missing closing bracket in property access");
                    }
                    steps.push(key);
                    rest = rest.slice(i + 1);
                } else {
                    const close = rest.indexOf("]");
                    if (close === -1) {
                        this.fail(node, "missing closing bracket in list index");
                    }
                    const index = rest.slice(1, close);
                    if (!/^[0-9]+$/.test(index)) {
                        this.fail(node, `invalid list index [${index}]`);
                    }
                    if (steps.length === 0) {
                        this.fail(node, "the root property must be a string subscript or a name");
                    }
                    steps.push(Number(index));
                    rest = rest.slice(close + 1);
                }
            } else {
                let i = 0;
                while (i < rest.length && !".[}".includes(rest[i])) {
                    i++;
                }
                steps.push(rest.slice(0, i));
                rest = rest.slice(i);
            }
        }
        this.fail(node, "unterminated interpolation: ${ without a closing }");
    }
}

/** The argument shapes the language host checks while parsing, before anything runs. */
function checkArity(reader: Reader, node: Node | null, fn: BuiltinName, arg: Expr): void {
    const pairs: Partial<Record<BuiltinName, string>> = {
        "fn::join": "the argument to fn::join must be a two-valued list",
        "fn::split": "the argument to fn::split must be a two-valued list",
        "fn::select": "the argument to fn::select must be a two-valued list",
        "fn::stackReference": "the argument to fn::stackReference must be a two-valued list",
    };
    const pairMessage = pairs[fn];
    if (pairMessage && (arg.kind !== "list" || arg.items.length !== 2)) {
        reader.fail(node, pairMessage);
    }
    if (fn === "fn::assetArchive" && arg.kind !== "object") {
        reader.fail(node, "the argument to fn::assetArchive must be an object");
    }
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

/** Every property access in an expression, for the dependency graph. */
export function accessesOf(expr: Expr | undefined, into: Array<{ access: PropertyAccess; line: number }> = []): Array<{ access: PropertyAccess; line: number }> {
    if (!expr) {
        return into;
    }
    switch (expr.kind) {
        case "symbol":
            into.push({ access: expr.access, line: expr.line });
            break;
        case "interpolate":
            for (const part of expr.parts) {
                if (part.access) {
                    into.push({ access: part.access, line: expr.line });
                }
            }
            break;
        case "list":
            expr.items.forEach((item) => accessesOf(item, into));
            break;
        case "object":
            expr.entries.forEach((entry) => accessesOf(entry.value, into));
            break;
        case "call":
            accessesOf(expr.arg, into);
            break;
        case "invoke":
            accessesOf(expr.args, into);
            Object.values(expr.options).forEach((option) => accessesOf(option, into));
            break;
    }
    return into;
}

const KIND_LABEL: Record<DeclKind, string> = { config: "config", variable: "variable", resource: "resource" };

/** Orders the declarations so each follows what it refers to; a reference to nothing or a cycle is an error. */
function order(template: Omit<Template, "order">): OrderedDecl[] {
    const decls = new Map<string, { kind: DeclKind; key: string; line: number; refs: Array<{ access: PropertyAccess; line: number }> }>();
    const declare = (kind: DeclKind, key: string, line: number, refs: Array<{ access: PropertyAccess; line: number }>) => {
        if (key === "pulumi") {
            throw new YamlProgramError(template.displayFile, line, `${KIND_LABEL[kind]} ${key} uses the reserved name pulumi`);
        }
        const existing = decls.get(key);
        if (existing) {
            throw new YamlProgramError(template.displayFile, line, `found duplicate ${KIND_LABEL[kind]} ${key} (also a ${KIND_LABEL[existing.kind]} at line ${existing.line})`);
        }
        decls.set(key, { kind, key, line, refs });
    };
    for (const c of template.config) {
        declare("config", c.key, c.line, accessesOf(c.default));
    }
    for (const v of template.variables) {
        declare("variable", v.key, v.line, accessesOf(v.value));
    }
    const defaults = defaultProviders(template.resources, template.displayFile);
    for (const r of template.resources) {
        const refs: Array<{ access: PropertyAccess; line: number }> = [];
        // A resource served by a default provider is registered after it.
        const provider = defaultProviderOf(r, defaults);
        if (provider) {
            refs.push({ access: { root: provider, accessors: [] }, line: r.line });
        }
        r.properties.forEach((p) => accessesOf(p.value, refs));
        Object.values(r.options).forEach((o) => accessesOf(o, refs));
        accessesOf(r.get?.id, refs);
        r.get?.state.forEach((p) => accessesOf(p.value, refs));
        declare("resource", r.key, r.line, refs);
    }
    const check = (owner: string, refs: Array<{ access: PropertyAccess; line: number }>) => {
        for (const { access, line } of refs) {
            if (access.root !== "pulumi" && !decls.has(access.root) && !isConfigKeyOfOtherNamespace(access.root)) {
                throw new YamlProgramError(template.displayFile, line,
                    `${owner} refers to unknown resource '${access.root}' (no resource, variable or config of that name)`);
            }
        }
    };
    for (const decl of decls.values()) {
        check(`${KIND_LABEL[decl.kind]} '${decl.key}'`, decl.refs);
    }
    for (const output of template.outputs) {
        check(`output '${output.key}'`, accessesOf(output.value));
    }

    const ordered: OrderedDecl[] = [];
    const state = new Map<string, "visiting" | "done">();
    const visit = (key: string, path: string[]) => {
        const decl = decls.get(key);
        if (!decl || state.get(key) === "done") {
            return;
        }
        if (state.get(key) === "visiting") {
            const cycle = [...path.slice(path.indexOf(key)), key].map((k) => `${KIND_LABEL[decls.get(k)!.kind]} '${k}'`);
            throw new YamlProgramError(template.displayFile, decl.line, `circular dependency: ${cycle.join(" -> ")}`);
        }
        state.set(key, "visiting");
        for (const ref of decl.refs) {
            visit(ref.access.root, [...path, key]);
        }
        state.set(key, "done");
        ordered.push({ kind: decl.kind, key });
    };
    for (const key of decls.keys()) {
        visit(key, []);
    }
    return ordered;
}

/** The package of a resource type token: `aws` of `aws:s3/bucket:Bucket`. */
function packageOf(type: string): string {
    return type.split(":")[0];
}

/** The providers marked `defaultProvider: true`, by package; two for one package is an error. */
export function defaultProviders(resources: ResourceDecl[], displayFile: string): Map<string, string> {
    const defaults = new Map<string, string>();
    for (const r of resources.filter((r) => r.defaultProvider)) {
        const pkg = r.type.slice("pulumi:providers:".length);
        if (defaults.has(pkg)) {
            throw new YamlProgramError(displayFile, r.line, `resource '${r.key}': ${pkg} already has a default provider, '${defaults.get(pkg)}'`);
        }
        defaults.set(pkg, r.key);
    }
    return defaults;
}

/** The default provider that serves a resource: one of its package, unless it names its own. */
export function defaultProviderOf(resource: ResourceDecl, defaults: Map<string, string>): string | undefined {
    if (resource.type.startsWith("pulumi:") || resource.options.provider || resource.options.providers) {
        return undefined;
    }
    return defaults.get(packageOf(resource.type));
}

/** `${aws:region}` reads another namespace's config, which the template does not declare. */
function isConfigKeyOfOtherNamespace(root: string): boolean {
    return /^[^:]+:[^:]+$/.test(root);
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
