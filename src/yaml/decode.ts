// Turns one parsed YAML document into the JSON value kubectl would send, with go-yaml v2's rules:
// merge keys (`<<: *a`, `<<: [*a, *b]`) apply in order, so a merge overrides keys written before it
// and keys written after it override the merge; a later duplicate key replaces an earlier one;
// aliases are expanded as copies, with go-yaml's bound on how much of a document may come from them.
import { Alias, Document, isAlias, isMap, isScalar, isSeq, LineCounter, Node, Scalar, visit, YAMLMap } from "yaml";
import { BINARY_TAG, isResolvableTag, jsonKey, jsonValue, MERGE_TAG, resolveScalar, Resolved, ScalarError } from "./scalars";

export interface SourcePosition {
    line: number;
    column: number;
}

/** A YAML input kubectl would refuse; `offset` is where, in the document's text. */
export class DecodeError extends Error {
    constructor(readonly offset: number, message: string) {
        super(message);
    }
}

// go-yaml v2's defence against alias bombs: past 1,000 decoded nodes, at most 99% of them may come
// from aliases, falling to 10% for documents of 4,000,000 nodes.
const ALIAS_RATIO_LOW = 400_000;
const ALIAS_RATIO_HIGH = 4_000_000;

function allowedAliasRatio(decoded: number): number {
    if (decoded <= ALIAS_RATIO_LOW) return 0.99;
    if (decoded >= ALIAS_RATIO_HIGH) return 0.10;
    return 0.99 - 0.89 * ((decoded - ALIAS_RATIO_LOW) / (ALIAS_RATIO_HIGH - ALIAS_RATIO_LOW));
}

function startOf(node: Node | null | undefined): number {
    return node?.range?.[0] ?? 0;
}

// A backslash escape go-yaml does not know ("\/" is YAML 1.2 only).
const UNKNOWN_ESCAPE = /(?:^|[^\\])(?:\\\\)*\\\//;

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

class DocumentDecoder {
    private decoded = 0;
    private fromAliases = 0;
    private aliasDepth = 0;
    private readonly expanding = new Set<Alias>();
    private aliasTargets?: Map<Alias, Node | undefined>;

    constructor(
        private readonly doc: Document.Parsed,
        private readonly text: string,
        private readonly lines: LineCounter,
        private readonly lineOffset: number,
        private readonly positions: WeakMap<object, SourcePosition>,
    ) {}

    position(offset: number): SourcePosition {
        const { line, col } = this.lines.linePos(offset);
        return { line: line + this.lineOffset, column: col };
    }

    private count(node: Node): void {
        this.decoded++;
        if (this.aliasDepth > 0) this.fromAliases++;
        if (this.fromAliases > 100 && this.decoded > 1000 && this.fromAliases / this.decoded > allowedAliasRatio(this.decoded)) {
            throw new DecodeError(startOf(node), "document contains excessive aliasing (an alias bomb?)");
        }
    }

    /** Anchors resolve to the last node with that anchor before the alias, in document order. */
    private target(alias: Alias): Node | undefined {
        if (!this.aliasTargets) {
            const targets = new Map<Alias, Node | undefined>();
            const anchors = new Map<string, Node>();
            visit(this.doc, {
                Node: (_key, node) => {
                    if (isAlias(node)) {
                        targets.set(node, anchors.get(node.source));
                    } else if (node.anchor) {
                        anchors.set(node.anchor, node);
                    }
                },
            });
            this.aliasTargets = targets;
        }
        return this.aliasTargets.get(alias);
    }

    private withAlias<T>(alias: Alias, use: (target: Node) => T): T {
        const target = this.target(alias);
        if (!target) {
            throw new DecodeError(startOf(alias), `unknown anchor '${alias.source}' referenced`);
        }
        if (this.expanding.has(alias)) {
            throw new DecodeError(startOf(alias), `anchor '${alias.source}' value contains itself`);
        }
        this.expanding.add(alias);
        this.aliasDepth++;
        try {
            return use(target);
        } finally {
            this.aliasDepth--;
            this.expanding.delete(alias);
        }
    }

    private scalar(node: Scalar): Resolved {
        const tag = node.tag ?? "";
        const text = String(node.source ?? node.value ?? "");
        if (node.type === "QUOTE_DOUBLE" && text.includes("/")) {
            const raw = this.text.slice(node.range?.[0] ?? 0, node.range?.[1] ?? 0);
            if (UNKNOWN_ESCAPE.test(raw)) {
                throw new DecodeError(startOf(node), "found unknown escape character");
            }
        }
        const plain = node.type === "PLAIN";
        try {
            if (tag === "") {
                return plain ? resolveScalar(text, "") : { tag: "str", value: text };
            }
            if (tag === BINARY_TAG) {
                return { tag: "str", value: decodeBase64(text) };
            }
            return isResolvableTag(tag) ? resolveScalar(text, tag) : { tag: "str", value: text };
        } catch (err) {
            throw new DecodeError(startOf(node), (err as Error).message);
        }
    }

    value(node: Node | null | undefined): Json {
        if (!node) {
            return null;
        }
        this.count(node);
        if (isAlias(node)) {
            return this.withAlias(node, (target) => this.value(target));
        }
        if (isScalar(node)) {
            try {
                return jsonValue(this.scalar(node));
            } catch (err) {
                throw err instanceof ScalarError ? new DecodeError(startOf(node), err.message) : err;
            }
        }
        if (isMap(node)) {
            const object: { [key: string]: Json } = {};
            this.positions.set(object, this.position(startOf(node)));
            this.mapInto(node, object);
            return object;
        }
        if (isSeq(node)) {
            const array: Json[] = node.items.map((item) => this.value(item as Node));
            this.positions.set(array, this.position(startOf(node)));
            return array;
        }
        throw new DecodeError(startOf(node), "unexpected YAML node");
    }

    private key(node: Node | null | undefined): string {
        if (node) this.count(node);
        if (isAlias(node)) {
            return this.withAlias(node, (target) => this.key(target));
        }
        if (!node || isScalar(node)) {
            const resolved: Resolved = node ? this.scalar(node as Scalar) : { tag: "null", value: null };
            try {
                return jsonKey(resolved);
            } catch (err) {
                throw new DecodeError(startOf(node), (err as Error).message);
            }
        }
        throw new DecodeError(startOf(node), "invalid map key: a mapping or sequence cannot be a key");
    }

    private mapInto(node: YAMLMap, object: { [key: string]: Json }): void {
        for (const pair of node.items) {
            const key = pair.key as Node | null;
            if (isScalar(key) && key.source === "<<" && ((key.type === "PLAIN" && !key.tag) || key.tag === MERGE_TAG)) {
                this.merge(pair.value as Node | null, object, key);
                continue;
            }
            object[this.key(key)] = this.value(pair.value as Node | null);
        }
    }

    /** Applies a merge key's value: a mapping, an alias of one, or a sequence of those, earlier ones winning. */
    private merge(value: Node | null, object: { [key: string]: Json }, at: Node): void {
        const mapping = (node: Node | null | undefined): void => {
            if (node) this.count(node);
            if (isAlias(node)) {
                this.withAlias(node, (target) => {
                    if (!isMap(target)) throw new DecodeError(startOf(node), "map merge requires map or sequence of maps as the value");
                    this.count(target);
                    this.mapInto(target, object);
                });
            } else if (isMap(node)) {
                this.mapInto(node, object);
            } else {
                throw new DecodeError(startOf(node ?? at), "map merge requires map or sequence of maps as the value");
            }
        };
        if (isSeq(value)) {
            this.count(value);
            for (let i = value.items.length - 1; i >= 0; i--) {
                const item = value.items[i] as Node;
                if (!isMap(item) && !isAlias(item)) {
                    throw new DecodeError(startOf(item ?? at), "map merge requires map or sequence of maps as the value");
                }
                mapping(item);
            }
            return;
        }
        mapping(value);
    }
}

/** Go's base64.StdEncoding, which skips line breaks (a !!binary block scalar spans lines). */
function decodeBase64(text: string): string {
    const compact = text.replace(/[\r\n]/g, "");
    if (!/^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/.test(compact)) {
        throw new ScalarError("!!binary value contains invalid base64 data");
    }
    return Buffer.from(compact, "base64").toString("utf8");
}

/** Decodes a parsed document to JSON; positions of every mapping and sequence go into `positions`. */
export function decodeDocument(
    doc: Document.Parsed,
    text: string,
    lines: LineCounter,
    lineOffset: number,
    positions: WeakMap<object, SourcePosition>,
): { value: Json; position: SourcePosition } {
    const decoder = new DocumentDecoder(doc, text, lines, lineOffset, positions);
    const contents = doc.contents as Node | null;
    return { value: decoder.value(contents), position: decoder.position(startOf(contents)) };
}

