// HTML escaping for the page. Everything a run brings in (resource names, types, URNs, messages,
// exemption reasons and sources, paths) goes through these before it reaches the page: it is shown
// as text, never parsed as markup, and never leaves an attribute value it was put in.
import { visible, visibleLine } from "../safe";

const HTML_SPECIAL = /[&<>"']/g;
const ENTITIES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", "\"": "&quot;", "'": "&#39;" };

function entities(text: string): string {
    return text.replace(HTML_SPECIAL, (c) => ENTITIES[c]);
}

/** Text on one line, safe in element content and in a quoted attribute value; control characters shown visibly. */
export function escapeHtml(text: string): string {
    return entities(visibleLine(text));
}

/** Text that may span lines (messages, reasons), for an element laid out with `white-space: pre-wrap`. */
export function escapeHtmlBlock(text: string): string {
    return entities(visible(text));
}
