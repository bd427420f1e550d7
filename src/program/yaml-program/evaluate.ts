import * as crypto from "crypto";
import * as fs from "fs";
import * as path from "path";
import * as pulumi from "@pulumi/pulumi";
import { outputNames } from "../stand-ins";
import type { ConfigDecl, ConfigType, ResourceDecl, Template } from "./declarations";
import { Accessor, Expr, PropertyAccess } from "./expressions";
import { defaultProviderOf, defaultProviders } from "./ordering";
import { canonicalToken } from "./template";
import { isComponentType } from "./types";

/**
 * The running half of the Pulumi YAML interpreter, a Node.js program under the Node.js SDK: each
 * resource is registered with `new pulumi.CustomResource` (or `ProviderResource` for
 * `pulumi:providers:*`), so registration, URNs, outputs, unknowns and completion are the SDK's own.
 * Values are plain JavaScript or `pulumi.Output`; builtins over outputs run inside `apply`, so a value
 * unknown during preview stays unknown, exactly as the language host's outputs do.
 */

type Value = unknown;

/** A resource of the template: the SDK's CustomResource for any type token, as a typed SDK class is. */
class TemplateResource extends pulumi.CustomResource {
    constructor(type: string, name: string, props: pulumi.Inputs, opts: pulumi.CustomResourceOptions) {
        super(type, name, props, opts);
    }
}

/** A remote component of the template, constructed by its package's provider. */
class TemplateComponent extends pulumi.ComponentResource {
    constructor(type: string, name: string, props: pulumi.Inputs, opts: pulumi.ComponentResourceOptions) {
        super(type, name, props, opts, true);
    }
}

/** An explicit provider (`pulumi:providers:<package>`), usable in the `provider` option. */
class TemplateProvider extends pulumi.ProviderResource {
    constructor(pkg: string, name: string, props: pulumi.Inputs, opts: pulumi.ResourceOptions) {
        super(pkg, name, props, opts);
    }
}


/**
 * `apiVersion` and `kind` are constants of every Kubernetes resource type in the provider's schema,
 * which the language host adds to the registration as the typed SDKs do.
 */
function kubernetesConstants(type: string): Record<string, string> {
    const match = /^kubernetes:([^:/]+)\/([^:/]+):([A-Za-z0-9]+)$/.exec(type);
    if (!match || match[1] === "helm.sh" || match[1] === "yaml" || match[1] === "kustomize") {
        return {};
    }
    const [, group, version, kind] = match;
    return { apiVersion: group === "core" ? version : `${group}/${version}`, kind };
}

function isOutput(value: unknown): value is pulumi.Output<unknown> {
    return pulumi.Output.isInstance(value);
}

function isResource(value: unknown): value is pulumi.Resource {
    return pulumi.Resource.isInstance(value);
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
    return typeof value === "object" && value !== null && !Array.isArray(value) && Object.getPrototypeOf(value) === Object.prototype;
}

function containsOutput(value: unknown): boolean {
    if (isOutput(value)) {
        return true;
    }
    if (Array.isArray(value)) {
        return value.some(containsOutput);
    }
    return isPlainObject(value) && Object.values(value).some(containsOutput);
}

function typeName(value: unknown): string {
    if (value === null || value === undefined) {
        return "null";
    }
    if (Array.isArray(value)) {
        return "a list";
    }
    if (isResource(value)) {
        return "a resource";
    }
    return typeof value === "object" ? "an object" : `a ${typeof value}`;
}

/** Runs `fn` on the resolved values: at once when nothing is an output, else inside `apply`. */
function lift(values: Value[], fn: (resolved: any[]) => unknown): Value {
    if (!values.some(containsOutput)) {
        return fn(values);
    }
    return pulumi.all(values.map((v) => pulumi.output(v as any))).apply((resolved) => fn(resolved as unknown[]) as any);
}

export class Evaluator {
    private readonly resources = new Map<string, pulumi.Resource>();
    private readonly variables = new Map<string, Value>();
    private readonly config = new Map<string, Value>();
    private readonly secretKeys: Set<string>;
    private readonly defaults: Map<string, string>;

    constructor(private readonly template: Template, private readonly cwd: string = process.cwd()) {
        this.secretKeys = new Set<string>(JSON.parse(process.env.PULUMI_CONFIG_SECRET_KEYS || "[]"));
        this.defaults = defaultProviders(template.resources, template.displayFile);
    }

    /** A RunError: the SDK's runner reports its message alone, without a stack. */
    private fail(line: number, message: string): never {
        throw new pulumi.RunError(`${this.template.displayFile}:${line}: ${message}`);
    }

    /** Registers everything in dependency order and returns the stack outputs. */
    async run(): Promise<Record<string, Value>> {
        for (const decl of this.template.order) {
            if (decl.kind === "config") {
                this.config.set(decl.key, await this.readConfig(this.template.config.find((c) => c.key === decl.key)!));
            } else if (decl.kind === "variable") {
                const variable = this.template.variables.find((v) => v.key === decl.key)!;
                this.variables.set(decl.key, await this.evaluate(variable.value));
            } else {
                const resource = this.template.resources.find((r) => r.key === decl.key)!;
                this.resources.set(decl.key, await this.register(resource));
            }
        }
        const outputs: Record<string, Value> = {};
        for (const output of this.template.outputs) {
            outputs[output.key] = await this.evaluate(output.value);
        }
        return outputs;
    }

    private async readConfig(decl: ConfigDecl): Promise<Value> {
        const project = pulumi.getProject();
        const raw = new pulumi.Config(project).get(decl.configName);
        const fallback = decl.default ? await this.evaluate(decl.default) : undefined;
        const type = decl.type ?? (fallback === undefined ? "string" : inferType(fallback));
        if (decl.type && fallback !== undefined && !matchesType(fallback, decl.type)) {
            this.fail(decl.line, `type mismatch: default value of config '${decl.key}' is ${typeName(fallback)} but type ${describeType(decl.type)} was specified`);
        }
        let value: Value;
        if (raw === undefined) {
            if (fallback === undefined) {
                this.fail(decl.line, `missing required configuration variable '${decl.configName}': set it with --config ${decl.configName}=...`);
            }
            value = fallback;
        } else {
            value = this.parseConfig(decl, raw, type);
        }
        return decl.secret || this.secretKeys.has(`${project}:${decl.configName}`) ? pulumi.secret(value) : value;
    }

    private parseConfig(decl: ConfigDecl, raw: string, type: ConfigType): Value {
        // Never quote the value: it may be a secret.
        const wrong = () => this.fail(decl.line, `config '${decl.configName}' is not ${describeType(type)}`);
        if (type === "string") {
            return raw;
        }
        if (type === "number" || type === "integer") {
            const n = raw.trim() === "" ? NaN : Number(raw);
            return Number.isFinite(n) && (type === "number" || Number.isInteger(n)) ? n : wrong();
        }
        if (type === "boolean") {
            return raw === "true" ? true : raw === "false" ? false : wrong();
        }
        let parsed: unknown;
        try {
            parsed = JSON.parse(raw);
        } catch {
            return wrong();
        }
        return matchesType(parsed, type) ? parsed : wrong();
    }

    private async register(decl: ResourceDecl): Promise<pulumi.Resource> {
        const type = canonicalToken(decl.type);
        const props: Record<string, Value> = { ...kubernetesConstants(type) };
        for (const { key, value } of decl.get ? decl.get.state : decl.properties) {
            props[key] = await this.evaluate(value);
        }
        const opts = await this.resourceOptions(decl);
        const defaultProvider = defaultProviderOf(decl, this.defaults);
        if (defaultProvider) {
            opts.provider = this.resources.get(defaultProvider) as pulumi.ProviderResource;
        }
        if (decl.get) {
            opts.id = (await this.evaluate(decl.get.id)) as pulumi.Input<string>;
        }
        if (type.startsWith("pulumi:providers:")) {
            return new TemplateProvider(type.slice("pulumi:providers:".length), decl.name, props as pulumi.Inputs, opts);
        }
        // Like a typed SDK class, the resource has every output its type declares, set or not, so
        // `${res.arn}` reads what the engine answers instead of an unknown.
        for (const output of outputNames(type)) {
            if (!(output in props)) {
                props[output] = undefined;
            }
        }
        if (isComponentType(type) && !decl.get) {
            return new TemplateComponent(type, decl.name, props as pulumi.Inputs, opts);
        }
        return new TemplateResource(type, decl.name, props as pulumi.Inputs, opts);
    }

    private async resourceOptions(decl: ResourceDecl): Promise<pulumi.CustomResourceOptions & Record<string, unknown>> {
        const opts: pulumi.CustomResourceOptions & Record<string, unknown> = {};
        for (const [name, expr] of Object.entries(decl.options)) {
            const value = await this.evaluate(expr);
            const where = `resource '${decl.key}' option ${name}`;
            const resource = (v: unknown): pulumi.Resource => (isResource(v) ? v : this.fail(expr.line, `${where} must be a resource, not ${typeName(v)}`));
            const strings = (v: unknown): string[] => (Array.isArray(v) && v.every((s) => typeof s === "string") ? v : this.fail(expr.line, `${where} must be a list of strings`));
            const boolean = (v: unknown): boolean => (typeof v === "boolean" ? v : this.fail(expr.line, `${where} must be true or false, not ${typeName(v)}`));
            const string = (v: unknown): string => (typeof v === "string" ? v : this.fail(expr.line, `${where} must be a string, not ${typeName(v)}`));
            switch (name) {
                case "parent":
                case "deletedWith":
                    opts[name] = resource(value);
                    break;
                case "provider": {
                    const provider = resource(value);
                    if (!(provider instanceof pulumi.ProviderResource)) {
                        this.fail(expr.line, `${where}: resource passed as provider is not a provider resource`);
                    }
                    opts.provider = provider;
                    break;
                }
                case "providers":
                    opts.providers = (Array.isArray(value) ? value : isPlainObject(value) ? Object.values(value) : this.fail(expr.line, `${where} must be a list of providers`))
                        .map((p) => resource(p) as pulumi.ProviderResource);
                    break;
                case "dependsOn":
                case "replaceWith":
                    if (containsOutput(value)) {
                        this.fail(expr.line, `${where} value must be a list of resources, not an output`);
                    }
                    opts[name] = (Array.isArray(value) ? value : [value]).map(resource);
                    break;
                case "protect":
                case "deleteBeforeReplace":
                case "retainOnDelete":
                    if (isOutput(value)) {
                        this.fail(expr.line, `${where} must not be an output`);
                    }
                    opts[name] = boolean(value);
                    break;
                case "ignoreChanges":
                case "additionalSecretOutputs":
                case "replaceOnChanges":
                case "hideDiffs":
                    opts[name] = strings(value);
                    break;
                case "version":
                case "pluginDownloadURL":
                case "import":
                    opts[name] = string(value);
                    break;
                case "aliases":
                    opts.aliases = (Array.isArray(value) ? value : this.fail(expr.line, `${where} must be a list`)).map((alias) => {
                        if (typeof alias === "string") {
                            return alias;
                        }
                        if (isPlainObject(alias)) {
                            const { noParent, parent, ...rest } = alias;
                            return { ...rest, ...(noParent === true ? { parent: pulumi.rootStackResource } : parent !== undefined ? { parent: resource(parent) } : {}) } as pulumi.Alias;
                        }
                        return this.fail(expr.line, `${where}: an alias is a URN or an object, not ${typeName(alias)}`);
                    });
                    break;
                case "customTimeouts": {
                    if (!isPlainObject(value)) {
                        this.fail(expr.line, `${where} must be an object with create, update and delete`);
                    }
                    const timeouts: pulumi.CustomTimeouts = {};
                    for (const [field, timeout] of Object.entries(value)) {
                        if (!["create", "update", "delete"].includes(field) || typeof timeout !== "string") {
                            this.fail(expr.line, `customTimeouts.${field} must be one of create, update, delete with a string value`);
                        }
                        timeouts[field as "create" | "update" | "delete"] = timeout;
                    }
                    opts.customTimeouts = timeouts;
                    break;
                }
                default:
                    // replacementTrigger, envVarMappings: passed as the SDK takes them.
                    opts[name] = value;
            }
        }
        return opts;
    }

    async evaluate(expr: Expr): Promise<Value> {
        switch (expr.kind) {
            case "literal":
                return expr.value;
            case "symbol":
                return this.access(expr.access, expr.line);
            case "interpolate": {
                const values = expr.parts.map((part) => (part.access ? this.access(part.access, expr.line) : undefined));
                return lift(values, (resolved) => expr.parts.map((part, i) => part.text + (part.access ? this.display(resolved[i], expr.line) : "")).join(""));
            }
            case "list":
                return Promise.all(expr.items.map((item) => this.evaluate(item)));
            case "object": {
                const result: Record<string, Value> = {};
                for (const entry of expr.entries) {
                    result[entry.key] = await this.evaluate(entry.value);
                }
                return result;
            }
            case "call":
                return this.call(expr.fn, await this.evaluate(expr.arg), expr);
            case "invoke":
                return this.invoke(expr);
        }
    }

    /** How a value reads inside an interpolated string. */
    private display(value: unknown, line: number): string {
        if (value === null || value === undefined) {
            return "";
        }
        if (isResource(value)) {
            this.fail(line, "a resource cannot be interpolated into a string: name one of its properties");
        }
        return typeof value === "object" ? JSON.stringify(value) : String(value);
    }

    private access(access: PropertyAccess, line: number): Value {
        let receiver: Value;
        if (this.resources.has(access.root)) {
            receiver = this.resources.get(access.root);
        } else if (this.config.has(access.root)) {
            receiver = this.config.get(access.root);
        } else if (this.variables.has(access.root)) {
            receiver = this.variables.get(access.root);
        } else if (access.root === "pulumi") {
            receiver = { stack: pulumi.getStack(), project: pulumi.getProject(), organization: organization(), cwd: this.cwd, rootDirectory: this.cwd };
        } else if (access.root.includes(":")) {
            const [namespace, key] = access.root.split(":");
            receiver = new pulumi.Config(namespace).get(key) ?? null;
        } else {
            this.fail(line, `resource or variable named '${access.root}' could not be found`);
        }
        return this.walk(receiver, access.accessors, line);
    }

    private walk(receiver: Value, accessors: Accessor[], line: number): Value {
        let value = receiver;
        for (let i = 0; i < accessors.length; i++) {
            const step = accessors[i];
            if (isOutput(value)) {
                const rest = accessors.slice(i);
                // An unknown output skips the callback: the access stays unknown, as in the language host.
                return value.apply((resolved) => this.walk(resolved, rest, line) as any);
            }
            if (isResource(value)) {
                value = this.resourceProperty(value, step, line);
                continue;
            }
            if (Array.isArray(value)) {
                if (typeof step !== "number") {
                    this.fail(line, `cannot access a list element using a property name ('${step}')`);
                }
                if (step >= value.length) {
                    this.fail(line, `list index ${step} out-of-bounds for list of length ${value.length}`);
                }
                value = value[step];
            } else if (isPlainObject(value)) {
                if (typeof step !== "string") {
                    this.fail(line, "cannot access an object property using an integer index");
                }
                value = value[step] ?? null;
            } else {
                this.fail(line, `receiver must be a list or object, not ${typeName(value)} (reading ${JSON.stringify(step)})`);
            }
        }
        return value;
    }

    /**
     * A resource's `id`, `urn`, or an output. In a preview the engine answers a resource's inputs as its
     * outputs; anything else is computed by the provider and unknown until the resource exists.
     */
    private resourceProperty(resource: pulumi.Resource, step: Accessor, line: number): Value {
        if (typeof step !== "string") {
            this.fail(line, "cannot access a resource property using an integer index");
        }
        const custom = resource as pulumi.CustomResource & Record<string, unknown>;
        if (step === "urn") {
            return custom.urn;
        }
        if (step === "id") {
            return custom.id;
        }
        const output = Object.prototype.hasOwnProperty.call(custom, step) ? custom[step] : undefined;
        if (isOutput(output)) {
            return output;
        }
        return custom.urn.apply(() => pulumi.output(pulumi.unknown as unknown));
    }

    private async invoke(expr: Extract<Expr, { kind: "invoke" }>): Promise<Value> {
        const token = canonicalToken(expr.token);
        const args = expr.args ? await this.evaluate(expr.args) : {};
        const opts: pulumi.InvokeOptions = {};
        for (const [name, option] of Object.entries(expr.options)) {
            const value = await this.evaluate(option);
            if (name === "provider" || name === "parent") {
                if (!isResource(value)) {
                    this.fail(option.line, `fn::invoke option ${name} must be a resource`);
                }
                (opts as Record<string, unknown>)[name] = value;
            } else if (name === "version" || name === "pluginDownloadURL") {
                (opts as Record<string, unknown>)[name] = String(value);
            }
        }
        const pick = (result: Record<string, unknown>) => {
            if (expr.ret === undefined) {
                return result;
            }
            if (!(expr.ret in result)) {
                this.fail(expr.line, `fn::invoke of ${token} has no return value '${expr.ret}'`);
            }
            return result[expr.ret];
        };
        return lift([args], async ([resolved]) => pick(await pulumi.runtime.invoke(token, resolved, opts)));
    }

    private call(fn: string, arg: Value, expr: Expr): Value {
        const line = expr.line;
        const wrong = (message: string): never => this.fail(line, message);
        const file = (p: unknown) => (typeof p === "string" ? path.resolve(this.cwd, p) : wrong(`the argument to ${fn} must be a string, not ${typeName(p)}`));
        const read = (p: unknown): Buffer => {
            try {
                return fs.readFileSync(file(p));
            } catch (err) {
                return wrong(`${fn}: cannot read ${String(p)}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`);
            }
        };
        const str = (v: unknown, what: string): string => (typeof v === "string" ? v : wrong(`${what} must be a string, not ${typeName(v)}`));
        switch (fn) {
            case "fn::join":
                return lift(arg as Value[], ([delimiter, values]) => {
                    str(delimiter, "the delimiter of fn::join");
                    if (!Array.isArray(values)) {
                        wrong(`the second argument to fn::join must be a list, found ${typeName(values)}`);
                    }
                    values.forEach((v: unknown, i: number) => typeof v === "string" || wrong(`the second argument to fn::join must be a list of strings, found ${typeName(v)} at index ${i}`));
                    return values.join(delimiter);
                });
            case "fn::split":
                return lift(arg as Value[], ([delimiter, source]) => str(source, "the source of fn::split").split(str(delimiter, "the delimiter of fn::split")));
            case "fn::select":
                return lift(arg as Value[], ([index, values]) => {
                    if (typeof index !== "number" || !Number.isInteger(index) || index < 0) {
                        wrong(`the index of fn::select must be a non-negative integer, not ${typeName(index)} ${JSON.stringify(index)}`);
                    }
                    if (!Array.isArray(values)) {
                        wrong(`the second argument to fn::select must be a list, found ${typeName(values)}`);
                    }
                    if (index >= values.length) {
                        wrong(`fn::select index ${index} out-of-bounds for list of length ${values.length}`);
                    }
                    return values[index];
                });
            case "fn::toJSON":
                return lift([arg], ([v]) => JSON.stringify(v));
            case "fn::toBase64":
                return lift([arg], ([v]) => Buffer.from(str(v, "the argument to fn::toBase64"), "utf8").toString("base64"));
            case "fn::fromBase64":
                return lift([arg], ([v]) => {
                    const text = str(v, "the argument to fn::fromBase64");
                    if (!/^[A-Za-z0-9+/]*={0,2}$/.test(text) || text.length % 4 !== 0) {
                        wrong("the argument to fn::fromBase64 is not valid base64");
                    }
                    return Buffer.from(text, "base64").toString("utf8");
                });
            case "fn::secret":
                return pulumi.secret(arg as any);
            case "fn::unsecret":
                return pulumi.unsecret(pulumi.output(arg as any));
            case "fn::readFile":
                return lift([arg], ([p]) => read(p).toString("utf8"));
            case "fn::fileBase64":
                return lift([arg], ([p]) => read(p).toString("base64"));
            case "fn::fileBase64Sha256":
                return lift([arg], ([p]) => crypto.createHash("sha256").update(read(p)).digest("base64"));
            case "fn::sha1":
                return lift([arg], ([v]) => crypto.createHash("sha1").update(str(v, "the argument to fn::sha1")).digest("hex"));
            case "fn::length":
                return lift([arg], ([v]) => (Array.isArray(v) || typeof v === "string" ? v.length : isPlainObject(v) ? Object.keys(v).length : wrong(`fn::length takes a list, an object or a string, not ${typeName(v)}`)));
            case "fn::singleOrNone":
                return lift([arg], ([v]) => {
                    if (!Array.isArray(v) || v.length > 1) {
                        wrong(`fn::singleOrNone takes a list of at most one element`);
                    }
                    return v.length === 1 ? v[0] : null;
                });
            case "fn::stringAsset":
                return lift([arg], ([v]) => new pulumi.asset.StringAsset(str(v, "the argument to fn::stringAsset")));
            case "fn::fileAsset":
                return lift([arg], ([v]) => new pulumi.asset.FileAsset(str(v, "the argument to fn::fileAsset")));
            case "fn::remoteAsset":
                return lift([arg], ([v]) => new pulumi.asset.RemoteAsset(str(v, "the argument to fn::remoteAsset")));
            case "fn::fileArchive":
                return lift([arg], ([v]) => new pulumi.asset.FileArchive(str(v, "the argument to fn::fileArchive")));
            case "fn::remoteArchive":
                return lift([arg], ([v]) => new pulumi.asset.RemoteArchive(str(v, "the argument to fn::remoteArchive")));
            case "fn::assetArchive":
                return new pulumi.asset.AssetArchive(arg as Record<string, pulumi.asset.Asset | pulumi.asset.Archive>);
            case "fn::stackReference":
                return wrong("fn::stackReference reads another stack's outputs, which a preview without a backend does not have");
            default:
                return wrong(`unknown function ${fn}`);
        }
    }
}

/** The stack's organization; a local backend's is "organization", as the CLI names it. */
function organization(): string {
    try {
        return pulumi.getOrganization();
    } catch {
        return "organization";
    }
}

function inferType(value: unknown): ConfigType {
    if (typeof value === "string") {
        return "string";
    }
    // An untyped number is a Number, whole or not, as the language host reads YAML numbers.
    if (typeof value === "number") {
        return "number";
    }
    if (typeof value === "boolean") {
        return "boolean";
    }
    if (Array.isArray(value)) {
        return { list: value.length > 0 ? inferType(value[0]) : "string" };
    }
    return "object";
}

function matchesType(value: unknown, type: ConfigType): boolean {
    if (typeof type === "object") {
        return Array.isArray(value) && value.every((item) => matchesType(item, type.list));
    }
    switch (type) {
        case "string":
            return typeof value === "string";
        case "number":
            return typeof value === "number";
        case "integer":
            return typeof value === "number" && Number.isInteger(value);
        case "boolean":
            return typeof value === "boolean";
        case "object":
            return isPlainObject(value);
    }
}

function describeType(type: ConfigType): string {
    return typeof type === "object" ? `a List<${describeType(type.list)}>` : `${type === "integer" ? "an" : "a"} ${type}`;
}
