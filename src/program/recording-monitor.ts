import { MockMonitor } from "@pulumi/pulumi/runtime/mocks";
import type { InvokeHandler } from "./invokes";
import type { RecordedResource } from "./records";

/* eslint-disable @typescript-eslint/no-require-imports */
const resproto = require("@pulumi/pulumi/proto/resource_pb");
const { Struct } = require("google-protobuf/google/protobuf/struct_pb");

/**
 * A resource monitor for previews without an engine: it records every registration with its raw
 * inputs, options and dependencies, and answers like a preview would: outputs are the inputs (so
 * anything a provider would compute stays unknown) and IDs are unknown.
 */
export class RecordingMonitor extends MockMonitor {
    readonly records: RecordedResource[] = [];
    readonly unansweredInvokes = new Set<string>();

    constructor(private readonly invokes: Record<string, InvokeHandler>, private readonly dryRun: boolean) {
        super({
            newResource: () => ({ id: undefined, state: {} }),
            call: (args) => this.answer(args.token, args.inputs),
        });
    }

    private answer(token: string, inputs: Record<string, any>): Record<string, unknown> {
        const handler = this.invokes[token];
        if (!handler) {
            this.unansweredInvokes.add(token);
            return {};
        }
        return handler(inputs);
    }

    async registerResource(req: any, callback: (err: any, response?: any) => void): Promise<void> {
        try {
            const type: string = req.getType();
            const name: string = req.getName();
            const parent: string = req.getParent();
            const custom: boolean = req.getCustom();
            const urn: string = (this as any).newUrn(parent, type, name);
            const inputs: Record<string, unknown> = req.getObject()?.toJavaScript() ?? {};
            const id = custom && !this.dryRun ? `${name}-id` : "";
            const propertyDependencies: Record<string, string[]> = {};
            req.getPropertydependenciesMap().forEach((deps: any, key: string) => {
                propertyDependencies[key] = deps.getUrnsList();
            });
            const timeouts = req.getCustomtimeouts();
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
                    aliases: req.getAliasesList().map((a: any) => a.getUrn?.() || "").filter(Boolean),
                    customTimeouts: {
                        create: timeouts?.getCreate() ?? "",
                        update: timeouts?.getUpdate() ?? "",
                        delete: timeouts?.getDelete() ?? "",
                    },
                },
            });
            (this as any).resources.set(urn, { urn, id: id || null, state: inputs });
            const response = new resproto.RegisterResourceResponse();
            response.setUrn(urn);
            response.setId(id);
            response.setObject(Struct.fromJavaScript(custom ? inputs : {}));
            callback(null, response);
        } catch (err) {
            callback(err);
        }
    }
}
