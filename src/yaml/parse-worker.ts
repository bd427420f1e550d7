// The worker thread of ./parallel: decodes the range of documents it is given and posts the result.
import { parentPort, workerData } from "worker_threads";
import { decodeRange } from "./parallel";
import type { YamlChunk } from "./documents";

const { chunks, source } = workerData as { chunks: YamlChunk[]; source: string };
parentPort!.postMessage(decodeRange(chunks, source));
