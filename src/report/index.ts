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
const RENDERERS: Record<Format, () => (report: Report, options: RenderOptions) => string> = {
    text: () => {
        const { renderText } = require("./text") as typeof import("./text");
        return (report, options) => renderText(report, { color: options.color });
    },
    json: () => {
        const { renderJson } = require("./json") as typeof import("./json");
        return (report) => renderJson(report);
    },
    sarif: () => {
        const { renderSarif } = require("./sarif") as typeof import("./sarif");
        return (report, options) => renderSarif(report, { artifact: options.artifact });
    },
    junit: () => {
        const { renderJunit } = require("./junit") as typeof import("./junit");
        return (report) => renderJunit(report);
    },
    markdown: () => {
        const { renderMarkdown } = require("./markdown") as typeof import("./markdown");
        return (report) => renderMarkdown(report);
    },
    html: () => {
        const { renderHtml } = require("./html") as typeof import("./html");
        return (report) => renderHtml(report);
    },
    github: () => {
        const { renderGithub } = require("./github") as typeof import("./github");
        return (report) => renderGithub(report);
    },
    gitlab: () => {
        const { renderGitlab } = require("./gitlab") as typeof import("./gitlab");
        return (report, options) => renderGitlab(report, { artifact: options.artifact });
    },
};
/* eslint-enable @typescript-eslint/no-require-imports */

export function render(report: Report, format: Format, options: RenderOptions = {}): string {
    // An unknown format prints text, as it always has.
    return (RENDERERS[format] ?? RENDERERS.text)()(report, options);
}

export type { Report } from "./document";
export { reportFromAnalysis } from "./document";
