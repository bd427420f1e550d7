// One entry for every command that prints a report (`preview`, `manifests`, `report`).
import type { Report } from "./document";
import { renderGithub } from "./github";
import { renderGitlab } from "./gitlab";
import { renderHtml } from "./html";
import { renderJson } from "./json";
import { renderJunit } from "./junit";
import { renderMarkdown } from "./markdown";
import { renderSarif } from "./sarif";
import { renderText } from "./text";

export const FORMATS = ["text", "json", "sarif", "junit", "markdown", "html", "github", "gitlab"] as const;
export type Format = (typeof FORMATS)[number];

export interface RenderOptions {
    color?: boolean;
    /** SARIF and GitLab: the file a result without a declaring line points at (default Pulumi.yaml; null: none). */
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
        case "github":
            return renderGithub(report);
        case "gitlab":
            return renderGitlab(report, { artifact: options.artifact });
        default:
            return renderText(report, { color: options.color });
    }
}

export type { Report } from "./document";
export { reportFromAnalysis } from "./document";
