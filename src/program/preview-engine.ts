import * as grpc from "@grpc/grpc-js";
import type { RecordingMonitor } from "./recording-monitor";

/* eslint-disable @typescript-eslint/no-require-imports */
const resourceRpc = require("@pulumi/pulumi/proto/resource_grpc_pb");
const engineRpc = require("@pulumi/pulumi/proto/engine_grpc_pb");
const engineproto = require("@pulumi/pulumi/proto/engine_pb");
const { Empty } = require("google-protobuf/google/protobuf/empty_pb");

// The engine raises gRPC's message limit the same way, for large programs.
const MAX_MESSAGE_BYTES = 400 * 1024 * 1024;

/** The engine side of a preview, served in-process to the program's own SDK. */
export interface PreviewEngine {
    /** Address for the runner's `--monitor` and `--engine` flags (both services share one server). */
    address: string;
    /** Messages the program logged with severity error, in order (its runner reports uncaught errors so). */
    errors: string[];
    close(): void;
}

/**
 * Serves the ResourceMonitor (the given recording monitor) and the Engine service on a local port:
 * the two services a Pulumi program's runner connects to, as it does under `pulumi preview`.
 */
export async function startPreviewEngine(monitor: RecordingMonitor): Promise<PreviewEngine> {
    const errors: string[] = [];
    let rootResource = "";
    const server = new grpc.Server({
        "grpc.max_receive_message_length": MAX_MESSAGE_BYTES,
        "grpc.max_send_message_length": MAX_MESSAGE_BYTES,
    });
    server.addService(resourceRpc.ResourceMonitorService, monitor.service());
    server.addService(engineRpc.EngineService, {
        log: (call: any, callback: grpc.sendUnaryData<unknown>) => {
            if (call.request.getSeverity() === engineproto.LogSeverity.ERROR) {
                errors.push(call.request.getMessage());
            }
            callback(null, new Empty());
        },
        getRootResource: (_call: any, callback: grpc.sendUnaryData<unknown>) => {
            const response = new engineproto.GetRootResourceResponse();
            response.setUrn(rootResource);
            callback(null, response);
        },
        setRootResource: (call: any, callback: grpc.sendUnaryData<unknown>) => {
            rootResource = call.request.getUrn();
            callback(null, new engineproto.SetRootResourceResponse());
        },
    });
    const port = await new Promise<number>((resolve, reject) => {
        server.bindAsync("127.0.0.1:0", grpc.ServerCredentials.createInsecure(), (err, bound) => (err ? reject(err) : resolve(bound)));
    });
    monitor.servedAt(`127.0.0.1:${port}`);
    return {
        address: `127.0.0.1:${port}`,
        errors,
        close: () => {
            monitor.close();
            server.forceShutdown();
        },
    };
}
