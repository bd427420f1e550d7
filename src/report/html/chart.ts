// Inline SVG charts: stacked horizontal bars of the checklist items' statuses. Only numbers and
// escaped labels are written; the colours come from the page's style sheet (classes `s-<status>`).
import { ITEM_STATUSES, ItemStatus, Counts } from "../../score/score";
import { escapeHtml } from "./escape";

export interface BarRow {
    label: string;
    counts: Counts;
    /** The row's score in percent, or undefined when no item of the row is enforced. */
    score: number | undefined;
}

export const STATUS_LABELS: Record<ItemStatus, string> = {
    "passing": "passing",
    "failing": "failing",
    "exempt": "exempt",
    "unknown": "unknown during preview",
    "not-enforced": "not yet enforced",
    "not-infrastructure": "not infrastructure",
};

const WIDTH = 920;
const LABEL_WIDTH = 170;
const BAR_WIDTH = 460;
const ROW_HEIGHT = 30;
const BAR_HEIGHT = 20;

function fixed(n: number): string {
    return (Math.round(n * 100) / 100).toString();
}

/** One stacked bar per row, with the row's score at its end; each segment names its status and count on hover. */
export function stackedBars(rows: readonly BarRow[], title: string): string {
    const height = rows.length * ROW_HEIGHT + 6;
    const parts: string[] = [`<svg class="bars" viewBox="0 0 ${WIDTH} ${height}" role="img" aria-label="${escapeHtml(title)}"><title>${escapeHtml(title)}</title>`];
    rows.forEach((row, i) => {
        const y = i * ROW_HEIGHT + 4;
        const total = ITEM_STATUSES.reduce((sum, s) => sum + row.counts[s], 0);
        parts.push(`<text class="label" x="${LABEL_WIDTH - 10}" y="${y + BAR_HEIGHT - 5}" text-anchor="end">${escapeHtml(row.label)}</text>`);
        parts.push(`<rect class="track" x="${LABEL_WIDTH}" y="${y}" width="${BAR_WIDTH}" height="${BAR_HEIGHT}" rx="3"/>`);
        let x = LABEL_WIDTH;
        for (const status of ITEM_STATUSES) {
            const count = row.counts[status];
            if (count === 0 || total === 0) {
                continue;
            }
            const width = (count / total) * BAR_WIDTH;
            parts.push(`<rect class="s-${status}" x="${fixed(x)}" y="${y}" width="${fixed(width)}" height="${BAR_HEIGHT}"><title>${escapeHtml(`${row.label}: ${count} ${STATUS_LABELS[status]}`)}</title></rect>`);
            x += width;
        }
        const figure = row.score === undefined ? "not enforced" : `${row.score}%`;
        parts.push(`<text class="figure" x="${LABEL_WIDTH + BAR_WIDTH + 12}" y="${y + BAR_HEIGHT - 5}">${figure} <tspan class="of">(${row.counts.passing} of ${total - row.counts["not-enforced"] - row.counts["not-infrastructure"]} enforced pass)</tspan></text>`);
    });
    parts.push("</svg>");
    return parts.join("");
}

/** The colour key of the bars. */
export function legend(): string {
    return `<ul class="legend">${ITEM_STATUSES.map((s) => `<li><svg width="12" height="12" aria-hidden="true"><rect class="s-${s}" width="12" height="12" rx="2"/></svg> ${STATUS_LABELS[s]}</li>`).join("")}</ul>`;
}
