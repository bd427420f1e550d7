// Large manifest streams: the plain reader (./plain) takes the documents it can read on this thread,
// and when many are left, worker threads decode them with the complete reader, each taking a
// contiguous range; kubectl reads each piece on its own, so the joined result is the serial
// reader's, with its first error in document order (tests/yaml/parallel.test.ts).
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { Worker } from "worker_threads";
import { decodeChunkCompletely, jsonDocuments, KubernetesYamlError, splitKubernetesYaml, YamlChunk, YamlDocument, YamlStream } from "./index";
import { decodePlainDocument } from "./plain";
import type { SourcePosition } from "./decode";

/** Below this many documents left by the plain reader they are read on this thread: starting workers costs more. */
export const PARALLEL_MIN_DOCUMENTS = 400;

/** What a worker sends back for its range of documents; `chunk` is a document's index in the range. */
export type RangeResult =
    | { documents: Array<YamlDocument & { chunk: number; items?: ItemPositions }> }
    | { error: { source: string; line: number; message: string } };

/** The positions of a List's items (and of their items, for nested Lists), which the manifest reader reports. */
export type ItemPositions = Array<{ at: SourcePosition | null; items?: ItemPositions }>;

function itemsOf(value: unknown): unknown[] | undefined {
    if (typeof value !== "object" || value === null || Array.isArray(value)) {
        return undefined;
    }
    const items = (value as { items?: unknown }).items;
    return Array.isArray(items) ? items : undefined;
}

/** Collects the positions of `items` entries, recursively, before the value leaves the worker. */
export function itemPositions(value: unknown, positions: WeakMap<object, SourcePosition>): ItemPositions | undefined {
    const items = itemsOf(value);
    if (!items) {
        return undefined;
    }
    return items.map((item) => {
        const nested = itemPositions(item, positions);
        const at = typeof item === "object" && item !== null ? positions.get(item) ?? null : null;
        return nested ? { at, items: nested } : { at };
    });
}

function restore(value: unknown, items: ItemPositions | undefined, positions: WeakMap<object, SourcePosition>): void {
    const list = itemsOf(value);
    if (!list || !items) {
        return;
    }
    list.forEach((item, i) => {
        const entry = items[i];
        if (entry && typeof item === "object" && item !== null) {
            if (entry.at) {
                positions.set(item, entry.at);
            }
            restore(item, entry.items, positions);
        }
    });
}

/** Decodes one range of documents with the complete reader (the plain reader has left them): the worker's job. */
export function decodeRange(chunks: readonly YamlChunk[], source: string): RangeResult {
    const positions = new WeakMap<object, SourcePosition>();
    const documents: Array<YamlDocument & { chunk: number; items?: ItemPositions }> = [];
    try {
        chunks.forEach((c, chunk) => {
            const document = decodeChunkCompletely(c, source, positions);
            if (document) documents.push({ ...document, chunk, items: itemPositions(document.value, positions) });
        });
        return { documents };
    } catch (err) {
        if (err instanceof KubernetesYamlError) {
            return { error: { source: err.source, line: err.line, message: err.message } };
        }
        throw err;
    }
}

/** Cuts the documents into `parts` contiguous ranges of about equal text. */
export function ranges(chunks: readonly YamlChunk[], parts: number): YamlChunk[][] {
    const total = chunks.reduce((sum, c) => sum + c.text.length, 0);
    const target = total / parts;
    const result: YamlChunk[][] = [[]];
    let size = 0;
    for (const chunk of chunks) {
        if (size >= target && result.length < parts) {
            result.push([]);
            size = 0;
        }
        result[result.length - 1].push(chunk);
        size += chunk.text.length;
    }
    return result;
}

function workerScript(): string | undefined {
    // Workers run compiled JavaScript; under ts-node or jest (TypeScript sources) the stream is read in-thread.
    const script = path.join(__dirname, "parse-worker.js");
    return __filename.endsWith(".js") && fs.existsSync(script) ? script : undefined;
}

/** Runs one range in a worker; a worker that ends without its result is an error, never a hang. */
export function inWorker(script: string, chunks: YamlChunk[], source: string): Promise<RangeResult> {
    return new Promise((resolve, reject) => {
        const worker = new Worker(script, { workerData: { chunks, source } });
        worker.once("message", (result: RangeResult) => resolve(result));
        worker.once("error", reject);
        // After a message this is a no-op; before one, the range was never read.
        worker.once("exit", (code) => reject(new Error(`the YAML reader stopped without a result (exit code ${code})`)));
    });
}

/** How many threads decode a stream: one per core, two at most below a few thousand documents. */
export function workerCount(documents: number, cores = os.availableParallelism?.() ?? os.cpus().length): number {
    return Math.max(1, Math.min(cores, Math.ceil(documents / 2000) + 1));
}

/**
 * readKubernetesYaml, with the documents the plain reader cannot read decoded by worker threads when
 * there are many of them; the same result and errors.
 */
export async function readKubernetesYamlParallel(text: string, source: string, options: { minDocuments?: number } = {}): Promise<YamlStream> {
    const split = splitKubernetesYaml(text, source);
    const positions = new WeakMap<object, SourcePosition>();
    // Each YAML document in stream order: decoded, or left (undefined) for the complete reader.
    const decoded: Array<YamlDocument | undefined> = split.yaml.map((chunk) => decodePlainDocument(chunk.text, chunk.firstLine - 1, positions));
    const left = split.yaml.flatMap((chunk, index) => (decoded[index] ? [] : [{ chunk, index }]));
    const script = workerScript();
    const threads = workerCount(left.length);
    if (!script || threads < 2 || left.length < (options.minDocuments ?? PARALLEL_MIN_DOCUMENTS)) {
        // The plain reader never refuses a document, so the complete reader's first error is the stream's.
        for (const { chunk, index } of left) decoded[index] = decodeChunkCompletely(chunk, source, positions);
    } else {
        const parts = ranges(left.map(({ chunk }) => chunk), threads);
        const results = await Promise.all(parts.map((range) => inWorker(script, range, source)));
        let first = 0;
        results.forEach((result, part) => {
            if ("error" in result) {
                const err = new KubernetesYamlError(result.error.source, result.error.line, "");
                err.message = result.error.message;
                throw err;
            }
            for (const { items, chunk, ...document } of result.documents) {
                restore(document.value, items, positions);
                decoded[left[first + chunk].index] = document;
            }
            first += parts[part].length;
        });
    }
    const documents = jsonDocuments(text, split);
    for (const document of decoded) {
        if (document) documents.push(document);
    }
    return { documents, positionOf: (value) => positions.get(value) };
}
