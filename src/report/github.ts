// GitHub Actions workflow commands: one annotation per finding that needs a look, at the line that
// declares its resource, so the run's summary and the pull request's diff show it without any
// upload. `::error` for what fails the run (a mandatory violation, a finding not verified),
// `::warning` for an advisory violation. Other lines of the output are shown in the log as they are.
// Format and escaping: https://docs.github.com/actions/reference/workflow-commands-for-github-actions
import * as path from "path";
import type { Report, ReportFinding, SourceLocation } from "./document";
import { packsLabel, where } from "./document";
import { repositoryRoot } from "./locations";
import { visibleLine } from "./safe";
import { adoptionLines, countsText, gateLines, standInLine } from "./text";

/** A command's message: GitHub's runner reads `%`, CR and LF as escapes or the command's end. */
export function escapeData(text: string): string {
    return text.replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A");
}

/** A command's property value: as data, and `:` and `,` too, which separate properties. */
export function escapeProperty(text: string): string {
    return escapeData(text).replace(/:/g, "%3A").replace(/,/g, "%2C");
}

export interface GithubOptions {
    /** The directory report paths are relative to (default: the repository root above the working directory). */
    root?: string;
    /** The directory annotation paths are written relative to (default: the working directory). */
    cwd?: string;
}

/** A report path (relative to the repository root) as a path relative to the working directory. */
function annotationFile(location: SourceLocation, root: string, cwd: string): string | undefined {
    if (location.file.startsWith("<")) {
        return undefined; // standard input: no file to annotate
    }
    const relative = path.relative(cwd, path.resolve(root, location.file));
    return relative.split(path.sep).join("/");
}

function command(finding: ReportFinding): "error" | "warning" | undefined {
    if (finding.debt) {
        return undefined; // existing debt (baselined, untouched): counted and listed in the log lines, not annotated
    }
    if (finding.notVerified || (finding.outcome === "violation" && finding.enforcementLevel === "mandatory")) {
        return "error";
    }
    return finding.outcome === "violation" ? "warning" : undefined;
}

/** The report as workflow commands, then the counts and the gate as plain log lines. */
export function renderGithub(report: Report, options: GithubOptions = {}): string {
    const cwd = options.cwd ?? process.cwd();
    const root = options.root ?? repositoryRoot(cwd);
    const lines: string[] = [];
    for (const f of report.findings) {
        const kind = command(f);
        if (!kind) {
            continue; // unknown during preview and not failing: neither a pass nor a violation
        }
        const file = f.location ? annotationFile(f.location, root, cwd) : undefined;
        const properties = [
            ...(file !== undefined && f.location ? [`file=${escapeProperty(file)}`, `line=${f.location.line}`, ...(f.location.column ? [`col=${f.location.column}`] : [])] : []),
            `title=${escapeProperty(f.policy)}`,
        ];
        const message = f.notVerified ? `Not verified: ${f.notVerified.reason} (${where(f)}). ${f.message}` : `${f.message} (${where(f)})`;
        lines.push(`::${kind} ${properties.join(",")}::${escapeData(message)}`);
    }
    // The counts and the gate as log lines; each starts with "prodready:", so none can be read as a command.
    lines.push(`prodready: ${visibleLine(packsLabel(report))}: ${countsText(report)}`, ...gateLines(report).map((l) => `prodready: ${visibleLine(l)}`),
        ...adoptionLines(report).map((l) => `prodready: ${l}`));
    if (report.summary.standInFunctions?.length) {
        lines.push(`prodready: ${standInLine(report.summary.standInFunctions)}`);
    }
    return lines.join("\n") + "\n";
}
