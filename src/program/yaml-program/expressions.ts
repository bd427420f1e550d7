import { isMap, isScalar, isSeq, LineCounter, Node } from "yaml";

/**
 * The expressions of a Pulumi YAML template: the model every value parses into, and the reader
 * that parses a YAML node into it, checking what the language host checks while parsing.
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

/** Reads YAML nodes of one file: positions, mappings, and values parsed into expressions. */
export class Reader {
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
