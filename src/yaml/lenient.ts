// Two things go-yaml accepts that the `yaml` package rejects, rewritten into equivalent YAML before a
// second parse: a quoted scalar whose continuation lines are indented less than its key (continuation
// lines lose their leading white space when folded, so indenting them keeps the value), and the "\'"
// escape inside double quotes.
import { CST, Parser } from "yaml";

/** The offset of the quote that closes the quoted scalar opening at `start`, or -1. */
function closingQuote(text: string, start: number): number {
    const quote = text[start];
    let end = text.indexOf(quote, start + 1);
    if (quote === "'") {
        while (end !== -1 && text[end + 1] === "'") end = text.indexOf("'", end + 2);
        return end;
    }
    while (end !== -1) {
        let backslashes = 0;
        while (text[end - 1 - backslashes] === "\\") backslashes++;
        if (backslashes % 2 === 0) return end;
        end = text.indexOf("\"", end + 1);
    }
    return -1;
}

interface Edit {
    at: number;
    remove: number;
    insert: string;
}

function quotedScalars(text: string): CST.FlowScalar[] {
    const scalars: CST.FlowScalar[] = [];
    const take = (token: CST.Token | undefined) => {
        if (token && (token.type === "double-quoted-scalar" || token.type === "single-quoted-scalar")) scalars.push(token);
    };
    for (const token of new Parser().parse(text)) {
        if (token.type !== "document") continue;
        CST.visit(token, (item) => {
            take(item.key ?? undefined);
            take(item.value);
        });
    }
    return scalars.sort((a, b) => a.offset - b.offset);
}

/** The text with go-yaml-only quoted scalars rewritten, or undefined when there is nothing to rewrite. */
export function rewriteQuotedScalars(text: string): string | undefined {
    const edits: Edit[] = [];
    for (const scalar of quotedScalars(text)) {
        const start = scalar.offset;
        const end = closingQuote(text, start);
        if (end === -1) break;
        if (text[start] === "\"") {
            for (let i = start + 1; i < end; i++) {
                if (text[i] === "\\") {
                    if (text[i + 1] === "'") edits.push({ at: i, remove: 1, insert: "" });
                    i++;
                }
            }
        }
        if (start + scalar.source.length <= end) {
            // Cut short by an unindented continuation line: indent every continuation line past the quote's column.
            const pad = " ".repeat(start - (text.lastIndexOf("\n", start - 1) + 1));
            for (let nl = text.indexOf("\n", start); nl !== -1 && nl < end; nl = text.indexOf("\n", nl + 1)) {
                edits.push({ at: nl + 1, remove: 0, insert: pad });
            }
            // Tokens after a cut-short scalar are misread; the caller parses again.
            break;
        }
    }
    if (edits.length === 0) {
        return undefined;
    }
    let result = "";
    let from = 0;
    for (const edit of edits.sort((a, b) => a.at - b.at)) {
        result += text.slice(from, edit.at) + edit.insert;
        from = edit.at + edit.remove;
    }
    return result + text.slice(from);
}
