// One entry for every command that prints a report (`preview`, `manifests`, `report`).
import type { Report } from "./document";

export const FORMATS = ["text", "json", "sarif", "junit", "markdown", "html", "github", "gitlab"] as const;
export type Format = (typeof FORMATS)[number];

export interface RenderOptions {
    color?: boolean;
    /** SARIF and GitLab: the file a result without a declaring line points at (default Pulumi.yaml; null: none). */
    artifact?: string | null;
}

// Each format's module loads when a report is rendered in it: a run renders one or two.
/* eslint-disable @typescript-eslint/no-require-imports */
export function render(report: Report, format: Format, options: RenderOptions = {}): string {
    switch (format) {
        case "json":
            return (require("./json") as typeof import("./json")).renderJson(report);
        case "sarif":
            return (require("./sarif") as typeof import("./sarif")).renderSarif(report, { artifact: options.artifact });
        case "junit":
            return (require("./junit") as typeof import("./junit")).renderJunit(report);
        case "markdown":
            return (require("./markdown") as typeof import("./markdown")).renderMarkdown(report);
        case "html":
            return (require("./html") as typeof import("./html")).renderHtml(report);
        case "github":
            return (require("./github") as typeof import("./github")).renderGithub(report);
        case "gitlab":
            return (require("./gitlab") as typeof import("./gitlab")).renderGitlab(report, { artifact: options.artifact });
        default:
            return (require("./text") as typeof import("./text")).renderText(report, { color: options.color });
    }
}
/* eslint-enable @typescript-eslint/no-require-imports */

export type { Report } from "./document";
export { reportFromAnalysis } from "./document";
