// One entry for every command that prints a report (`preview`, `manifests`, `report`).
import type { Report } from "./document";
import { renderHtml } from "./html";
import { renderJson } from "./json";
import { renderJunit } from "./junit";
import { renderMarkdown } from "./markdown";
import { renderSarif } from "./sarif";
import { renderText } from "./text";

export const FORMATS = ["text", "json", "sarif", "junit", "markdown", "html"] as const;
export type Format = (typeof FORMATS)[number];

export interface RenderOptions {
    color?: boolean;
    /** SARIF: the file a result without a declaring line points at (default Pulumi.yaml; null: none). */
    artifact?: string | null;
}

export function render(report: Report, format: Format, options: RenderOptions = {}): string {
    switch (format) {
        case "json":
            return renderJson(report);
        case "sarif":
            return renderSarif(report, { artifact: options.artifact });
        case "junit":
            return renderJunit(report);
        case "markdown":
            return renderMarkdown(report);
        case "html":
            return renderHtml(report);
        default:
            return renderText(report, { color: options.color });
    }
}

export type { Report } from "./document";
export { reportFromAnalysis } from "./document";
