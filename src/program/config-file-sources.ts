// The objects a Kubernetes `yaml.ConfigFile` (or a ConfigGroup's file) creates are registered from a
// callback, so the SDK's stack holds no line of theirs. Where the component names its file, each
// object is pointed at the line it starts on in that file instead of at the component's call.
import * as fs from "fs";
import * as path from "path";
import { parseManifest } from "../manifests";
import type { RecordedResource } from "./records";

const CONFIG_FILE = "kubernetes:yaml:ConfigFile";

function objectKey(kind: unknown, metadata: unknown): string | undefined {
    if (typeof kind !== "string" || metadata === null || typeof metadata !== "object") {
        return undefined;
    }
    const { name, namespace } = metadata as Record<string, unknown>;
    return typeof name === "string" ? `${kind}\u0000${typeof namespace === "string" ? namespace : ""}\u0000${name}` : undefined;
}

/** Each object's line in a ConfigFile's file, by kind, namespace and name; none for a file that cannot be read. */
function linesOf(file: string): Map<string, { line: number; column: number }> {
    const lines = new Map<string, { line: number; column: number }>();
    let objects;
    try {
        objects = parseManifest(fs.readFileSync(file, "utf8"), file);
    } catch {
        return lines; // the component itself reports a file it cannot read
    }
    for (const { object, line, column } of objects) {
        const key = objectKey(object.kind, object.metadata);
        if (key && !lines.has(key)) {
            lines.set(key, { line, column });
        }
    }
    return lines;
}

/** The resources, with the objects of ConfigFiles pointed at their lines in the files. */
export function locateConfigFileObjects(resources: readonly RecordedResource[], programDir: string): RecordedResource[] {
    const files = new Map<string, string>();
    for (const r of resources) {
        const file = r.inputs.file;
        if (r.type === CONFIG_FILE && typeof file === "string" && !/^[a-z][a-z0-9+.-]*:\/\//i.test(file)) {
            files.set(r.urn, path.resolve(programDir, file));
        }
    }
    if (files.size === 0) {
        return [...resources];
    }
    const cache = new Map<string, Map<string, { line: number; column: number }>>();
    return resources.map((r) => {
        const file = r.parent ? files.get(r.parent) : undefined;
        const key = file ? objectKey(r.inputs.kind, r.inputs.metadata) : undefined;
        if (!file || !key) {
            return r;
        }
        let lines = cache.get(file);
        if (!lines) {
            lines = linesOf(file);
            cache.set(file, lines);
        }
        const at = lines.get(key);
        return at ? { ...r, source: { file, ...at } } : r;
    });
}
