// A fast reader for the YAML that renderers write: block mappings and sequences, one-line scalars,
// comments, empty `{}` and `[]`, and anchored values with their aliases. It reads such a document in
// one pass over its lines, several times faster than building the `yaml` package's document tree.
// Any other feature (tags, merge keys, flow collections, multi-line, block or escaped scalars, tabs,
// non-ASCII text), or anything it is unsure of, gives undefined, and the complete reader (./index)
// reads the document, errors included. Scalars are resolved by the same functions as there
// (./scalars) and every mapping and sequence gets the same position, so both readers give the same
// result wherever this one answers (tests/yaml/plain.test.ts compares them).
import type { SourcePosition } from "./decode";
import { jsonKey, jsonValue, resolveScalar } from "./scalars";

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** A line with content: its indentation, its text from there without trailing spaces, its 1-based number. */
interface Line {
    indent: number;
    text: string;
    line: number;
}

/** Thrown to hand a document over to the complete reader. */
const UNSUPPORTED = new Error("not a plain document");

// Printable ASCII and line feeds only: no tabs, carriage returns, control characters or Unicode, whose
// rules (indentation, line breaks, BOMs, non-printable characters) the complete reader applies.
const OUTSIDE_SUBSET = /[^\n\x20-\x7e]/;
// Characters that start a plain scalar only in some contexts, or never: the complete reader decides.
const INDICATORS = new Set([..."-?:,[]{}#&*!|>'\"%@`"]);
// Plain scalars with flow indicators in them are left to the complete reader.
const FLOW_CHARACTERS = /[[\]{}]/;
// YAML limits implicit keys to 1024 characters.
const MAX_KEY_LENGTH = 1000;
// Deeper documents are left to the complete reader, which keeps this one's recursion shallow.
const MAX_DEPTH = 200;
// go-yaml (libyaml) names anchors with letters, digits, "-" and "_".
const ANCHOR = /^&([A-Za-z0-9_-]+)(?: +|$)/;
const ALIAS = /^\*([A-Za-z0-9_-]+)/;
// go-yaml refuses a document mostly made of aliases only past 100 nodes decoded through them.
const MAX_ALIASED_NODES = 100;
// Keys repeat across the documents of a stream; their checks and resolution are cached, within a bound.
const resolvedKeys = new Map<string, string>();
const MAX_CACHED_KEYS = 10_000;

function unsupported(): never {
    throw UNSUPPORTED;
}

function contentLines(text: string): Line[] {
    const lines: Line[] = [];
    let number = 0;
    for (let start = 0; start < text.length;) {
        let end = text.indexOf("\n", start);
        if (end === -1) end = text.length;
        number++;
        let indent = start;
        while (indent < end && text.charCodeAt(indent) === 32) indent++;
        let last = end;
        while (last > indent && text.charCodeAt(last - 1) === 32) last--;
        if (last > indent && text.charCodeAt(indent) !== 35 /* # */) {
            const content = text.slice(indent, last);
            // Document markers and directives end or start documents: the complete reader handles them.
            if (indent === start && (content.startsWith("---") || content.startsWith("...") || content.startsWith("%"))) {
                unsupported();
            }
            lines.push({ indent: indent - start, text: content, line: number });
        }
        start = end + 1;
    }
    return lines;
}

/** A plain key this reader reads: not empty, no merge key, not too long, no characters the complete reader decides on. */
function isPlainKey(raw: string): boolean {
    return raw !== "" && raw !== "<<" && raw.length <= MAX_KEY_LENGTH && !INDICATORS.has(raw[0])
        && !raw.endsWith(" ") && !raw.includes(" #") && !FLOW_CHARACTERS.test(raw);
}

function isItem(text: string): boolean {
    return text === "-" || text.startsWith("- ");
}

/** The quoted scalar at the start of `text` and where it ends; unsupported unless it is one line without escapes. */
function quoted(text: string): { value: string; end: number } {
    const quote = text[0];
    if (quote === "\"") {
        const close = text.indexOf("\"", 1);
        if (close === -1 || text.lastIndexOf("\\", close) !== -1) unsupported();
        return { value: text.slice(1, close), end: close + 1 };
    }
    let value = "";
    let from = 1;
    for (;;) {
        const close = text.indexOf("'", from);
        if (close === -1) unsupported();
        value += text.slice(from, close);
        if (text[close + 1] !== "'") return { value, end: close + 1 };
        value += "'";
        from = close + 2;
    }
}

/** After a value: nothing, or a comment. */
function onlyComment(rest: string): boolean {
    return rest === "" || (rest[0] === " " && rest.trimStart().startsWith("#"));
}

class PlainReader {
    private next = 0;
    private depth = 0;
    /** Anchored values by name; an alias is a copy of one, as go-yaml expands it. */
    private readonly anchors = new Map<string, Json>();
    private readonly anchorNames = new Set<string>();
    private fromAliases = 0;

    constructor(
        private readonly lines: Line[],
        private readonly lineOffset: number,
        private readonly positions: WeakMap<object, SourcePosition>,
    ) {}

    document(): { value: Json; position: SourcePosition } {
        const first = this.lines[0];
        if (!first) unsupported();
        const position = this.position(first, first.indent);
        const value = this.block(first.indent);
        if (this.next < this.lines.length) unsupported();
        return { value, position };
    }

    private position(line: Line, column0: number): SourcePosition {
        return { line: line.line + this.lineOffset, column: column0 + 1 };
    }

    /** The mapping or sequence whose first line is the next one, at `indent`. */
    private block(indent: number): Json {
        if (++this.depth > MAX_DEPTH) unsupported();
        // Anything else is a mapping, or (a scalar on a line of its own, which may go on over several
        // lines) left to the complete reader when its first line is no key.
        const value = isItem(this.lines[this.next].text) ? this.sequence(indent) : this.mapping(indent);
        this.depth--;
        return value;
    }

    /** A key line's key, resolved as go-yaml resolves it, and the text after its colon; undefined for other lines. */
    private splitKey(text: string): { key: string; rest: string } | undefined {
        const first = text[0];
        let keyEnd: number;
        let key: string;
        if (first === "\"" || first === "'") {
            const scalar = quoted(text);
            if (text[scalar.end] !== ":" || !(scalar.end + 1 === text.length || text[scalar.end + 1] === " ")) {
                return undefined;
            }
            keyEnd = scalar.end;
            key = scalar.value;
        } else {
            let colon = text.indexOf(":");
            while (colon !== -1 && colon + 1 < text.length && text[colon + 1] !== " ") colon = text.indexOf(":", colon + 1);
            if (colon === -1) {
                return undefined;
            }
            const raw = text.slice(0, colon);
            keyEnd = colon;
            const known = resolvedKeys.get(raw);
            if (known !== undefined) {
                key = known;
            } else {
                if (!isPlainKey(raw)) unsupported();
                key = jsonKey(resolveScalar(raw, ""));
                if (resolvedKeys.size >= MAX_CACHED_KEYS) resolvedKeys.clear();
                resolvedKeys.set(raw, key);
            }
        }
        return { key, rest: text.slice(keyEnd + 1).trimStart() };
    }

    private mapping(indent: number): { [key: string]: Json } {
        const object: { [key: string]: Json } = {};
        this.positions.set(object, this.position(this.lines[this.next], indent));
        while (this.next < this.lines.length) {
            const line = this.lines[this.next];
            if (line.indent < indent) break;
            if (line.indent > indent || isItem(line.text)) unsupported();
            const pair = this.splitKey(line.text);
            if (!pair) unsupported();
            this.next++;
            object[pair.key] = this.valueAfterKey(pair.rest, line, indent);
        }
        return object;
    }

    private valueAfterKey(text: string, line: Line, indent: number): Json {
        let rest = text;
        let anchor: string | undefined;
        if (rest[0] === "&") {
            const written = ANCHOR.exec(rest);
            // A name written twice means the later one in document order, even when nested: left to the
            // complete reader.
            if (!written || this.anchorNames.has(written[1]) || /^[&*!]/.test(rest.slice(written[0].length))) unsupported();
            anchor = written[1];
            this.anchorNames.add(anchor);
            rest = rest.slice(written[0].length);
        }
        const value = this.valueOf(rest, line, indent);
        if (anchor !== undefined) this.anchors.set(anchor, value);
        return value;
    }

    private valueOf(rest: string, line: Line, indent: number): Json {
        if (rest === "" || rest[0] === "#") {
            const following = this.lines[this.next];
            if (following && following.indent > indent) {
                return this.block(following.indent);
            }
            if (following && following.indent === indent && isItem(following.text)) {
                return this.block(indent);
            }
            return null;
        }
        return this.inline(rest, line, line.text.length - rest.length + line.indent, indent);
    }

    private sequence(indent: number): Json[] {
        const array: Json[] = [];
        this.positions.set(array, this.position(this.lines[this.next], indent));
        while (this.next < this.lines.length) {
            const line = this.lines[this.next];
            if (line.indent < indent) break;
            if (line.indent > indent) unsupported();
            if (!isItem(line.text)) break;
            let skip = 1;
            while (line.text[skip] === " ") skip++;
            const rest = line.text.slice(skip);
            if (rest === "" || rest[0] === "#") {
                this.next++;
                const following = this.lines[this.next];
                array.push(following && following.indent > indent ? this.block(following.indent) : null);
                continue;
            }
            const column0 = indent + skip;
            if (isItem(rest) || (rest[0] !== "{" && rest[0] !== "[" && this.splitKey(rest))) {
                // "- key: value" opens a mapping (and "- - x" a sequence) at the column after the dash.
                this.lines[this.next] = { indent: column0, text: rest, line: line.line };
                array.push(this.block(column0));
                continue;
            }
            this.next++;
            array.push(this.inline(rest, line, column0, indent));
        }
        return array;
    }

    /** A copy of an anchored value, each mapping and sequence with its original's position. */
    private copy(value: Json): Json {
        if (++this.fromAliases > MAX_ALIASED_NODES) unsupported();
        if (typeof value !== "object" || value === null) return value;
        const copied: Json = Array.isArray(value) ? value.map((item) => this.copy(item)) : {};
        if (!Array.isArray(value)) {
            for (const key of Object.keys(value)) {
                this.fromAliases++;
                (copied as { [key: string]: Json })[key] = this.copy(value[key]);
            }
        }
        const position = this.positions.get(value);
        if (position) this.positions.set(copied, position);
        return copied;
    }

    /** A scalar or empty flow collection after a key or a dash, its line already read; `indent` is its parent's. */
    private inline(text: string, line: Line, column0: number, indent: number): Json {
        const following = this.lines[this.next];
        // A more indented line after a scalar continues it (or is an error): the complete reader decides.
        if (following && following.indent > indent) unsupported();
        const first = text[0];
        if (first === "\"" || first === "'") {
            const scalar = quoted(text);
            if (!onlyComment(text.slice(scalar.end))) unsupported();
            return scalar.value;
        }
        if (first === "*") {
            const written = ALIAS.exec(text);
            const target = written && onlyComment(text.slice(written[0].length)) ? this.anchors.get(written[1]) : undefined;
            if (target === undefined) unsupported();
            return this.copy(target);
        }
        if (first === "{" || first === "[") {
            if (!onlyComment(text.slice(2)) || text[1] !== (first === "{" ? "}" : "]")) unsupported();
            const empty = first === "{" ? {} : [];
            this.positions.set(empty, this.position(line, column0));
            return empty;
        }
        if (INDICATORS.has(first) && !(first === "-" && text.length > 1 && text[1] !== " ")) unsupported();
        const comment = text.indexOf(" #");
        const plain = comment === -1 ? text : text.slice(0, comment).trimEnd();
        if (plain.includes(": ") || plain.endsWith(":") || FLOW_CHARACTERS.test(plain)) unsupported();
        return jsonValue(resolveScalar(plain, ""));
    }
}

/**
 * Decodes one document (a piece kubectl's splitter cut) when it only uses the plain subset; undefined
 * otherwise, and for documents that hold nothing. `lineOffset` is added to the piece's line numbers.
 */
export function decodePlainDocument(
    text: string,
    lineOffset: number,
    positions: WeakMap<object, SourcePosition>,
): { value: Json; position: SourcePosition } | undefined {
    if (OUTSIDE_SUBSET.test(text)) {
        return undefined;
    }
    try {
        return new PlainReader(contentLines(text), lineOffset, positions).document();
    } catch {
        // Scalars kubectl refuses (.nan, a null key) are reported by the complete reader, with their line.
        return undefined;
    }
}
