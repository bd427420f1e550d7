import type { ChildProcess } from "child_process";
import * as fs from "fs";
import * as path from "path";
import * as grpc from "@grpc/grpc-js";
import type * as analyzerProto from "@pulumi/pulumi/proto/analyzer_pb";
import { Empty } from "google-protobuf/google/protobuf/empty_pb";
import { killChild, startChild } from "../program/child-processes";
import { analyzeResponseDecoder, SHARED_ENTRIES_SWITCH } from "./responses";

/* eslint-disable @typescript-eslint/no-require-imports */
const analyzerRpc = require("@pulumi/pulumi/proto/analyzer_grpc_pb");

// The engine raises gRPC's message limit the same way, for large stacks.
const MAX_MESSAGE_BYTES = 400 * 1024 * 1024;

export class AnalyzerStartError extends Error {
    constructor(message: string) {
        super(message);
        this.name = "AnalyzerStartError";
    }
}

/** The Analyzer protocol's calls prodready makes, each answered as a promise. */
export interface AnalyzerConnection {
    getPluginInfo(): Promise<unknown>;
    getAnalyzerInfo(): Promise<analyzerProto.AnalyzerInfo>;
    configure(request: analyzerProto.ConfigureAnalyzerRequest): Promise<unknown>;
    configureStack(request: analyzerProto.AnalyzerStackConfigureRequest): Promise<unknown>;
    analyze(request: analyzerProto.AnalyzeRequest): Promise<analyzerProto.AnalyzeResponse>;
    analyzeStack(request: analyzerProto.AnalyzeStackRequest): Promise<analyzerProto.AnalyzeResponse>;
}

export type AnalyzerMethod = keyof AnalyzerConnection;

/** A callback-style unary call: a gRPC client's method, or one of the SDK's handlers in process. */
export type UnaryCall = (method: AnalyzerMethod, request: unknown, callback: (err: unknown, response?: unknown) => void) => void;

/** A call whose answer is kept once given; a failed call is tried again next time. */
function answeredOnce<T>(ask: () => Promise<T>): () => Promise<T> {
    let answer: Promise<T> | undefined;
    return () => {
        if (!answer) {
            answer = ask();
            answer.catch(() => {
                answer = undefined;
            });
        }
        return answer;
    };
}

/** The typed connection over callback-style unary calls. */
export function analyzerConnection(unary: UnaryCall): AnalyzerConnection {
    const call = <T>(method: AnalyzerMethod, request: unknown = new Empty()) =>
        new Promise<T>((resolve, reject) => unary(method, request, (err, response) => (err ? reject(err) : resolve(response as T))));
    return {
        // The SDK builds both answers from the pack's arguments, fixed while it serves: one answer
        // serves every run on the connection, as the engine asks once per plugin.
        getPluginInfo: answeredOnce(() => call("getPluginInfo")),
        getAnalyzerInfo: answeredOnce(() => call("getAnalyzerInfo")),
        configure: (request) => call("configure", request),
        configureStack: (request) => call("configureStack", request),
        analyze: (request) => call("analyze", request),
        analyzeStack: (request) => call("analyzeStack", request),
    };
}

/** A running policy pack: its process and a connection speaking the Analyzer protocol to it. */
export interface AnalyzerHost {
    connection: AnalyzerConnection;
    /** The pack's process; none when the pack is served in this process (in-process.ts). */
    process: ChildProcess | undefined;
    /** Milliseconds from spawning the process to the port being printed. */
    startMillis: number;
    /** What the pack wrote to stderr so far (its own error messages). */
    stderr(): string;
    stop(): Promise<void>;
    /** Set when analyses must not overlap (one configuration per process): runs one at a time. */
    exclusive?: <T>(work: () => Promise<T>) => Promise<T>;
    /** Set when the pack reads requests as objects and never encodes them (in-process.ts): properties may then be plain values. */
    plainProperties?: boolean;
}

export interface StartOptions {
    /** Seconds to wait for the pack to print its port. */
    timeoutSeconds?: number;
    /** Extra environment for the pack process. */
    env?: NodeJS.ProcessEnv;
}

/** The generated Analyzer client, its Analyze answers decoded by analyzeResponseDecoder unless switched off. */
function analyzerClient(): new (address: string, credentials: grpc.ChannelCredentials, options: object) => never {
    if (process.env[SHARED_ENTRIES_SWITCH] === "0") {
        return analyzerRpc.AnalyzerClient;
    }
    const service = analyzerRpc.AnalyzerService as grpc.ServiceDefinition;
    const decode = analyzeResponseDecoder();
    return grpc.makeGenericClientConstructor({ ...service, analyze: { ...service.analyze, responseDeserialize: (bytes: Buffer) => decode(bytes) } }, "Analyzer") as never;
}

/**
 * Starts a policy pack directory the way the Pulumi engine's Node.js host does: the SDK's
 * `run-policy-pack` runner loads the pack's package `main`, whose PolicyPack serves the Analyzer
 * gRPC service and prints its port on stdout.
 */
export async function startAnalyzer(packDir: string, options: StartOptions = {}): Promise<AnalyzerHost> {
    const dir = path.resolve(packDir);
    if (!fs.existsSync(path.join(dir, "PulumiPolicy.yaml"))) {
        throw new AnalyzerStartError(`${dir} is not a policy pack: it has no PulumiPolicy.yaml`);
    }
    let runner: string;
    try {
        runner = require.resolve("@pulumi/pulumi/cmd/run-policy-pack", { paths: [dir] });
    } catch {
        throw new AnalyzerStartError(`the policy pack in ${dir} has no @pulumi/pulumi installed: run npm install there`);
    }
    const started = process.hrtime.bigint();
    // The first argument is the engine's address; the pack does not call back into the engine here.
    const child = startChild(process.execPath, [runner, "127.0.0.1:0", "."], { cwd: dir, env: { ...process.env, ...options.env } });
    let stderr = "";
    child.stderr!.setEncoding("utf8");
    child.stderr!.on("data", (chunk: string) => { stderr += chunk; });

    const port = await new Promise<number>((resolve, reject) => {
        let stdout = "";
        const timer = setTimeout(() => {
            killChild(child);
            reject(new AnalyzerStartError(`the policy pack did not start within ${options.timeoutSeconds ?? 60} s`));
        }, (options.timeoutSeconds ?? 60) * 1000);
        child.stdout!.setEncoding("utf8");
        child.stdout!.on("data", (chunk: string) => {
            stdout += chunk;
            const line = stdout.split("\n")[0];
            if (stdout.includes("\n") && /^\d+$/.test(line.trim())) {
                clearTimeout(timer);
                resolve(Number(line.trim()));
            }
        });
        child.on("exit", (code) => {
            clearTimeout(timer);
            const reason = stderr.trim().split("\n").filter((l) => l.trim()).slice(-3).join(" | ") || `exit code ${code}`;
            reject(new AnalyzerStartError(`the policy pack exited before serving: ${reason}`));
        });
        child.on("error", (err) => {
            clearTimeout(timer);
            reject(new AnalyzerStartError(`could not start the policy pack: ${err.message}`));
        });
    });
    const startMillis = Number(process.hrtime.bigint() - started) / 1e6;
    const client: Record<AnalyzerMethod, (request: unknown, callback: (err: unknown, response?: unknown) => void) => void> & { close(): void } = new (analyzerClient())(`127.0.0.1:${port}`, grpc.credentials.createInsecure(), {
        "grpc.max_receive_message_length": MAX_MESSAGE_BYTES,
        "grpc.max_send_message_length": MAX_MESSAGE_BYTES,
    });
    child.removeAllListeners("exit");
    return {
        connection: analyzerConnection((method, request, callback) => client[method](request, callback)),
        process: child,
        startMillis,
        stderr: () => stderr,
        stop: async () => {
            client.close();
            if (child.exitCode === null) {
                const exited = new Promise((resolve) => child.once("exit", resolve));
                child.kill();
                await exited;
            }
        },
    };
}
