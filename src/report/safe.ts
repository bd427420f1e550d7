// Text that reaches a terminal or a pull-request comment comes from programs, manifests, event logs
// and configs nobody reviewed: a resource name or a message must not be able to move the cursor,
// set a terminal title, open a hyperlink (ESC, CSI, OSC, BEL) or add rows, links or images to a
// Markdown comment. These helpers show such characters visibly instead of passing them through.

// C0 controls except tab and newline, DEL, C1 controls, and the Unicode bidirectional overrides and
// isolates that reorder what a reader sees.
const CONTROLS = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;
const CONTROLS_AND_BREAKS = /[\u0000-\u001f\u007f-\u009f\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

function escapeChar(c: string): string {
    const code = c.charCodeAt(0);
    if (c === "\n") {
        return "\\n";
    }
    if (c === "\t") {
        return "\\t";
    }
    if (c === "\r") {
        return "\\r";
    }
    return code <= 0xff ? `\\x${code.toString(16).padStart(2, "0")}` : `\\u${code.toString(16).padStart(4, "0")}`;
}

/** Terminal-safe text: control characters shown as `\x1b`, `\u202e`; newline and tab kept. */
export function visible(text: string): string {
    return text.replace(CONTROLS, escapeChar);
}

/** Terminal-safe text on one line: newline and tab are escaped too (names, types, paths). */
export function visibleLine(text: string): string {
    return text.replace(CONTROLS_AND_BREAKS, escapeChar);
}

// The ASCII punctuation that starts Markdown, HTML or GitHub syntax inside a line: backslash, code,
// emphasis, links and images (`[`), HTML tags, autolinks and entities (`<`, `&`), table cells (`|`),
// strikethrough, mentions (`@`), issue references (`#`) and math (`$`). CommonMark renders a
// backslash-escaped punctuation character as itself.
const MARKDOWN_SPECIAL = /[\\`*_[\]<>|~&@#$]/g;

/** Markdown-safe prose on one line: rendered literally, never as a link, image, tag, mention or table cell break. */
export function markdownText(text: string): string {
    return visibleLine(text.replace(/\r\n?|\n/g, " "))
        .replace(MARKDOWN_SPECIAL, (c) => `\\${c}`)
        // GitHub links bare URLs and `www.` domains; an escaped character in the middle stops it.
        .replace(/:\/\//g, "\\://")
        .replace(/www\./gi, (m) => `${m.slice(0, 3)}\\.`);
}

/**
 * A Markdown code span that holds `text` literally, however many backticks it contains; on one
 * line, with `|` escaped (GitHub splits table cells on it even inside code spans).
 */
export function markdownCode(text: string): string {
    const line = visibleLine(text.replace(/\r\n?|\n/g, " "));
    const longest = Math.max(0, ...(line.match(/`+/g) ?? []).map((run) => run.length));
    const fence = "`".repeat(longest + 1);
    const pad = line.startsWith("`") || line.endsWith("`") || line === "" ? " " : "";
    return `${fence}${pad}${line.replace(/\|/g, "\\|")}${pad}${fence}`;
}
