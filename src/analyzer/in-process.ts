// The prodready pack served inside this process: the SDK's own Analyzer handlers (configure,
// Analyze, AnalyzeStack, ...) called with the same request messages the gRPC client sends, without
// a child process or a socket (policies/serving/in-process.ts keeps them). Only for rendered
// manifests, where nothing is unknown and the pack is ours; previews keep the real protocol.
// tests/analyzer/in-process.test.ts holds both paths to the same verdicts.
import * as fs from "fs";
import * as path from "path";
import { AnalyzerConnection, AnalyzerHost, analyzerConnection } from "./host";
import { PackInProcess, startPackInProcess } from "../../policies/serving/in-process";

export class InProcessUnavailable extends Error {
    constructor(message: string) {
        super(message);
        this.name = "InProcessUnavailable";
    }
}

/** One pack per process: the SDK serves a single pack and keeps its configuration in module state. */
const served = new Map<string, PackInProcess>();
let servedDir: string | undefined;

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

/** The prodready pack served in this process, started on first use; throws InProcessUnavailable as startInProcessAnalyzer does. */
export function packInProcess(packDir: string): PackInProcess {
    const dir = fs.realpathSync(path.resolve(packDir));
    if (servedDir !== undefined && servedDir !== dir) {
        throw new InProcessUnavailable(`this process already serves the pack in ${servedDir}`);
    }
    let pack = served.get(dir);
    if (!pack) {
        const kept = startPackInProcess(dir);
        if ("reason" in kept) {
            throw new InProcessUnavailable(kept.reason);
        }
        pack = kept;
        served.set(dir, pack);
        servedDir = dir;
    }
    return pack;
}

/** One connection per pack served here, so what a connection keeps (its pack's description) is kept once. */
const connections = new WeakMap<PackInProcess, AnalyzerConnection>();

function connectionTo(pack: PackInProcess): AnalyzerConnection {
    let connection = connections.get(pack);
    if (!connection) {
        const { handlers, analyzeFor } = pack;
        connection = analyzerConnection((method, request, callback) => {
            const handler = method === "analyze" ? analyzeFor((request as { getType(): string }).getType()) : handlers[method];
            try {
                handler({ request }, callback);
            } catch (err) {
                callback(err);
            }
        });
        connections.set(pack, connection);
    }
    return connection;
}

/**
 * The prodready pack in this process, as an AnalyzerHost whose client calls the SDK's handlers.
 * Throws InProcessUnavailable for another pack or SDK release: the caller then starts the pack as
 * a process.
 */
export function startInProcessAnalyzer(packDir: string): AnalyzerHost {
    const started = process.hrtime.bigint();
    const pack = packInProcess(packDir);
    return {
        connection: connectionTo(pack),
        process: undefined,
        startMillis: Number(process.hrtime.bigint() - started) / 1e6,
        stderr: () => "",
        stop: async () => undefined,
        exclusive: oneAtATime,
        plainProperties: true,
    };
}
