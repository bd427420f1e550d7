// @pulumi/policy's Analyze handler sets up each policy's call on its own: it deserializes the
// resource's properties, builds its options and provider, four closures and an awaited promise, for
// every policy that judges the resource. Everything but the policy's config, its report function and
// its level is the same for every policy. Here prodready's Analyze handler for the pinned release
// builds those parts once per request, in the SDK's order and with its errors, and awaits a policy
// only when it returns a promise. It answers with the SDK's pieces (its deserializer, proxy, error
// and response builders), and where the SDK keeps state of its own (the configuration, the stack's
// tags) it reads the same requests or asks the SDK's handler. On the wire the response is the SDK's,
// byte for byte (tests/analyzer/analyze-handler.test.ts). The parts are frozen: a policy only reads.
import * as path from "path";
import { pinnedSdk } from "./pinned-sdk";
import { Callback, Handler, MakeHandler, replaceAnalyzeMaker, replaceServedHandlers, ServedPolicy, ServerModule } from "./served-handlers";

/** Set to "0" to answer Analyze with the SDK's own handler (the plain path). */
export const ANALYZE_HANDLER_SWITCH = "PRODREADY_ANALYZE_HANDLER";

export type AnalyzeHandlerOutcome =
    | { installed: true }
    | { installed: false; reason: string };

type Level = "advisory" | "mandatory" | "remediate" | "disabled";

/** A policy as the handler reads it: makeAnalyzeRpcFun's fields. */
interface Policy extends ServedPolicy {
    description?: string;
    enforcementLevel?: Level;
    severity?: string;
    remediateResource?: unknown;
}

type Report = (message: unknown, urn?: string) => void;
type Validation = (args: object, reportViolation: Report) => unknown;

/** A diagnostic as protoutil's makeAnalyzeResponse reads it. */
interface Diagnostic {
    policyName: string;
    policyPackName: string;
    policyPackVersion: string;
    message: string;
    description?: string;
    enforcementLevel: string;
    urn?: string;
    severity?: string;
}

interface Message {
    getProperties(): object | undefined;
}

interface ResourceOptions {
    getProtect(): boolean;
    getIgnorechangesList(): string[];
    getAliasesList(): string[];
    getAdditionalsecretoutputsList(): string[];
    getDeletebeforereplacedefined(): boolean;
    getDeletebeforereplace(): boolean;
    getParent(): string;
    getCustomtimeouts(): { getCreate(): number; getUpdate(): number; getDelete(): number } | undefined;
}

interface ProviderResource extends Message {
    getType(): string;
    getUrn(): string;
    getName(): string;
}

interface AnalyzeRequest extends Message {
    getType(): string;
    getUrn(): string;
    getName(): string;
    getOptions(): ResourceOptions | undefined;
    getProvider(): ProviderResource | undefined;
}

interface PolicyConfig {
    getProperties(): { toJavaScript(): Record<string, unknown> };
    getEnforcementlevel(): number;
}

interface ConfigureRequest {
    getPolicyconfigMap(): { entries(): Iterable<[string, PolicyConfig]> };
}

/** The SDK's modules the handler is built from, all of the pinned release. */
export interface SdkPieces {
    server: ServerModule;
    deserialize: { deserializeProperties(struct: object, proxySecrets: boolean): Record<string, unknown> };
    proxy: { unknownCheckingProxy<T>(value: T): T; UnknownValueError: new (...args: never[]) => Error };
    policy: { isResourcePolicy(p: object): boolean; getPulumiType(o: unknown): string | undefined };
    protoutil: {
        makeAnalyzeResponse(ds: Diagnostic[], notApplicable: unknown[] | undefined): unknown;
        asGrpcError(e: unknown, message?: string): Error;
        convertEnforcementLevel(level: number): Level;
    };
    proto: { PolicyNotApplicable: new () => { setPolicyName(name: string): void; setReason(reason: string): void } };
}

/** Reads the pinned SDK's modules in `dir`, or says which is not shaped as expected. */
export function sdkPieces(dir: string): SdkPieces | { reason: string } {
    /* eslint-disable @typescript-eslint/no-require-imports */
    const load = (file: string) => require(path.join(dir, file)) as Record<string, unknown>;
    let pieces: Record<string, Record<string, unknown>>;
    try {
        pieces = {
            server: load("server.js"), deserialize: load("deserialize.js"), proxy: load("proxy.js"), policy: load("policy.js"), protoutil: load("protoutil.js"),
            proto: require(require.resolve("@pulumi/pulumi/proto/analyzer_pb", { paths: [dir] })) as Record<string, unknown>,
        };
    } catch (err) {
        return { reason: `@pulumi/policy's modules cannot be loaded: ${err instanceof Error ? err.message : String(err)}` };
    }
    /* eslint-enable @typescript-eslint/no-require-imports */
    const expected: Record<string, string[]> = {
        server: ["makeAnalyzeRpcFun"], deserialize: ["deserializeProperties"], proxy: ["unknownCheckingProxy", "UnknownValueError"],
        policy: ["isResourcePolicy", "getPulumiType"], protoutil: ["makeAnalyzeResponse", "asGrpcError", "convertEnforcementLevel"],
        proto: ["PolicyNotApplicable"],
    };
    for (const [module, names] of Object.entries(expected)) {
        const missing = names.find((name) => typeof pieces[module][name] !== "function");
        if (missing) {
            return { reason: `@pulumi/policy's ${missing} is not the function this pack expects` };
        }
    }
    return pieces as unknown as SdkPieces;
}

/** The SDK's error for `args.notApplicable`; its own class is private to server.js. */
class NotApplicableError extends Error {
    constructor(readonly reason?: string) {
        super(reason ?? "Policy does not apply");
    }
}

function throwNotApplicable(reason?: string): never {
    throw new NotApplicableError(reason);
}

/**
 * What the SDK keeps between requests: the configuration Configure set (read from the same
 * requests the SDK reads) and the stack's tags (asked of the SDK's handler after ConfigureStack).
 */
export class ServingState {
    private config: Record<string, Record<string, unknown>> = {};
    private tags: unknown;

    constructor(private readonly sdk: SdkPieces) {}

    /** After the SDK's Configure succeeded with `request`: what its policyPackConfig now holds. */
    configured(request: ConfigureRequest): void {
        const config: Record<string, Record<string, unknown>> = {};
        for (const [name, value] of request.getPolicyconfigMap().entries()) {
            const props = value.getProperties().toJavaScript();
            props.enforcementLevel = this.sdk.protoutil.convertEnforcementLevel(value.getEnforcementlevel());
            config[name] = props;
        }
        this.config = config;
    }

    /** After the SDK's ConfigureStack succeeded: its tags are asked for again. */
    stackConfigured(): void {
        this.tags = undefined;
    }

    level(name: string): unknown {
        return this.config[name]?.enforcementLevel;
    }

    /** The SDK's getConfig for policy `name`: its configuration without the level, a copy each call. */
    getConfig(name: string): () => Record<string, unknown> {
        return () => {
            const c = this.config[name];
            if (!c) {
                return {};
            }
            const { enforcementLevel: _level, ...properties } = c;
            return properties;
        };
    }

    /**
     * The object the SDK hands policies as `stackTags`, taken from a policy of its own given the
     * request being answered: the first after each ConfigureStack asks.
     */
    stackTags(request: AnalyzeRequest): unknown {
        if (this.tags === undefined) {
            const asking: ServedPolicy & Record<string, unknown> = {
                name: "prodready internal: the stack's tags",
                enforcementLevel: "advisory",
                validateResource: (args: { stackTags: unknown }) => { this.tags = args.stackTags; },
            };
            // The SDK calls the first policy before its first await: the tags are read by now.
            void this.sdk.server.makeAnalyzeRpcFun("prodready", "0.0.0", "advisory", [asking])({ request }, () => undefined);
        }
        return this.tags;
    }
}

/** What every policy judging one resource is handed alike, built on first need as the SDK builds it. */
interface ResourceParts {
    type: string;
    props: unknown;
    urn: string;
    name: string;
    opts: object;
    stackTags: unknown;
    isType(resourceClass: unknown): boolean;
    asType(resourceClass: unknown): unknown;
    provider: object | undefined;
}

function isTypeOf(sdk: SdkPieces, type: string, resourceClass: unknown): boolean {
    const pulumiType = sdk.policy.getPulumiType(resourceClass);
    if (pulumiType) {
        return type === pulumiType;
    }
    const isInstance = (resourceClass as { isInstance?: unknown }).isInstance;
    return Boolean(isInstance) && typeof isInstance === "function" && isInstance({ __pulumiType: type }) === true;
}

/** The SDK's getResourceOptions, frozen. */
function resourceOptions(request: AnalyzeRequest): object {
    const opts = request.getOptions();
    if (!opts) {
        throw new Error("A more recent version of the Pulumi CLI is required. " +
            "To upgrade, see https://www.pulumi.com/docs/get-started/install/");
    }
    const timeouts = opts.getCustomtimeouts();
    const result: Record<string, unknown> = {
        protect: opts.getProtect(),
        ignoreChanges: opts.getIgnorechangesList(),
        aliases: opts.getAliasesList(),
        customTimeouts: Object.freeze({
            createSeconds: timeouts?.getCreate() ?? 0.0,
            updateSeconds: timeouts?.getUpdate() ?? 0.0,
            deleteSeconds: timeouts?.getDelete() ?? 0.0,
        }),
        additionalSecretOutputs: opts.getAdditionalsecretoutputsList(),
    };
    if (opts.getDeletebeforereplacedefined()) {
        result.deleteBeforeReplace = opts.getDeletebeforereplace();
    }
    if (opts.getParent()) {
        result.parent = opts.getParent();
    }
    return Object.freeze(result);
}

/** The SDK's getProviderResource, frozen. */
function providerResource(sdk: SdkPieces, request: AnalyzeRequest): object | undefined {
    const prov = request.getProvider();
    if (!prov) {
        return undefined;
    }
    const props = sdk.proxy.unknownCheckingProxy(sdk.deserialize.deserializeProperties(prov.getProperties()!, false));
    return Object.freeze({ type: prov.getType(), props, urn: prov.getUrn(), name: prov.getName() });
}

/** The parts of one request, built once: the first policy that needs them gets the SDK's error, if any. */
function partsOf(sdk: SdkPieces, state: ServingState, request: AnalyzeRequest, type: string): () => ResourceParts {
    let built: ResourceParts | undefined;
    return () => {
        if (!built) {
            // The SDK's order: properties, their proxy, URN, name, options, then the provider.
            const props = sdk.proxy.unknownCheckingProxy(sdk.deserialize.deserializeProperties(request.getProperties()!, false));
            const urn = request.getUrn();
            const name = request.getName();
            const opts = resourceOptions(request);
            const stackTags = state.stackTags(request);
            const provider = providerResource(sdk, request);
            built = {
                type, props, urn, name, opts, stackTags,
                isType: (resourceClass) => isTypeOf(sdk, type, resourceClass),
                asType: (resourceClass) => (isTypeOf(sdk, type, resourceClass) ? props : undefined),
                provider,
            };
        }
        return built;
    };
}

/** The SDK's makeReportViolationFun. */
function reportTo(ds: Diagnostic[], policyName: string, packName: string, packVersion: string, description: string | undefined, level: string, severity: string | undefined): Report {
    return (message, urn) => {
        if (typeof message === "object") {
            const info = message as Partial<Diagnostic> & { name?: string };
            ds.push({
                policyName: info.name || policyName,
                policyPackName: packName,
                policyPackVersion: packVersion,
                message: (info.message || info.description || description)!,
                urn: info.urn,
                description: info.description || description,
                enforcementLevel: info.enforcementLevel || level,
                severity: info.severity || severity,
            });
        } else {
            let violationMessage = description!;
            if (message) {
                violationMessage += `\n${message}`;
            }
            ds.push({ policyName, policyPackName: packName, policyPackVersion: packVersion, message: violationMessage, urn, description, enforcementLevel: level, severity });
        }
    };
}

function isThenable(value: unknown): value is PromiseLike<unknown> {
    return (typeof value === "object" || typeof value === "function") && value !== null && typeof (value as { then?: unknown }).then === "function";
}

/**
 * Analyze over `policies`, as makeAnalyzeRpcFun(packName, packVersion, packLevel, policies) answers
 * it, with `state` following the SDK's Configure and ConfigureStack.
 */
export function makeAnalyzeHandler(sdk: SdkPieces, state: ServingState, packName: string, packVersion: string, packLevel: string, policies: readonly Policy[]): Handler {
    const served = policies.map((p) => ({
        p,
        getConfig: state.getConfig(p.name),
        policyFrom: `policy '${p.name}' from policy pack '${packName}@v${packVersion}'`,
    }));
    /** The SDK's pushNotApplicable. */
    const pushNotApplicable = (list: unknown[] | undefined, name: string, reason: string | undefined) => {
        const entry = new sdk.proto.PolicyNotApplicable();
        entry.setPolicyName(name);
        if (reason) {
            entry.setReason(reason);
        }
        (list ??= []).push(entry);
        return list;
    };
    const analyze = async (request: AnalyzeRequest, callback: Callback) => {
        const type = request.getType();
        const ds: Diagnostic[] = [];
        let notApplicable: unknown[] | undefined;
        const parts = partsOf(sdk, state, request, type);
        try {
            for (const { p, getConfig, policyFrom } of served) {
                let level = (state.level(p.name) || p.enforcementLevel || packLevel) as string;
                if (level === "disabled" || !sdk.policy.isResourcePolicy(p)) {
                    continue;
                }
                if (!p.validateResource) {
                    notApplicable = pushNotApplicable(notApplicable, p.name, "Policy does not implement validateResource");
                    continue;
                }
                if (level === "remediate") {
                    level = "mandatory";
                }
                if (!Array.isArray(p.validateResource)) {
                    const pulumiType = sdk.policy.getPulumiType(p.validateResource);
                    if (pulumiType && type !== pulumiType) {
                        notApplicable = pushNotApplicable(notApplicable, p.name, `Policy only applies to resources of type '${pulumiType}'`);
                        continue;
                    }
                }
                const reportViolation = reportTo(ds, p.name, packName, packVersion, p.description, level, p.severity);
                const validations = (Array.isArray(p.validateResource) ? p.validateResource : [p.validateResource]) as Validation[];
                for (const validation of validations) {
                    try {
                        const { type, props, urn, name, opts, stackTags, isType, asType, provider } = parts();
                        // The SDK's fields in its order, provider last and only when there is one; two
                        // literals, as an object extended or spread per policy costs more than its call.
                        const args = provider === undefined
                            ? { type, props, urn, name, opts, stackTags, isType, asType, getConfig, notApplicable: throwNotApplicable }
                            : { type, props, urn, name, opts, stackTags, isType, asType, getConfig, notApplicable: throwNotApplicable, provider };
                        const result = validation(args, reportViolation);
                        if (isThenable(result)) {
                            await result;
                        }
                    } catch (e) {
                        if (e instanceof sdk.proxy.UnknownValueError) {
                            const { validateResource: _validate, name, ...diag } = p;
                            ds.push({
                                policyName: name, policyPackName: packName, policyPackVersion: packVersion,
                                message: `can't run ${policyFrom} during preview: ${e.message}`,
                                ...diag, enforcementLevel: "advisory",
                            } as Diagnostic);
                        } else if (e instanceof NotApplicableError) {
                            notApplicable = pushNotApplicable(notApplicable, p.name, e.reason);
                        } else {
                            throw sdk.protoutil.asGrpcError(e, `Error validating resource with ${policyFrom}`);
                        }
                    }
                }
            }
        } catch (err) {
            callback(err, undefined);
            return;
        }
        callback(undefined, sdk.protoutil.makeAnalyzeResponse(ds, notApplicable));
    };
    return (call, callback) => analyze(call.request as AnalyzeRequest, callback);
}

/**
 * Makes the pack's Analyze handlers, the SDK's or type-dispatch.ts's per type, prodready's own.
 * Applies only to the pinned SDK release; any other release, or a module shaped differently, keeps
 * the plain path and says why. Call before the PolicyPack is created.
 */
export function serveAnalyzeHandler(env: NodeJS.ProcessEnv = process.env, sdkDir?: string): AnalyzeHandlerOutcome {
    const sdk = pinnedSdk(env, ANALYZE_HANDLER_SWITCH, "answers Analyze for with a handler of its own, built on", sdkDir);
    if ("reason" in sdk) {
        return { installed: false, reason: sdk.reason };
    }
    const pieces = sdkPieces(sdk.dir);
    if ("reason" in pieces) {
        return { installed: false, reason: pieces.reason };
    }
    const state = new ServingState(pieces);
    const make: MakeHandler = (name, version, level, policies) => makeAnalyzeHandler(pieces, state, name, version, level, policies);
    const outcome = replaceServedHandlers(sdk.dir, "analyze handler", (implementation, pack) => ({
        ...implementation,
        analyze: make(pack.name, pack.version, pack.level, pack.policies),
        configure: (call, callback) => implementation.configure(call, (err, response) => {
            if (!err) {
                state.configured(call.request as ConfigureRequest);
            }
            callback(err, response);
        }),
        configureStack: (call, callback) => implementation.configureStack(call, (err, response) => {
            if (!err) {
                state.stackConfigured();
            }
            callback(err, response);
        }),
    }));
    if ("reason" in outcome) {
        return { installed: false, reason: outcome.reason };
    }
    replaceAnalyzeMaker(pieces.server, make);
    return { installed: true };
}
