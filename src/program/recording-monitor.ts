import { DeclarationSite, declarationSite } from "./declaration-site";
import { SECRET_SIG, SIG_KEY } from "../analyzer/wire";
import type { InvokeHandler } from "./invokes";
import type { RecordedResource } from "./records";

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

/** Replaces secret wrappers by their values, so invoke answers can read plain inputs. */
function unwrapSecrets(value: unknown): unknown {
    if (Array.isArray(value)) {
        return value.map(unwrapSecrets);
    }
    if (value !== null && typeof value === "object") {
        const record = value as Record<string, unknown>;
        if (record[SIG_KEY] === SECRET_SIG) {
            return unwrapSecrets(record.value);
        }
        return Object.fromEntries(Object.entries(record).map(([k, v]) => [k, unwrapSecrets(v)]));
    }
    return value;
}

/** Serves one unary handler, turning a thrown error into a gRPC error instead of a crash. */
function unary(handler: (request: any) => unknown): (call: UnaryCall, callback: Callback) => void {
    return (call, callback) => {
        try {
            callback(null, handler(call.request));
        } catch (err) {
            callback(err as Error);
        }
    };
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
    private readonly sources = new Map<string, DeclarationSite>();
    private readonly states = new Map<string, { urn: string; id: string | null; state: Record<string, unknown> }>();

    constructor(
        private readonly invokes: Record<string, InvokeHandler>,
        private readonly project: string,
        private readonly stack: string,
        /** Told the number of resources recorded after each registration. */
        private readonly onRecorded?: (count: number) => void,
    ) {}

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

    private answer(token: string, inputs: Record<string, any>): Record<string, unknown> {
        if (token === "pulumi:pulumi:getResource") {
            const known = this.states.get(String(inputs.urn));
            if (!known) {
                throw new Error(`unknown resource ${inputs.urn}`);
            }
            return known;
        }
        const handler = this.invokes[token];
        if (!handler) {
            this.unansweredInvokes.add(token);
            return {};
        }
        // Through JSON, as the wire would: undefined fields are dropped instead of failing the encoding.
        return JSON.parse(JSON.stringify(handler(inputs) ?? {}));
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
        // A registration from a callback has no user frame: it is declared where its parent is.
        const source = declarationSite(req) ?? (parent ? this.sources.get(parent) : undefined);
        if (source) {
            this.sources.set(urn, source);
        }
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
        });
        this.onRecorded?.(this.records.length);
        // A preview knows no IDs: the engine answers "" for a resource it would create.
        const id = "";
        this.states.set(urn, { urn, id: custom ? id : null, state: inputs });
        return { urn, id, inputs, custom };
    }

    /** The gRPC implementation of pulumirpc.ResourceMonitor. */
    service(): Record<string, (call: any, callback: Callback) => void> {
        return {
            supportsFeature: unary((req) => {
                const response = new resproto.SupportsFeatureResponse();
                response.setHassupport(SUPPORTED_FEATURES.has(req.getId()));
                return response;
            }),
            registerResource: unary((req) => {
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
                const state: Record<string, unknown> = req.getProperties()?.toJavaScript() ?? {};
                this.states.set(urn, { urn, id: req.getId() || null, state });
                const response = new resproto.ReadResourceResponse();
                response.setUrn(urn);
                response.setProperties(Struct.fromJavaScript(state));
                return response;
            }),
            invoke: unary((req) => {
                const inputs = unwrapSecrets(req.getArgs()?.toJavaScript() ?? {}) as Record<string, any>;
                const response = new provproto.InvokeResponse();
                response.setReturn(Struct.fromJavaScript(this.answer(req.getTok(), inputs)));
                return response;
            }),
            call: unary((req) => {
                const inputs = unwrapSecrets(req.getArgs()?.toJavaScript() ?? {}) as Record<string, any>;
                const response = new provproto.CallResponse();
                response.setReturn(Struct.fromJavaScript(this.answer(req.getTok(), inputs)));
                return response;
            }),
            // Every registration is answered before its call returns, so there is nothing left to wait for.
            signalAndWaitForShutdown: unary(() => new Empty()),
        };
    }
}
