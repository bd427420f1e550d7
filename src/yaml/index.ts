// The one Kubernetes YAML reader of prodready: it reads manifests (and the YAML behind
// k8s.yaml.ConfigFile/ConfigGroup) to the same JSON objects kubectl reads, so policies judge what
// the cluster would receive. The `yaml` package parses; the rules of kubectl's decoder
// (k8s.io/apimachinery over sigs.k8s.io/yaml and go-yaml v2) are applied in ./documents, ./decode
// and ./scalars, and tests/yaml compares the result with that decoder itself.
import { Document, LineCounter, parseAllDocuments } from "yaml";
import { decodeDocument, DecodeError, SourcePosition } from "./decode";
import { SplitError, splitStream, SplitStream, YamlChunk } from "./documents";
import { rewriteQuotedScalars } from "./lenient";
import { decodePlainDocument } from "./plain";

export type { SourcePosition } from "./decode";
export type { SplitStream, YamlChunk } from "./documents";

/** A YAML input kubectl would refuse, named by its source and line. */
export class KubernetesYamlError extends Error {
    constructor(readonly source: string, readonly line: number, cause: string) {
        super(`${source}:${line}: invalid YAML: ${cause}`);
        this.name = "KubernetesYamlError";
    }
}

/** One non-empty document of a stream, decoded to JSON. */
export interface YamlDocument {
    value: unknown;
    /** Where the document's content starts (1-based line and column). */
    position: SourcePosition;
}

/** The documents of a stream, with where each mapping and sequence inside them was written. */
export interface YamlStream {
    documents: YamlDocument[];
    /** The position of a mapping or sequence of a decoded document (JSON input: documents only). */
    positionOf(value: object): SourcePosition | undefined;
}

const PARSE_OPTIONS = {
    version: "1.1",
    // Scalars stay text here and are resolved by go-yaml's YAML 1.1 rules in ./scalars.
    schema: "failsafe",
    resolveKnownTags: false,
    // go-yaml keeps the last of duplicate keys, and merge keys are applied in ./decode.
    uniqueKeys: false,
    merge: false,
} as const;

// Each rewrite fixes one quoted scalar; a bound keeps a hostile input from looping long.
const MAX_REWRITES = 1000;

function firstDocument(chunk: YamlChunk, source: string): { doc: Document.Parsed; text: string; lines: LineCounter } | undefined {
    let text = chunk.text;
    for (let rewrites = 0; ; rewrites++) {
        const lines = new LineCounter();
        // go-yaml reads one document per piece; anything after a "..." end marker is not read.
        const stream = parseAllDocuments(text, { ...PARSE_OPTIONS, lineCounter: lines });
        const doc = stream[0] as Document.Parsed | undefined;
        if (!doc) {
            // The "---" a directive needs is taken by the splitter, so go-yaml never finds the document.
            const directives = "empty" in stream ? stream.directives : undefined;
            if (directives && (directives.yaml.explicit || Object.keys(directives.tags).length > 1)) {
                throw new KubernetesYamlError(source, chunk.firstLine, "did not find expected <document start> after a directive");
            }
            return undefined;
        }
        if (doc.errors.length === 0) {
            return { doc, text, lines };
        }
        const rewritable = doc.errors.some((e) => e.code === "BAD_DQ_ESCAPE" || (e.code === "MISSING_CHAR" && e.message.startsWith("Missing closing")));
        const rewritten = rewritable && rewrites < MAX_REWRITES ? rewriteQuotedScalars(text) : undefined;
        if (rewritten === undefined || rewritten === text) {
            const error = doc.errors[0];
            const line = lines.linePos(error.pos[0]).line + chunk.firstLine - 1;
            throw new KubernetesYamlError(source, line, error.message.split("\n")[0].replace(/ at line \d+, column \d+:?$/, ""));
        }
        text = rewritten;
    }
}

function lineAt(text: string, offset: number, starts: number[]): number {
    let low = 0;
    let high = starts.length - 1;
    while (low < high) {
        const mid = (low + high + 1) >> 1;
        if (starts[mid] <= offset) low = mid; else high = mid - 1;
    }
    return low + 1;
}

function lineStarts(text: string): number[] {
    const starts = [0];
    for (let i = text.indexOf("\n"); i !== -1; i = text.indexOf("\n", i + 1)) starts.push(i + 1);
    return starts;
}

/**
 * Reads a YAML or JSON stream as kubectl does: documents split on "---" lines, YAML 1.1 scalars,
 * merge keys, and empty or null documents skipped. Throws KubernetesYamlError naming `source`.
 */
export function readKubernetesYaml(text: string, source: string): YamlStream {
    const positions = new WeakMap<object, SourcePosition>();
    const split = splitKubernetesYaml(text, source);
    const documents = jsonDocuments(text, split);
    for (const document of decodeChunks(split.yaml, source, positions)) {
        documents.push(document);
    }
    return { documents, positionOf: (value) => positions.get(value) };
}

/** Cuts a stream into its documents as kubectl does; the first step of readKubernetesYaml. */
export function splitKubernetesYaml(text: string, source: string): SplitStream {
    try {
        return splitStream(text);
    } catch (err) {
        if (err instanceof SplitError) {
            throw new KubernetesYamlError(source, lineAt(text, err.offset, lineStarts(text)), err.message);
        }
        throw err;
    }
}

/** The non-null JSON values of a stream that starts with JSON, with their positions. */
export function jsonDocuments(text: string, split: SplitStream): YamlDocument[] {
    const documents: YamlDocument[] = [];
    if (split.json.length > 0) {
        const starts = lineStarts(text);
        for (const { value, offset } of split.json) {
            if (value !== null) {
                const line = lineAt(text, offset, starts);
                documents.push({ value, position: { line, column: offset - starts[line - 1] + 1 } });
            }
        }
    }
    return documents;
}

/**
 * Decodes YAML documents (split by splitKubernetesYaml) in order; the positions of their mappings
 * and sequences go into `positions`. Each chunk is read on its own, so ranges of chunks can be
 * decoded apart and joined (./parallel).
 */
export function decodeChunks(chunks: readonly YamlChunk[], source: string, positions: WeakMap<object, SourcePosition>): YamlDocument[] {
    const documents: YamlDocument[] = [];
    for (const chunk of chunks) {
        // Most rendered documents use only the plain subset ./plain reads directly.
        const document = decodePlainDocument(chunk.text, chunk.firstLine - 1, positions) ?? decodeChunkCompletely(chunk, source, positions);
        if (document) {
            documents.push(document);
        }
    }
    return documents;
}

/** One document read by the complete reader (the `yaml` package's tree and kubectl's rules); undefined when empty or null. */
export function decodeChunkCompletely(chunk: YamlChunk, source: string, positions: WeakMap<object, SourcePosition>): YamlDocument | undefined {
    const parsed = firstDocument(chunk, source);
    if (!parsed) return undefined;
    try {
        const { value, position } = decodeDocument(parsed.doc, parsed.text, parsed.lines, chunk.firstLine - 1, positions);
        return value === null ? undefined : { value, position };
    } catch (err) {
        if (err instanceof DecodeError) {
            throw new KubernetesYamlError(source, parsed.lines.linePos(err.offset).line + chunk.firstLine - 1, err.message);
        }
        throw err;
    }
}
