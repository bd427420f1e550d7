// The plain-document reader (src/yaml/plain.ts) must give exactly what the complete reader gives,
// positions included, for every document it answers; anything else it must leave to the complete
// reader. Compared on the agreement corpus, the bench corpus, written-out edge cases, generated
// documents and random edits of them.
import * as fs from "fs";
import * as path from "path";
import { isDeepStrictEqual } from "util";
import { helmStyleCorpus } from "../../bench/corpus";
import { decodeChunkCompletely, readKubernetesYaml, splitKubernetesYaml, YamlChunk } from "../../src/yaml";
import type { SourcePosition } from "../../src/yaml/decode";
import { decodePlainDocument } from "../../src/yaml/plain";

type Outcome = { answered: boolean; disagreement?: string };

/** The same value in both, and the same position for every mapping and sequence in it. */
function samePositions(a: unknown, b: unknown, pa: WeakMap<object, SourcePosition>, pb: WeakMap<object, SourcePosition>, at: string): string | undefined {
    if (typeof a !== "object" || a === null) return undefined;
    if (!isDeepStrictEqual(pa.get(a), pb.get(b as object))) {
        return `position of ${at}: plain ${JSON.stringify(pa.get(a))}, complete ${JSON.stringify(pb.get(b as object))}`;
    }
    for (const key of Object.keys(a)) {
        const found = samePositions((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key], pa, pb, `${at}.${key}`);
        if (found) return found;
    }
    return undefined;
}

function compare(chunk: YamlChunk): Outcome {
    const plainPositions = new WeakMap<object, SourcePosition>();
    const plain = decodePlainDocument(chunk.text, chunk.firstLine - 1, plainPositions);
    if (!plain) return { answered: false };
    const completePositions = new WeakMap<object, SourcePosition>();
    let complete;
    try {
        complete = decodeChunkCompletely(chunk, "x.yaml", completePositions);
    } catch (err) {
        return { answered: true, disagreement: `the complete reader refuses it (${(err as Error).message}), the plain reader reads ${JSON.stringify(plain.value)}` };
    }
    if (!complete || !isDeepStrictEqual(plain, complete)) {
        return { answered: true, disagreement: `plain ${JSON.stringify(plain)}\ncomplete ${JSON.stringify(complete)}` };
    }
    const position = samePositions(plain.value, complete.value, plainPositions, completePositions, "$");
    return { answered: true, disagreement: position };
}

function compareAll(texts: string[]): { answered: number; total: number; disagreements: string[] } {
    let answered = 0;
    let total = 0;
    const disagreements: string[] = [];
    for (const text of texts) {
        let chunks: YamlChunk[];
        try {
            chunks = splitKubernetesYaml(text, "x.yaml").yaml;
        } catch {
            continue;
        }
        for (const chunk of chunks) {
            total++;
            const outcome = compare(chunk);
            if (outcome.answered) answered++;
            if (outcome.disagreement) disagreements.push(`${JSON.stringify(chunk.text)}\n  ${outcome.disagreement}`);
        }
    }
    return { answered, total, disagreements };
}

// A small deterministic generator (mulberry32), so a failure can be replayed.
function random(seed: number): () => number {
    let state = seed;
    return () => {
        state = (state + 0x6d2b79f5) | 0;
        let t = Math.imul(state ^ (state >>> 15), 1 | state);
        t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
        return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
}

const KEYS = ["name", "image", "y", "on", "No", "1", "0x10", "1.5", "007", "1_000", "2001-12-14", "a:b", "a-b", "with space", "x#y", "true", "~x", "key.dotted", "-1", "+2", "'quoted'", "\"double\"", "'it''s'", "a\"b", "emoji?"];
// Scalars of the plain subset, and (drawn less often) others the complete reader must be left.
const SCALARS = ["plain", "two words", "y", "n", "yes", "Off", "~", "null", "", "0755", "08", "0o17", "0x1F", "0x_1F", "0b101", "1_000", "1:20", "1.5", "1e3", ".5", "+12", "-7", "-0",
    "12345678901234567890", "99999999999999999999", "2001-12-14", "2001-12-14t21:59:43.10Z", "2001-12-14 21:59:43", "1.20", "--port=8080", "-v", "http://x/#/a", "a,b", "a - b", "a:b", "x #c",
    "'single'", "'it''s'", "\"double\"", "\"a: b\"", "\"#x\"", "{}", "[]", "sha256:" + "a".repeat(64)];
const OTHER_SCALARS = ["a: b", "'a'b", "\"a\\tb\"", "{a: 1}", "[1, 2]", ".inf", ".nan", "-.inf", "&a x", "!!str 1", "|", ">", "@x", "`x", "%x", "?x", ":x", "- x", "*nowhere"];

/** A random block-style document, written as renderers write them, with the writing choices drawn too. */
function generated(next: () => number): string {
    const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)];
    const width = pick([2, 2, 4, 1, 3]);
    const compactSequences = next() < 0.5;
    const lines: string[] = [];
    const anchors: string[] = [];
    const comment = () => (next() < 0.1 ? pick([" # note", "  #x", " #"]) : "");
    const extra = () => {
        if (next() < 0.05) lines.push("");
        if (next() < 0.05) lines.push(`${" ".repeat(Math.floor(next() * 6))}# a comment`);
    };
    const node = (indent: number, depth: number, prefix: string): void => {
        // prefix: what comes before the node's first line ("key:" or "- ")
        const kind = depth > 3 ? "scalar" : pick(["scalar", "scalar", "map", "seq", "empty", "alias"]);
        if (kind === "alias" && anchors.length > 0) {
            lines.push(`${" ".repeat(indent)}${prefix} *${pick(anchors)}${comment()}`);
            return;
        }
        if (kind === "scalar" || kind === "empty" || kind === "alias") {
            const value = kind === "empty" ? "" : pick(next() < 0.03 ? OTHER_SCALARS : SCALARS);
            lines.push(`${" ".repeat(indent)}${prefix}${value === "" ? "" : " "}${value}${comment()}`);
            return;
        }
        const entries = 1 + Math.floor(next() * 4);
        if (prefix.startsWith("-") && kind === "map" && next() < 0.7) {
            // "- key: value" and the rest of the mapping under the key.
            const dash = prefix + " ".repeat(Math.floor(next() * 2));
            const inner = indent + dash.length + 1;
            for (let i = 0; i < entries; i++) {
                extra();
                const key = `${pick(KEYS)}:`;
                if (i === 0) {
                    const start = lines.length;
                    node(inner, depth + 1, key);
                    lines[start] = `${" ".repeat(indent)}${dash} ${lines[start].slice(inner)}`;
                } else {
                    node(inner, depth + 1, key);
                }
            }
            return;
        }
        // Collections under a key are sometimes anchored, for aliases written after them.
        const anchor = prefix.endsWith(":") && next() < 0.3 ? `a${anchors.length}` : undefined;
        lines.push(`${" ".repeat(indent)}${prefix}${anchor ? ` &${anchor}` : ""}${comment()}`);
        const childIndent = kind === "seq" && compactSequences && prefix.endsWith(":") ? indent : indent + width;
        for (let i = 0; i < entries; i++) {
            extra();
            node(childIndent, depth + 1, kind === "map" ? `${pick(KEYS)}:` : "-");
        }
        if (anchor) anchors.push(anchor);
    };
    const entries = 1 + Math.floor(next() * 6);
    lines.push(`apiVersion: v1${comment()}`);
    for (let i = 0; i < entries; i++) {
        extra();
        node(0, 0, `${pick(KEYS)}:`);
    }
    return `${lines.join("\n")}\n`;
}

/** A random small edit: what a hand-edited or broken file may hold. */
function edited(text: string, next: () => number): string {
    const at = Math.floor(next() * text.length);
    const edits = [" ", "  ", ":", ": ", "#", " #", "-", "- ", "'", "\"", "\n", "\n  ", "{", "[", "}", "&", "*", "!", "|", ">", "\t", "\\", "?", ",", "~", "0", "é", "\r", "..."];
    const insert = edits[Math.floor(next() * edits.length)];
    return next() < 0.3 ? text.slice(0, at) + text.slice(at + 1) : text.slice(0, at) + insert + text.slice(at);
}

describe("the plain-document reader", () => {
    it("reads the bench corpus, every document of it, as the complete reader does", () => {
        const result = compareAll([helmStyleCorpus(600)]);
        expect(result.disagreements).toEqual([]);
        expect(result.answered).toBe(result.total);
        expect(result.total).toBe(600);
    });

    it("agrees with the complete reader on the kubectl agreement corpus, leaving it what it cannot read", () => {
        const dir = path.join(__dirname, "corpus");
        const texts = fs.readdirSync(dir).sort().map((name) => fs.readFileSync(path.join(dir, name), "utf8"));
        const result = compareAll(texts);
        expect(result.disagreements).toEqual([]);
        expect(result.answered).toBeGreaterThan(0);
        expect(result.answered).toBeLessThan(result.total);
        // plain-subset.yaml is there so that kubectl's own decoder checks what the plain reader reads.
        const subset = compareAll([fs.readFileSync(path.join(dir, "plain-subset.yaml"), "utf8")]);
        expect(subset).toEqual({ answered: 2, total: 2, disagreements: [] });
    });

    it("agrees on written-out edge cases", () => {
        const cases = [
            "a: 1\nb:\n- x\n- y\nc: 2\n",
            "a:\n  - x\n  -   y\n  -\n  - - n1\n    - n2\n",
            "- name: a\n  ports:\n  - 80\n  -  81\n-   name: b\n    args: [\"x\"]\n",
            "- {}\n- []\n- a: {}\n  b: []  # empty\n",
            "  indented: root\n  more: 2\n",
            "a: 1\n  b: 2\n",
            "a: x\n   continued\n",
            "- x\n  continued\n",
            "a: 'it''s' # c\nb: \"q: x\"\nc: 'a' b\n",
            "'quoted key': 1\n\"dq\": 2\n'': 3\n",
            "a: b: c\n",
            "a: foo:\n",
            "a:#b\n",
            "a : b\n",
            "key with # hash: 1\n",
            "a:\n# comment\n  b: 1\n# end\n",
            "a:\n\n\n  b: 1\n",
            "a: --port=80\nb: -1\nc: -\n",
            "a: ---\nb: ...\n",
            "~: null key\n",
            "a: .inf\n",
            "<<: {a: 1}\n",
            "x: [a, b]\n",
            "x: {a: 1}\n",
            "x: a[0]\n",
            "- - - deep\n",
            "-\n  a: 1\n",
            "a:\n  -\n    b: 1\n",
            "a: 1\na: 2\n",
            "1: one\n01: two\n0x1: three\n",
            "y: 1\nn: 2\nyes: 3\n",
            "- 1\n- 1.0\n- 1e3\n- 0.1e-2\n- 1_0.5\n- -0\n- +0x10\n- 0o7\n- 0b2\n- 9223372036854775808\n- 18446744073709551616\n",
            `k: ${"x".repeat(2000)}\n`,
            `${"k".repeat(1100)}: long key\n`,
            "a: |\n  literal\n",
            "a: >-\n  folded\n",
            "a: \"unterminated\n  next\"\n",
            "a: x #comment\nb: x# not a comment\n",
            "a:    \n  b: 1\n",
            "- a\n-b\n",
            "a:\n- b\n  - c\n",
            "a:\n  b: 1\n c: 2\n",
            "a: 1\n- b\n",
            "%YAML 1.1\n---\na: 1\n",
            "a: 1\n...\nb: 2\n",
            "? a\n: b\n",
            "a: &x 1\nb: *x\n",
            "a: !!str 1\n",
        ];
        const result = compareAll(cases);
        expect(result.disagreements).toEqual([]);
        expect(result.answered).toBeGreaterThan(cases.length / 3);
    });

    it("agrees on generated documents and on random edits of them", () => {
        const next = random(26);
        const documents = Array.from({ length: 400 }, () => generated(next));
        const edits = documents.flatMap((text) => Array.from({ length: 8 }, () => {
            let changed = text;
            for (let i = 0, count = 1 + Math.floor(next() * 3); i < count; i++) changed = edited(changed, next);
            return changed;
        }));
        const whole = compareAll(documents);
        const broken = compareAll(edits);
        expect(whole.disagreements).toEqual([]);
        expect(broken.disagreements).toEqual([]);
        // The generator writes mostly plain documents, and the edits leave many of them plain.
        expect(whole.answered).toBeGreaterThan(whole.total / 4);
        expect(broken.answered).toBeGreaterThan(broken.total / 10);
    });

    it("is the reader readKubernetesYaml uses first, with the positions reports name", () => {
        const stream = readKubernetesYaml("# header\na: 1\n---\n\nb:\n  - c: 1\n", "f.yaml");
        expect(stream.documents.map((d) => d.position)).toEqual([{ line: 2, column: 1 }, { line: 5, column: 1 }]);
        const item = (stream.documents[1].value as { b: object[] }).b[0];
        expect(stream.positionOf(item)).toEqual({ line: 6, column: 5 });
    });
});
