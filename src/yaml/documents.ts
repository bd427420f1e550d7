// How kubectl cuts a stream into documents before decoding each one: k8s.io/apimachinery's
// YAMLOrJSONDecoder reads a stream whose first non-space character is "{" as JSON values (falling
// back to YAML after at most one of them), and otherwise splits lines starting with "---" (nothing
// but spaces or a comment may follow) and reads each piece with line endings normalized to "\n".

/** A YAML document as the splitter hands it on: its text and the line of the stream it starts on. */
export interface YamlChunk {
    text: string;
    firstLine: number;
}

/** A JSON value of a JSON stream, with the offset it starts at. */
export interface JsonValue {
    value: unknown;
    offset: number;
}

/** A stream cut into what the decoders read: JSON values first (possibly none), then YAML documents. */
export interface SplitStream {
    json: JsonValue[];
    yaml: YamlChunk[];
}

export class SplitError extends Error {
    constructor(readonly offset: number, message: string) {
        super(message);
    }
}

// Go's unicode.IsSpace: what bytes.TrimSpace and the JSON sniffing skip (the byte-order mark is not one).
const GO_SPACE = "\t\n\v\f\r \u0085\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000";
const JSON_SPACE = " \t\n\r";

function isGoSpace(ch: string): boolean {
    return GO_SPACE.includes(ch);
}

function trimGoSpace(text: string): string {
    let start = 0;
    let end = text.length;
    while (start < end && isGoSpace(text[start])) start++;
    while (end > start && isGoSpace(text[end - 1])) end--;
    return text.slice(start, end);
}

/** Where the JSON value starting at `start` ends (exclusive), or -1 when it does not end. */
function jsonValueEnd(text: string, start: number): number {
    const first = text[start];
    if (first !== "{" && first !== "[" && first !== "\"") {
        const literal = /^(?:-?[0-9][0-9.eE+-]*|true|false|null)/.exec(text.slice(start, start + 64));
        return literal ? start + literal[0].length : -1;
    }
    let depth = 0;
    for (let i = start; i < text.length; i++) {
        const ch = text[i];
        if (ch === "\"") {
            for (i++; i < text.length && text[i] !== "\""; i++) {
                if (text[i] === "\\") i++;
            }
            if (i >= text.length) return -1;
            if (depth === 0) return i + 1;
        } else if (ch === "{" || ch === "[") {
            depth++;
        } else if (ch === "}" || ch === "]") {
            depth--;
            if (depth === 0) return i + 1;
        }
    }
    return -1;
}

/** JSON values from the start of a JSON stream; `yamlFrom` is where YAML decoding takes over, if it does. */
function readJsonStream(text: string): { values: JsonValue[]; yamlFrom?: number } {
    const values: JsonValue[] = [];
    let consumed = 0;
    for (;;) {
        let start = consumed;
        while (start < text.length && JSON_SPACE.includes(text[start])) start++;
        if (start >= text.length) {
            return { values };
        }
        const end = jsonValueEnd(text, start);
        let value: unknown;
        let parsed = false;
        if (end !== -1) {
            try {
                value = JSON.parse(text.slice(start, end));
                parsed = true;
            } catch {
                parsed = false;
            }
        }
        if (!parsed) {
            // More than one value makes it a JSON stream for good; otherwise the rest is read as YAML.
            if (values.length > 1) {
                throw new SplitError(start, "invalid JSON");
            }
            let from = consumed;
            while (from < text.length && isGoSpace(text[from])) {
                from++;
                if (text[from - 1] === "\n") break;
            }
            return { values, yamlFrom: from };
        }
        values.push({ value, offset: start });
        consumed = end;
    }
}

/** Splits YAML text on "---" lines the way k8s.io/apimachinery's YAMLReader does. */
function splitYaml(text: string, from: number): YamlChunk[] {
    const chunks: YamlChunk[] = [];
    let line = 1;
    for (let i = text.indexOf("\n"); i !== -1 && i < from; i = text.indexOf("\n", i + 1)) line++;
    let chunkStart = from;
    let chunkLine = line;
    const flush = (end: number) => {
        if (end > chunkStart) {
            const raw = text.slice(chunkStart, end);
            chunks.push({ text: raw.includes("\r") ? raw.replace(/\r\n/g, "\n") : raw, firstLine: chunkLine });
        }
    };
    let pos = from;
    while (pos < text.length) {
        const newline = text.indexOf("\n", pos);
        const next = newline === -1 ? text.length : newline + 1;
        if (text.startsWith("---", pos)) {
            const rest = trimGoSpace(text.slice(pos + 3, next));
            if (rest !== "" && !rest.startsWith("#")) {
                throw new SplitError(pos, `invalid document separator: ${rest}`);
            }
            flush(pos);
            chunkStart = next;
            chunkLine = line + 1;
        }
        pos = next;
        line++;
    }
    flush(text.length);
    return chunks;
}

/** Cuts a manifest stream into JSON values and YAML documents, as kubectl's decoder does. */
export function splitStream(text: string): SplitStream {
    let first = 0;
    while (first < text.length && isGoSpace(text[first])) first++;
    if (text[first] !== "{") {
        return { json: [], yaml: splitYaml(text, 0) };
    }
    const { values, yamlFrom } = readJsonStream(text);
    return { json: values, yaml: yamlFrom === undefined ? [] : splitYaml(text, yamlFrom) };
}
