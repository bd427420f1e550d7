// The pack's Analyzer handlers kept in the calling process instead of served on a socket: the SDK's
// PolicyPack registers its handlers on a gRPC server and binds it; here the registration is kept
// and nothing listens. For rendered manifests, where the CLI calls the handlers directly.
import * as fs from "fs";
import * as path from "path";
import { pinnedRelease, sdkDirectory } from "./pinned-sdk";
import type { MakeHandler } from "./served-handlers";
import { DispatchedPolicy, policiesJudging } from "./type-dispatch";

export type Callback = (err: unknown, response?: unknown) => void;
export type Handler = (call: { request: unknown }, callback: Callback) => void;

interface SdkServer {
    makeAnalyzeRpcFun: MakeHandler;
}

export interface PackInProcess {
    /** The SDK's handlers by method name (configure, analyzeStack, ...). */
    handlers: Record<string, Handler>;
    /** The Analyze handler for resources of one type, over only the policies that may judge it (the pack's own handler where it applies). */
    analyzeFor(type: string): Handler;
    /** Who builds the Analyze handlers: the pack's own maker (analyze-handler.ts), or the SDK's where that does not apply. */
    analyzeHandlers: "the pack's" | "the SDK's";
}

/** Starts the prodready pack in `packDir` in this process, or says why it cannot be. */
export function startPackInProcess(packDir: string): PackInProcess | { reason: string } {
    let sdkDir: string;
    try {
        sdkDir = sdkDirectory(packDir);
    } catch {
        return { reason: `the policy pack in ${packDir} has no @pulumi/policy installed` };
    }
    const sdk = pinnedRelease("is served in process with", sdkDir);
    if ("reason" in sdk) {
        return sdk;
    }
    const packEntry = path.join(packDir, "bin", "pack.js");
    if (!fs.existsSync(packEntry)) {
        return { reason: `${packDir} is not the prodready pack (no bin/pack.js)` };
    }
    /* eslint-disable @typescript-eslint/no-require-imports */
    // As the pack's entry does, before the SDK loads: the closure serializer's heavy modules wait for a use that never comes.
    (require(path.join(packDir, "bin", "serving", "lazy-closure-modules.js")) as { deferClosureModules(): unknown }).deferClosureModules();
    const grpc = require(require.resolve("@grpc/grpc-js", { paths: [sdkDir] })) as { Server: { prototype: Record<string, unknown> } };
    const server = require(path.join(sdkDir, "server.js")) as SdkServer;
    const proto = grpc.Server.prototype;
    const { addService, bindAsync } = proto;
    let handlers: Record<string, Handler> | undefined;
    const cwd = process.cwd();
    let pack: { name: string; policies: readonly DispatchedPolicy[] };
    proto.addService = function (_service: unknown, implementation: Record<string, Handler>) { handlers = implementation; };
    proto.bindAsync = function () { /* served in process: no socket */ };
    try {
        // The pack reads its version from package.json in the working directory.
        process.chdir(packDir);
        const { startPack } = require(packEntry) as { startPack: () => { name: string; policies: readonly DispatchedPolicy[] } };
        pack = startPack();
    } finally {
        process.chdir(cwd);
        proto.addService = addService;
        proto.bindAsync = bindAsync;
    }
    // The maker the pack registered lives in the pack's own copy of served-handlers (bin/serving),
    // which is not this module's when the CLI runs from its build or its sources.
    const { analyzeMaker } = require(path.join(packDir, "bin", "serving", "served-handlers.js")) as { analyzeMaker(server: SdkServer): MakeHandler };
    const makeAnalyze = analyzeMaker(server);
    /* eslint-enable @typescript-eslint/no-require-imports */
    if (!handlers) {
        return { reason: "the policy pack registered no Analyzer handlers" };
    }
    const packVersion = String((JSON.parse(fs.readFileSync(path.join(packDir, "package.json"), "utf8")) as { version?: unknown }).version);
    const perType = new Map<string, Handler>();
    const analyzeFor = (type: string): Handler => {
        let handler = perType.get(type);
        if (!handler) {
            // PolicyPack's own default level: the pack declares none.
            handler = makeAnalyze(pack.name, packVersion, "advisory", policiesJudging(pack.policies, type)) as Handler;
            perType.set(type, handler);
        }
        return handler;
    };
    return { handlers, analyzeFor, analyzeHandlers: makeAnalyze === server.makeAnalyzeRpcFun ? "the SDK's" : "the pack's" };
}
