import * as fs from "fs";
import * as path from "path";
import { parseAllDocuments } from "yaml";
import type { ProgramRun, RecordedResource } from "./program/records";

export class ManifestError extends Error {
    constructor(message: string) {
        super(message);
        this.name = "ManifestError";
    }
}

export const MANIFEST_PROJECT = "manifests";
export const MANIFEST_STACK = "rendered";

/** One Kubernetes object read from a manifest, with where it came from. */
export interface ManifestObject {
    source: string;
    line: number;
    object: Record<string, unknown>;
}

/** The Pulumi type token the Kubernetes provider uses for an object: apps/v1 Deployment → kubernetes:apps/v1:Deployment. */
export function pulumiType(apiVersion: string, kind: string): string {
    const groupVersion = apiVersion.includes("/") ? apiVersion : `core/${apiVersion}`;
    return `kubernetes:${groupVersion}:${kind}`;
}

function isRecord(value: unknown): value is Record<string, unknown> {
    return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** Parses every document of a YAML (or JSON) text; a syntax error names the source and line. */
export function parseManifest(text: string, source: string): ManifestObject[] {
    const objects: ManifestObject[] = [];
    const lineOf = (offset: number) => text.slice(0, offset).split("\n").length;
    for (const doc of parseAllDocuments(text)) {
        if (doc.errors.length > 0) {
            const error = doc.errors[0];
            const line = error.linePos?.[0]?.line ?? lineOf(error.pos[0]);
            throw new ManifestError(`${source}:${line}: invalid YAML: ${error.message.split("\n")[0]}`);
        }
        const value = doc.toJS();
        if (value === null || value === undefined) {
            continue;
        }
        const line = lineOf(doc.contents?.range?.[0] ?? 0);
        if (!isRecord(value)) {
            throw new ManifestError(`${source}:${line}: expected a Kubernetes object, found ${Array.isArray(value) ? "a list" : typeof value}`);
        }
        flatten(value, source, line, objects);
    }
    return objects;
}

function flatten(value: Record<string, unknown>, source: string, line: number, into: ManifestObject[]): void {
    const kind = value.kind;
    const apiVersion = value.apiVersion;
    if (typeof kind !== "string" || typeof apiVersion !== "string") {
        throw new ManifestError(`${source}:${line}: a Kubernetes object needs apiVersion and kind`);
    }
    // `List` kinds (v1 List, ConfigMapList, ...) are not objects of their own: the API server applies their items.
    if (kind.endsWith("List") && Array.isArray(value.items)) {
        for (const item of value.items) {
            if (!isRecord(item)) {
                throw new ManifestError(`${source}:${line}: an item of ${kind} is not an object`);
            }
            flatten(item, source, line, into);
        }
        return;
    }
    into.push({ source, line, object: value });
}

function manifestFiles(target: string): string[] {
    const stat = fs.statSync(target);
    if (!stat.isDirectory()) {
        return [target];
    }
    return fs.readdirSync(target, { withFileTypes: true })
        .sort((a, b) => a.name.localeCompare(b.name))
        .flatMap((entry) => {
            const full = path.join(target, entry.name);
            if (entry.isDirectory()) {
                return manifestFiles(full);
            }
            return /\.(ya?ml|json)$/i.test(entry.name) ? [full] : [];
        });
}

/** Reads manifests from files, directories (recursively: .yaml, .yml, .json) and standard input ("-"). */
export function readManifests(targets: readonly string[], stdin: () => string = () => fs.readFileSync(0, "utf8")): ManifestObject[] {
    if (targets.length === 0) {
        throw new ManifestError("no manifests given: name files, directories, or - for standard input");
    }
    const objects: ManifestObject[] = [];
    for (const target of targets) {
        if (target === "-") {
            objects.push(...parseManifest(stdin(), "<stdin>"));
            continue;
        }
        if (!fs.existsSync(target)) {
            throw new ManifestError(`${target}: no such file or directory`);
        }
        for (const file of manifestFiles(target)) {
            objects.push(...parseManifest(fs.readFileSync(file, "utf8"), file));
        }
    }
    return objects;
}

/** Turns manifest objects into the resources a Pulumi program with the Kubernetes provider would register. */
export function manifestRun(objects: readonly ManifestObject[]): ProgramRun {
    const seen = new Map<string, number>();
    const resources: RecordedResource[] = objects.map(({ object }) => {
        const metadata = isRecord(object.metadata) ? object.metadata : {};
        const base = [metadata.namespace, metadata.name].filter((p) => typeof p === "string").join("/") || String(object.kind).toLowerCase();
        const type = pulumiType(String(object.apiVersion), String(object.kind));
        const key = `${type}::${base}`;
        const count = (seen.get(key) ?? 0) + 1;
        seen.set(key, count);
        const name = count > 1 ? `${base}-${count}` : base;
        return {
            urn: `urn:pulumi:${MANIFEST_STACK}::${MANIFEST_PROJECT}::${type}::${name}`,
            type, name, custom: true, remote: false,
            inputs: object,
            dependencies: [], propertyDependencies: {},
            options: { protect: false, ignoreChanges: [], deleteBeforeReplace: false, deleteBeforeReplaceDefined: false, additionalSecretOutputs: [], aliases: [], customTimeouts: { create: "", update: "", delete: "" } },
        };
    });
    return { project: MANIFEST_PROJECT, stack: MANIFEST_STACK, resources, unansweredInvokes: [] };
}
