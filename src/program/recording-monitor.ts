import { minimatch } from "minimatch";
import { DeclarationSite, declarationSite } from "./declaration-site";
import { UNKNOWN, unwrapSecrets } from "../values";
import type { InvokeHandler } from "./invokes";
import { answersFunctionsLocally, packageOf, ProviderPlugins, ProviderSettings } from "./provider-plugins";
import type { RecordedResource, UnexpandedComponent } from "./records";
import { constructRequest, providerReference } from "./remote-components";
import { functionStandIn, resourceStandIns, StandInContext } from "./stand-ins";
import { LastState, stepOf } from "../state/steps";

/** The AWS account stand-in ARNs name: the one AWS's documentation uses. */
const STAND_IN_ACCOUNT = "123456789012";

/* eslint-disable @typescript-eslint/no-require-imports */
const resproto = require("@pulumi/pulumi/proto/resource_pb");
const provproto = require("@pulumi/pulumi/proto/provider_pb");
const { Empty } = require("google-protobuf/google/protobuf/empty_pb");
const { Struct } = require("google-protobuf/google/protobuf/struct_pb");


/**
 * The monitor features this implementation honours, answered to the SDK's SupportsFeature. Secrets and
 * resource references pass through to the records unchanged; alias specs, deletedWith and replaceWith
 * are accepted and recorded. Everything that would need a call back into the program (transforms,
 * hooks) or a provider (parameterized packages) is not implemented, and output values are declined so
 * inputs arrive as plain values with unknown and secret sentinels, the form the analyzer forwards.
 */
const SUPPORTED_FEATURES = new Set(["secrets", "resourceReferences", "aliasSpecs", "deletedWith", "replaceWith"]);

type Callback = (err: Error | null, response?: unknown) => void;
type UnaryCall = { request: any };

/** Serves one unary handler, turning a thrown error or a rejection into a gRPC error instead of a crash. */
function unary(handler: (request: any) => unknown): (call: UnaryCall, callback: Callback) => void {
    return (call, callback) => {
        Promise.resolve()
            .then(() => handler(call.request))
            .then((response) => callback(null, response), (err) => callback(err as Error));
    };
}

/** A provider's config keys as the engine passes them: strings as they are, anything else as JSON. */
function providerConfig(values: Record<string, unknown>): Record<string, string> {
    const config: Record<string, string> = {};
    for (const [key, value] of Object.entries(unwrapSecrets(values) as Record<string, unknown>)) {
        if (key !== "version" && key !== "pluginDownloadURL" && value !== undefined && value !== null) {
            config[key] = typeof value === "string" ? value : JSON.stringify(value);
        }
    }
    return config;
}

/** What the monitor needs beyond the registrations: the run's config and where providers run. */
export interface MonitorSettings {
    /** The stack config, `pkg:key` to string. */
    config: Record<string, string>;
    secretKeys: string[];
    /** The program's directory: providers run there, as the engine runs them. */
    cwd: string;
    /** Component types (globs) a platform accepts unexpanded and unjudged when their plugin is missing. */
    allowUnexpanded?: readonly string[];
    /**
     * The stack's last state (`--state`): a resource deployed with the same inputs keeps its ID and
     * outputs, as under `pulumi preview` of an update, and every resource gets its step.
     */
    lastState?: LastState;
}

/**
 * The resource monitor of a preview without an engine, served over gRPC to the program's own SDK. It
 * records every registration with its raw inputs, options and dependencies, and answers like a
 * preview: a custom resource's outputs are its inputs with an empty ID, so anything a provider would
 * compute stays unknown to the program.
 */
export class RecordingMonitor {
    readonly records: RecordedResource[] = [];
    readonly unansweredInvokes = new Set<string>();
    /** Remote components no plugin could construct. */
    readonly unexpanded: UnexpandedComponent[] = [];
    /** What stopped the run from seeing everything the program declares, one line each, in order. */
    readonly problems: string[] = [];
    /** Provider functions answered with stand-in values of their result type. */
    readonly standInFunctions = new Set<string>();
    /** Resources whose ID and computed outputs the program was given as stand-ins, by URN. */
    readonly standIns = new Set<string>();
    private readonly sources = new Map<string, DeclarationSite>();
    private readonly states = new Map<string, { urn: string; id: string | null; state: Record<string, unknown> }>();
    private readonly plugins: ProviderPlugins;
    /** Components whose provider is constructing them now, by URN. */
    private readonly constructing = new Set<string>();
    /** What providers registered while constructing components: the components and their children. */
    private readonly constructed = new Set<string>();
    private address = "";

    constructor(
        private readonly invokes: Record<string, InvokeHandler>,
        private readonly project: string,
        private readonly stack: string,
        /** Told the number of resources recorded after each registration. */
        private readonly onRecorded?: (count: number) => void,
        private readonly settings: MonitorSettings = { config: {}, secretKeys: [], cwd: process.cwd() },
    ) {
        this.plugins = new ProviderPlugins(() => this.address, settings.cwd);
    }

    /** The address this monitor and the engine service are served at, for the providers it starts. */
    servedAt(address: string): void {
        this.address = address;
    }

    /** Ends the provider plugins the run started. */
    close(): void {
        this.plugins.close();
    }

    /** The default provider of a package, started and configured as the engine would; undefined without a plugin. */
    providerInstance(pkg: string, version?: string): ReturnType<ProviderPlugins["instance"]> {
        return this.plugins.instance(pkg, version, this.providerSettings(pkg, undefined));
    }

    /** A provider's settings: an explicit provider resource's inputs, else the stack's `<pkg>:*` config. */
    private providerSettings(pkg: string, reference: string | undefined): ProviderSettings {
        if (reference) {
            const urn = reference.split("::").slice(0, -1).join("::");
            const known = this.states.get(urn);
            return { urn, name: urn.split("::").pop(), config: providerConfig(known?.state ?? {}) };
        }
        const prefix = `${pkg}:`;
        const stackConfig = Object.fromEntries(Object.entries(this.settings.config)
            .filter(([key]) => key.startsWith(prefix))
            .map(([key, value]) => [key.slice(prefix.length), value]));
        return { config: stackConfig };
    }

    /**
     * The URN the engine gives a resource (resource.NewURN): the type is qualified by its parent's
     * whole qualified type, except under the stack itself, whose type is left out.
     */
    urn(parent: string, type: string, name: string): string {
        let qualified = type;
        const parentType = parent ? parent.split("::")[2] ?? "" : "";
        if (parentType && parentType !== "pulumi:pulumi:Stack") {
            qualified = `${parentType}$${type}`;
        }
        return `urn:pulumi:${this.stack}::${this.project}::${qualified}::${name}`;
    }

    /**
     * Answers a provider function: prodready's own answer where it has one, else the provider plugin
     * for a package whose functions run locally (a Helm chart's rendering, a kustomize build). A
     * function nobody can answer fails the run: an empty answer is not an answer.
     */
    private async answer(token: string, inputs: Record<string, any>, reference: string | undefined, version: string | undefined): Promise<Record<string, unknown>> {
        if (token === "pulumi:pulumi:getResource") {
            const known = this.states.get(String(inputs.urn));
            if (!known) {
                throw new Error(`unknown resource ${inputs.urn}`);
            }
            return known;
        }
        const handler = this.invokes[token];
        if (handler) {
            // Through JSON, as the wire would: undefined fields are dropped instead of failing the encoding.
            return JSON.parse(JSON.stringify(handler(inputs) ?? {}));
        }
        const pkg = packageOf(token);
        const local = answersFunctionsLocally(pkg);
        const plugin = local ? this.plugins.instance(pkg, version, this.providerSettings(pkg, reference)) : undefined;
        if (plugin) {
            try {
                return await (await plugin).invoke(token, inputs);
            } catch (err) {
                throw this.fail(`${token} failed in the ${pkg} provider plugin: ${(err as Error).message.split("\n")[0]}`);
            }
        }
        // A cloud lookup gets a value of its result type, made up from its arguments, and is reported.
        const standIn = local ? undefined : functionStandIn(token, inputs, this.standInContext());
        if (standIn) {
            this.standInFunctions.add(token);
            return JSON.parse(JSON.stringify(standIn));
        }
        this.unansweredInvokes.add(token);
        const how = answersFunctionsLocally(pkg)
            ? `it runs in the ${pkg} provider plugin, which was not found (pulumi plugin install resource ${pkg}${version ? ` ${version}` : ""})`
            : "it needs the cloud, which the embedded preview does not reach";
        throw this.fail(`the program calls ${token}, which the embedded preview cannot answer: ${how}; or run pulumi preview --policy-pack and prodready report`);
    }

    /** Keeps the first cause of a failed run and hands the program an error with the same words. */
    private fail(line: string): Error {
        this.problems.push(line);
        return new Error(line);
    }

    /**
     * Constructs a remote component through its provider plugin, as the engine does: the provider
     * registers the component and its children on this monitor, and its answer is the component's.
     * Without a plugin the component is recorded as it is, and the run fails unless it is allowed.
     */
    private async construct(req: any): Promise<{ urn: string; state: unknown }> {
        const type: string = req.getType();
        const pkg = packageOf(type);
        const version: string | undefined = req.getVersion() || undefined;
        const urn = this.urn(req.getParent(), type, req.getName());
        const source = this.constructed.has(req.getParent())
            ? this.sources.get(req.getParent())
            : declarationSite(req) ?? (req.getParent() ? this.sources.get(req.getParent()) : undefined);
        if (source) {
            this.sources.set(urn, source);
        }
        const settings = this.providerSettings(pkg, providerReference(req, pkg));
        // A provider configured from a value nobody knows before `up` would build other children than the engine's.
        const unknownSetting = Object.keys(settings.config).find((key) => settings.config[key].includes(UNKNOWN));
        const plugin = unknownSetting === undefined ? this.plugins.instance(pkg, version, settings) : undefined;
        if (!plugin) {
            const recorded = this.record(req);
            const allowed = (this.settings.allowUnexpanded ?? []).some((glob) => minimatch(type, glob));
            const install = `pulumi plugin install resource ${pkg}${version ? ` ${version}` : ""}`;
            const [reason, fix] = unknownSetting !== undefined
                ? [`its provider's ${unknownSetting} is unknown during preview`, "set it from a value known before pulumi up"]
                : [`its provider builds its children, and the ${pkg} provider plugin${version ? ` ${version}` : ""} was not found`, `install it (${install})`];
            this.unexpanded.push({ type, name: req.getName(), urn, reason, allowed });
            if (!allowed) {
                this.problems.push(`${type} "${req.getName()}" is a component whose children prodready cannot see: ${reason}; ${fix}, run pulumi preview --policy-pack, or accept it unjudged with --allow-unexpanded '${type}'`);
            }
            return { urn: recorded.urn, state: recorded.inputs };
        }
        this.constructing.add(urn);
        try {
            const instance = await plugin;
            const response = await instance.construct(constructRequest(req, {
                project: this.project,
                stack: this.stack,
                organization: "organization",
                config: this.settings.config,
                secretKeys: this.settings.secretKeys,
                monitorAddress: this.address,
            }));
            return { urn: response.getUrn(), state: response.getState()?.toJavaScript() ?? {} };
        } catch (err) {
            throw this.fail(`${type} "${req.getName()}" could not be constructed by the ${pkg} provider plugin: ${(err as Error).message.split("\n")[0]}`);
        } finally {
            this.constructing.delete(urn);
        }
    }

    private record(req: any): { urn: string; id: string; inputs: Record<string, unknown>; custom: boolean } {
        const type: string = req.getType();
        const name: string = req.getName();
        const parent: string = req.getParent();
        const custom: boolean = req.getCustom();
        const urn = this.urn(parent, type, name);
        const inputs: Record<string, unknown> = req.getObject()?.toJavaScript() ?? {};
        const propertyDependencies: Record<string, string[]> = {};
        req.getPropertydependenciesMap().forEach((deps: any, key: string) => {
            propertyDependencies[key] = deps.getUrnsList();
        });
        const timeouts = req.getCustomtimeouts();
        // What a provider registers while it constructs a component is declared where the program
        // declares the component (its own frames are the provider's code); a registration from a
        // callback has no user frame either: it is declared where its parent is.
        const constructed = this.constructing.has(urn) || this.constructed.has(parent);
        if (constructed) {
            this.constructed.add(urn);
        }
        const source = constructed
            ? this.sources.get(urn) ?? this.sources.get(parent)
            : declarationSite(req) ?? (parent ? this.sources.get(parent) : undefined);
        if (source) {
            this.sources.set(urn, source);
        }
        const deployed = this.settings.lastState?.take(urn);
        const step = this.settings.lastState ? stepOf(type, inputs, deployed) : undefined;
        this.records.push({
            urn,
            type,
            name,
            custom,
            parent: parent || undefined,
            provider: req.getProvider() || undefined,
            version: req.getVersion() || undefined,
            remote: req.getRemote(),
            inputs,
            dependencies: req.getDependenciesList(),
            propertyDependencies,
            options: {
                protect: req.hasProtect() ? req.getProtect() : false,
                ignoreChanges: req.getIgnorechangesList(),
                deleteBeforeReplace: req.getDeletebeforereplace(),
                deleteBeforeReplaceDefined: req.getDeletebeforereplacedefined(),
                additionalSecretOutputs: req.getAdditionalsecretoutputsList(),
                aliases: [
                    ...req.getAliasurnsList(),
                    ...req.getAliasesList().map((a: any) => (a.hasUrn?.() ? a.getUrn() : "")).filter(Boolean),
                ],
                customTimeouts: {
                    create: timeouts?.getCreate() ?? "",
                    update: timeouts?.getUpdate() ?? "",
                    delete: timeouts?.getDelete() ?? "",
                },
                ...(req.getDeletedwith() ? { deletedWith: req.getDeletedwith() } : {}),
            },
            ...(source ? { source } : {}),
            ...(step ? { step } : {}),
        });
        this.onRecorded?.(this.records.length);
        // Deployed and updated in place, it keeps its ID and what its provider computed (ARNs, IDs),
        // as the engine previews an update; the inputs are the program's.
        if (deployed && custom && (step === "same" || step === "update")) {
            const outputs = { ...deployed.outputs, ...inputs };
            this.states.set(urn, { urn, id: deployed.id ?? "", state: outputs });
            return { urn, id: deployed.id ?? "", inputs: outputs, custom };
        }
        // What `pulumi up` would know once the resource exists: its ID and the outputs its provider
        // computes, as stand-ins, so what the program builds from them is judged (docs/architecture.md).
        const standIn = custom && !type.startsWith("pulumi:") ? resourceStandIns(type, name, inputs, this.standInContext()) : undefined;
        if (standIn) {
            this.standIns.add(urn);
        }
        const id = standIn?.id ?? "";
        const outputs = standIn ? { ...inputs, ...standIn.outputs } : inputs;
        this.states.set(urn, { urn, id: custom ? id : null, state: outputs });
        return { urn, id, inputs: outputs, custom };
    }

    /** The region and account stand-in values are made for: the stack's AWS config, else the defaults. */
    private standInContext(): StandInContext {
        return { region: this.settings.config["aws:region"] || "us-east-1", accountId: STAND_IN_ACCOUNT };
    }

    /** The gRPC implementation of pulumirpc.ResourceMonitor. */
    service(): Record<string, (call: any, callback: Callback) => void> {
        return {
            supportsFeature: unary((req) => {
                const response = new resproto.SupportsFeatureResponse();
                response.setHassupport(SUPPORTED_FEATURES.has(req.getId()));
                return response;
            }),
            registerResource: unary(async (req) => {
                if (req.getRemote() && !req.getCustom()) {
                    const { urn, state } = await this.construct(req);
                    const response = new resproto.RegisterResourceResponse();
                    response.setUrn(urn);
                    response.setId("");
                    response.setObject(Struct.fromJavaScript(state));
                    return response;
                }
                const { urn, id, inputs, custom } = this.record(req);
                const response = new resproto.RegisterResourceResponse();
                response.setUrn(urn);
                response.setId(id);
                response.setObject(Struct.fromJavaScript(custom ? inputs : {}));
                return response;
            }),
            registerResourceOutputs: unary(() => new Empty()),
            readResource: unary((req) => {
                // A read resource exists already; the policies judge what the program creates.
                const urn = this.urn(req.getParent(), req.getType(), req.getName());
                // What the stack's last state read of the same object stands for the provider's Read.
                const deployed = this.settings.lastState?.take(urn);
                const read = deployed && deployed.id === req.getId() ? deployed.outputs : {};
                const state: Record<string, unknown> = { ...read, ...req.getProperties()?.toJavaScript() };
                this.states.set(urn, { urn, id: req.getId() || null, state });
                const response = new resproto.ReadResourceResponse();
                response.setUrn(urn);
                response.setProperties(Struct.fromJavaScript(state));
                return response;
            }),
            invoke: unary(async (req) => {
                const inputs = unwrapSecrets(req.getArgs()?.toJavaScript() ?? {}) as Record<string, any>;
                const response = new provproto.InvokeResponse();
                response.setReturn(Struct.fromJavaScript(await this.answer(req.getTok(), inputs, req.getProvider() || undefined, req.getVersion() || undefined)));
                return response;
            }),
            call: unary(async (req) => {
                const inputs = unwrapSecrets(req.getArgs()?.toJavaScript() ?? {}) as Record<string, any>;
                const response = new provproto.CallResponse();
                response.setReturn(Struct.fromJavaScript(await this.answer(req.getTok(), inputs, req.getProvider() || undefined, req.getVersion() || undefined)));
                return response;
            }),
            // Every registration is answered before its call returns, so there is nothing left to wait for.
            signalAndWaitForShutdown: unary(() => new Empty()),
        };
    }
}
