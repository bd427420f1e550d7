// One entry for every command that prints a report (`preview`, `manifests`, `report`).
import type { Report } from "./document";
import { renderJunit } from "./junit";
import { renderMarkdown } from "./markdown";
import { renderSarif } from "./sarif";
import { renderText } from "./text";

export const FORMATS = ["text", "json", "sarif", "junit", "markdown"] as const;
export type Format = (typeof FORMATS)[number];

export interface RenderOptions {
    color?: boolean;
    /** SARIF: the file results point at (default Pulumi.yaml). */
    artifact?: string;
}

export function render(report: Report, format: Format, options: RenderOptions = {}): string {
    switch (format) {
        case "json":
            return JSON.stringify(report, null, 2) + "\n";
        case "sarif":
            return renderSarif(report, { artifact: options.artifact });
        case "junit":
            return renderJunit(report);
        case "markdown":
            return renderMarkdown(report);
        default:
            return renderText(report, { color: options.color });
    }
}

export type { Report } from "./document";
export { reportFromAnalysis } from "./document";
