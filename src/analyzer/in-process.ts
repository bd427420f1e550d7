// The prodready pack served inside this process: the SDK's own Analyzer handlers (configure,
// Analyze, AnalyzeStack, ...) called with the same request messages the gRPC client sends, without
// a child process or a socket. Only for rendered manifests, where nothing is unknown and the pack
// is ours; previews keep the real protocol. tests/analyzer/in-process.test.ts holds both paths to
// the same verdicts.
import * as fs from "fs";
import * as path from "path";
import type { AnalyzerHost } from "./host";
import { SHARED_PROPERTIES_SDK_VERSION as PINNED_SDK_VERSION, sdkVersion } from "../../policies/lib/shared-properties";


export class InProcessUnavailable extends Error {
    constructor(message: string) {
        super(message);
        this.name = "InProcessUnavailable";
    }
}

type Callback = (err: unknown, response?: unknown) => void;
type Handler = (call: { request: unknown }, callback: Callback) => void;
type Handlers = Record<string, Handler>;

interface ServedPolicy {
    name: string;
    validateResource?: unknown;
    validateStack?: unknown;
    resourceTypes?: readonly string[];
    appliesTo?: unknown;
}

interface SdkServer {
    makeAnalyzeRpcFun(packName: string, packVersion: string, level: string, policies: readonly ServedPolicy[]): Handler;
}

interface Served {
    handlers: Handlers;
    analyzeFor(type: string): Handler;
}

/** One pack per process: the SDK serves a single pack and keeps its configuration in module state. */
const served = new Map<string, Served>();
let servedDir: string | undefined;

function sdkDirectory(packDir: string): string {
    try {
        return path.dirname(require.resolve("@pulumi/policy/package.json", { paths: [packDir] }));
    } catch {
        throw new InProcessUnavailable(`the policy pack in ${packDir} has no @pulumi/policy installed`);
    }
}

function readJson(file: string): Record<string, unknown> {
    return JSON.parse(fs.readFileSync(file, "utf8")) as Record<string, unknown>;
}

/**
 * Policies that cannot judge a type are left out of that type's Analyze handler. A prodready policy
 * with `resourceTypes` and no `appliesTo` returns at once for other types (policies/lib/define.ts),
 * and the SDK's single-type answer for them is dropped from reports, so leaving it out changes no
 * verdict; it only saves the SDK's per-policy setup for every resource.
 */
export function policiesForType(policies: readonly ServedPolicy[], type: string): ServedPolicy[] {
    return policies.filter((p) => p.validateResource !== undefined
        && (p.appliesTo !== undefined || !Array.isArray(p.resourceTypes) || p.resourceTypes.includes(type)));
}

function serve(packDir: string): Served {
    const sdkDir = sdkDirectory(packDir);
    const version = sdkVersion(sdkDir);
    if (version !== PINNED_SDK_VERSION) {
        throw new InProcessUnavailable(`@pulumi/policy is ${version}, not the ${PINNED_SDK_VERSION} the in-process analyzer is written for`);
    }
    const packEntry = path.join(packDir, "bin", "pack.js");
    if (!fs.existsSync(packEntry)) {
        throw new InProcessUnavailable(`${packDir} is not the prodready pack (no bin/pack.js)`);
    }
    /* eslint-disable @typescript-eslint/no-require-imports */
    const grpc = require(require.resolve("@grpc/grpc-js", { paths: [sdkDir] })) as { Server: { prototype: Record<string, unknown> } };
    const server = require(path.join(sdkDir, "server.js")) as SdkServer;
    const proto = grpc.Server.prototype;
    const { addService, bindAsync } = proto;
    let handlers: Handlers | undefined;
    const cwd = process.cwd();
    let pack: { name: string; policies: readonly ServedPolicy[] };
    // The SDK's PolicyPack registers its handlers on a gRPC server and binds it; here the handlers
    // are kept and nothing listens. The pack reads its version from package.json in the working directory.
    proto.addService = function (_service: unknown, implementation: Handlers) { handlers = implementation; };
    proto.bindAsync = function () { /* served in process: no socket */ };
    try {
        process.chdir(packDir);
        const { startPack } = require(packEntry) as { startPack: () => { name: string; policies: readonly ServedPolicy[] } };
        pack = startPack();
    } finally {
        process.chdir(cwd);
        proto.addService = addService;
        proto.bindAsync = bindAsync;
    }
    /* eslint-enable @typescript-eslint/no-require-imports */
    if (!handlers) {
        throw new InProcessUnavailable("the policy pack registered no Analyzer handlers");
    }
    const packVersion = String(readJson(path.join(packDir, "package.json")).version);
    // PolicyPack's own default level: the pack declares none.
    const perType = new Map<string, Handler>();
    const analyzeFor = (type: string): Handler => {
        let handler = perType.get(type);
        if (!handler) {
            handler = server.makeAnalyzeRpcFun(pack.name, packVersion, "advisory", policiesForType(pack.policies, type));
            perType.set(type, handler);
        }
        return handler;
    };
    return { handlers, analyzeFor };
}

/** A queue that runs one analysis at a time: the SDK keeps one configuration per process. */
function exclusive(): <T>(work: () => Promise<T>) => Promise<T> {
    let tail: Promise<unknown> = Promise.resolve();
    return <T>(work: () => Promise<T>): Promise<T> => {
        const result = tail.then(work, work);
        tail = result.catch(() => undefined);
        return result;
    };
}

const oneAtATime = exclusive();

/**
 * The prodready pack in this process, as an AnalyzerHost whose client calls the SDK's handlers.
 * Throws InProcessUnavailable for another pack or SDK release: the caller then starts the pack as
 * a process.
 */
export function startInProcessAnalyzer(packDir: string): AnalyzerHost {
    const dir = fs.realpathSync(path.resolve(packDir));
    if (servedDir !== undefined && servedDir !== dir) {
        throw new InProcessUnavailable(`this process already serves the pack in ${servedDir}`);
    }
    const started = process.hrtime.bigint();
    let pack = served.get(dir);
    if (!pack) {
        pack = serve(dir);
        served.set(dir, pack);
        servedDir = dir;
    }
    const { handlers, analyzeFor } = pack;
    const relay = (handler: Handler) => (request: unknown, callback: Callback) => {
        try {
            handler({ request }, callback);
        } catch (err) {
            callback(err);
        }
    };
    const client: Record<string, unknown> = {
        getPluginInfo: relay(handlers.getPluginInfo),
        getAnalyzerInfo: relay(handlers.getAnalyzerInfo),
        configure: relay(handlers.configure),
        configureStack: relay(handlers.configureStack),
        analyzeStack: relay(handlers.analyzeStack),
        analyze: (request: { getType(): string }, callback: Callback) => relay(analyzeFor(request.getType()))(request, callback),
        close: () => undefined,
    };
    return {
        client,
        process: undefined,
        startMillis: Number(process.hrtime.bigint() - started) / 1e6,
        stderr: () => "",
        stop: async () => undefined,
        exclusive: oneAtATime,
    };
}
