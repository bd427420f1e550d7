// Where each resource is declared, as reports show it: a path relative to the repository (the
// nearest directory above the working directory holding `.git`, else the working directory), with
// forward slashes, so SARIF viewers and code review can open the line.
import * as fs from "fs";
import * as path from "path";
import type { RecordedResource } from "../program/records";
import type { SourceLocation } from "./document";

/** The directory report paths are relative to. */
export function repositoryRoot(from: string = process.cwd()): string {
    let dir = path.resolve(from);
    for (;;) {
        if (fs.existsSync(path.join(dir, ".git"))) {
            return dir;
        }
        const parent = path.dirname(dir);
        if (parent === dir) {
            return path.resolve(from);
        }
        dir = parent;
    }
}

/** A path as reports show it: relative to the root when inside it, else absolute; always with `/`. */
export function displayPath(file: string, root: string): string {
    if (!path.isAbsolute(file)) {
        return file.split(path.sep).join("/");
    }
    const relative = path.relative(root, file);
    const shown = relative !== "" && !relative.startsWith("..") && !path.isAbsolute(relative) ? relative : file;
    return shown.split(path.sep).join("/");
}

/** The declaring line of every resource that has one, by URN. */
export function sourceLocations(resources: readonly Pick<RecordedResource, "urn" | "source">[], root: string = repositoryRoot()): Map<string, SourceLocation> {
    const locations = new Map<string, SourceLocation>();
    for (const r of resources) {
        if (r.source) {
            locations.set(r.urn, { file: displayPath(r.source.file, root), line: r.source.line, column: r.source.column });
        }
    }
    return locations;
}

/** `file:line`, the way compilers and linters print a place. */
export function formatLocation(location: SourceLocation): string {
    return `${location.file}:${location.line}`;
}
