// Writes src/program/stand-ins/stand-ins.json from the typings of @pulumi/aws and @pulumi/kubernetes:
// the result type of every provider function and the output properties of every resource, which the
// preview's stand-ins read instead of the packages themselves. `--check` exits non-zero when the
// committed file is out of date.
//
// The JS of each package names the tokens (the first argument of `pulumi.runtime.invoke*` in a function,
// `static __pulumiType` and the alias types in a resource class); the TypeScript checker, run over the
// sibling .d.ts files, gives the types (the `Promise<...Result>` a function declares, the
// `readonly x: pulumi.Output<T>` members of a class, the properties of its args interface).
import * as fs from "fs";
import * as path from "path";
import * as ts from "typescript";
import { dataFile, Properties, ResourceEntry, serializeData, StandInData } from "../src/program/stand-ins/schema";

const PACKAGES = ["@pulumi/aws", "@pulumi/kubernetes"];

/**
 * Functions whose JS calls the provider outside a typed declaration: the kubernetes package's own
 * helpers, which read `.result` as the list of objects the provider rendered.
 */
const UNTYPED_RESULTS: Record<string, Properties> = {
    "kubernetes:yaml:decode": { result: "*[]" },
    "kubernetes:helm:template": { result: "*[]" },
    "kubernetes:kustomize:directory": { result: "*[]" },
};

interface FunctionSite {
    token: string;
    dts: string;
    name: string;
}

interface ResourceSite {
    token: string;
    dts: string;
    className: string;
    aliases: string[];
}

function packageDir(name: string): string {
    return path.dirname(require.resolve(`${name}/package.json`, { paths: [path.resolve(__dirname, "..")] }));
}

function jsFiles(dir: string): string[] {
    return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
        const full = path.join(dir, entry.name);
        if (entry.isDirectory()) {
            return entry.name === "node_modules" ? [] : jsFiles(full);
        }
        return entry.name.endsWith(".js") ? [full] : [];
    });
}

const FUNCTION = /function (\w+)\s*\(/g;
const INVOKE = /runtime\.invoke(?:Single)?\("([^"]+)"/g;
const RESOURCE_CLASS = /class (\w+) extends pulumi\.CustomResource \{[\s\S]*?static __pulumiType = '([^']+)'/g;
const ALIASES = /aliases: \[([^\]]*)\]/;
const ALIAS_TYPE = /type: "([^"]+)"/g;

/** The functions and resource classes a package's JS declares, each with the .d.ts that types it. */
function scan(dir: string): { functions: FunctionSite[]; resources: ResourceSite[] } {
    const functions: FunctionSite[] = [];
    const resources: ResourceSite[] = [];
    for (const file of jsFiles(dir)) {
        const text = fs.readFileSync(file, "utf8");
        const dts = file.replace(/\.js$/, ".d.ts");
        const starts = [...text.matchAll(FUNCTION)];
        for (const invoke of text.matchAll(INVOKE)) {
            // Named by the function around the call; the `...Output` twin invokes the same token.
            const name = starts.filter((s) => s.index < invoke.index).pop()?.[1] ?? "";
            if (!name.endsWith("Output")) {
                functions.push({ token: invoke[1], dts, name });
            }
        }
        for (const match of text.matchAll(RESOURCE_CLASS)) {
            const aliasList = ALIASES.exec(text.slice(match.index))?.[1] ?? "";
            const aliases = [...new Set([...aliasList.matchAll(ALIAS_TYPE)].map((m) => m[1]))];
            resources.push({ token: match[2], dts, className: match[1], aliases });
        }
    }
    return { functions, resources };
}

/** Encodes checker types in the terse notation of schema.ts, collecting named object types. */
class TypeEncoder {
    readonly types: Record<string, Properties> = {};
    private readonly names = new Map<ts.Symbol, string>();

    constructor(private readonly checker: ts.TypeChecker) {}

    /** `expand` false records objects as `o`, without their properties (resource outputs). */
    encode(type: ts.Type, expand: boolean, hint: string): string {
        const checker = this.checker;
        type = checker.getNonNullableType(type);
        const flags = type.flags;
        if (flags & (ts.TypeFlags.Any | ts.TypeFlags.Unknown)) {
            return "*";
        }
        if (flags & ts.TypeFlags.StringLike) {
            return "s";
        }
        if (flags & ts.TypeFlags.NumberLike) {
            return "n";
        }
        if (flags & ts.TypeFlags.BooleanLike) {
            return "b";
        }
        if (type.isUnion()) {
            const members = new Set(type.types.map((t) => this.encode(t, expand, hint)));
            return members.size === 1 ? [...members][0] : "*";
        }
        if (checker.isArrayType(type)) {
            const [element] = checker.getTypeArguments(type as ts.TypeReference);
            return `${this.encode(element, expand, hint)}[]`;
        }
        if (!(flags & ts.TypeFlags.Object)) {
            return "*";
        }
        const properties = checker.getPropertiesOfType(type);
        if (properties.length === 0) {
            const index = checker.getIndexInfoOfType(type, ts.IndexKind.String);
            return index ? `${this.encode(index.type, expand, hint)}{}` : "*";
        }
        if (!expand) {
            return "o";
        }
        return `@${this.named(type, hint)}`;
    }

    /** The properties of an object type, in declaration order. */
    properties(type: ts.Type, expand: boolean, hint: string): Properties {
        const result: Properties = {};
        for (const property of this.checker.getPropertiesOfType(type)) {
            const optional = (property.flags & ts.SymbolFlags.Optional) !== 0;
            const encoded = this.encode(this.checker.getTypeOfSymbol(property), expand, `${hint}.${property.name}`);
            result[optional ? `${property.name}?` : property.name] = encoded;
        }
        return result;
    }

    private named(type: ts.Type, hint: string): string {
        const symbol = type.aliasSymbol ?? type.getSymbol();
        if (!symbol) {
            throw new Error(`an object type without a symbol at ${hint}`);
        }
        const known = this.names.get(symbol);
        if (known) {
            return known;
        }
        // `"/…/types/output".ec2.GetVpcFilter` is the type `ec2.GetVpcFilter`; a type literal is named by where it is used.
        const qualified = this.checker.getFullyQualifiedName(symbol).replace(/^"[^"]*"\./, "");
        const name = symbol.name === "__type" || symbol.name === "__object" ? hint : qualified;
        if (name in this.types) {
            throw new Error(`two object types are named ${name}`);
        }
        this.names.set(symbol, name);
        this.types[name] = {};
        this.types[name] = this.properties(type, true, name);
        return name;
    }
}

function declarations(source: ts.SourceFile): { functions: Map<string, ts.FunctionDeclaration>; classes: Map<string, ts.ClassDeclaration> } {
    const functions = new Map<string, ts.FunctionDeclaration>();
    const classes = new Map<string, ts.ClassDeclaration>();
    for (const statement of source.statements) {
        if (ts.isFunctionDeclaration(statement) && statement.name) {
            functions.set(statement.name.text, statement);
        } else if (ts.isClassDeclaration(statement) && statement.name) {
            classes.set(statement.name.text, statement);
        }
    }
    return { functions, classes };
}

/** The `T` of a `Promise<T>` or `pulumi.Output<T>` type node. */
function typeArgument(node: ts.TypeNode | undefined, wrapper: string): ts.TypeNode | undefined {
    if (node && ts.isTypeReferenceNode(node) && node.typeArguments?.length === 1) {
        const name = ts.isIdentifier(node.typeName) ? node.typeName.text : node.typeName.right.text;
        return name === wrapper ? node.typeArguments[0] : undefined;
    }
    return undefined;
}

function functionResult(site: FunctionSite, source: ts.SourceFile | undefined, encoder: TypeEncoder, checker: ts.TypeChecker): Properties {
    const untyped = UNTYPED_RESULTS[site.token];
    if (untyped) {
        return untyped;
    }
    const declaration = source && declarations(source).functions.get(site.name);
    const result = typeArgument(declaration?.type, "Promise");
    if (!result) {
        throw new Error(`${site.token}: no Promise<...> result declared for ${site.name} in ${site.dts}`);
    }
    const type = checker.getTypeFromTypeNode(result);
    const encoded = encoder.encode(type, true, site.name);
    if (!encoded.startsWith("@")) {
        // invokeSingle: the provider answers `{ result: value }` and the SDK unwraps the one property.
        return { result: encoded };
    }
    // The result interface itself is recorded with the function, not in the types table.
    const name = encoded.slice(1);
    const properties = encoder.types[name];
    delete encoder.types[name];
    return properties;
}

/**
 * The input the engine autonames: the provider's `name` when optional, or a property `p` that comes
 * with a `pPrefix` input (an S3 bucket's `bucket`), when the output is a string.
 */
function autonameOf(outputs: Properties, inputs: Map<string, boolean>): string | undefined {
    const isString = (p: string) => outputs[p] === "s" || outputs[`${p}?`] === "s";
    const prefixed = [...inputs.keys()].find((p) => inputs.get(p) && inputs.has(`${p}Prefix`) && isString(p));
    if (prefixed) {
        return prefixed;
    }
    return inputs.get("name") && isString("name") ? "name" : undefined;
}

function resourceEntry(site: ResourceSite, source: ts.SourceFile | undefined, encoder: TypeEncoder, checker: ts.TypeChecker): ResourceEntry {
    const declaration = source && declarations(source).classes.get(site.className);
    if (!declaration) {
        throw new Error(`${site.token}: no class ${site.className} in ${site.dts}`);
    }
    const outputs: Properties = {};
    let argsType: ts.TypeNode | undefined;
    for (const member of declaration.members) {
        if (ts.isPropertyDeclaration(member) && ts.isIdentifier(member.name)) {
            const static_ = member.modifiers?.some((m) => m.kind === ts.SyntaxKind.StaticKeyword);
            const value = typeArgument(member.type, "Output");
            if (!static_ && value) {
                const optional = value && ts.isUnionTypeNode(value) && value.types.some((t) => t.kind === ts.SyntaxKind.UndefinedKeyword);
                const name = member.name.text;
                outputs[optional ? `${name}?` : name] = encoder.encode(checker.getTypeFromTypeNode(value), false, name);
            }
        } else if (ts.isConstructorDeclaration(member) && !argsType) {
            argsType = member.parameters.find((p) => ts.isIdentifier(p.name) && p.name.text === "args")?.type;
        }
    }
    // Input name to whether it is optional.
    const inputs = new Map<string, boolean>();
    if (argsType) {
        for (const property of checker.getPropertiesOfType(checker.getTypeFromTypeNode(argsType))) {
            inputs.set(property.name, (property.flags & ts.SymbolFlags.Optional) !== 0);
        }
    }
    const entry: ResourceEntry = { computed: {}, settable: {} };
    for (const [key, type] of Object.entries(outputs)) {
        const half = inputs.has(key.replace(/\?$/, "")) ? entry.settable : entry.computed;
        half[key] = type;
    }
    const autoname = autonameOf(outputs, inputs);
    return autoname ? { ...entry, autoname } : entry;
}

export function generate(): StandInData {
    const data: StandInData = { packages: {}, functions: {}, types: {}, resources: {}, aliases: {} };
    const sites = PACKAGES.map((name) => {
        const dir = packageDir(name);
        data.packages[name] = JSON.parse(fs.readFileSync(path.join(dir, "package.json"), "utf8")).version;
        return scan(dir);
    });
    const roots = [...new Set(sites.flatMap((s) => [...s.functions, ...s.resources].map((site) => site.dts)).filter((f) => fs.existsSync(f)))];
    const program = ts.createProgram(roots, { noEmit: true, skipLibCheck: true, types: [], target: ts.ScriptTarget.ES2022, strict: true });
    const checker = program.getTypeChecker();
    const encoder = new TypeEncoder(checker);
    for (const { functions, resources } of sites) {
        for (const site of functions) {
            data.functions[site.token] = functionResult(site, program.getSourceFile(site.dts), encoder, checker);
        }
        for (const site of resources) {
            data.resources[site.token] = resourceEntry(site, program.getSourceFile(site.dts), encoder, checker);
            for (const alias of site.aliases) {
                // Two classes may list each other (alb and lb) or the same former token: the first keeps it.
                if (alias !== site.token && !(alias in data.aliases)) {
                    data.aliases[alias] = site.token;
                }
            }
        }
    }
    for (const token of Object.keys(data.aliases)) {
        if (token in data.resources) {
            delete data.aliases[token];
        }
    }
    data.types = encoder.types;
    return data;
}

if (require.main === module) {
    const content = serializeData(generate());
    const file = dataFile();
    const current = fs.existsSync(file) ? fs.readFileSync(file, "utf8") : "";
    if (process.argv.includes("--check")) {
        if (current !== content) {
            console.error(`${path.relative(process.cwd(), file)} is out of date: run npm run stand-ins`);
            process.exitCode = 1;
        }
    } else if (current !== content) {
        fs.writeFileSync(file, content);
        const data = JSON.parse(content) as StandInData;
        console.log(`wrote ${path.relative(process.cwd(), file)}: ${Object.keys(data.functions).length} functions, ${Object.keys(data.resources).length} resources, ${content.length} bytes`);
    }
}
