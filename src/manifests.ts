import * as fs from "fs";
import * as path from "path";
import type { ProgramRun, RecordedResource } from "./program/records";
import { KubernetesYamlError, readKubernetesYaml, YamlStream } from "./yaml";
import { readKubernetesYamlParallel } from "./yaml/parallel";
import { renderDirectory, renderRootFile, renderRootKind, RenderKind, RenderUnavailable } from "./program/render-directory";

export class ManifestError extends Error {
    constructor(message: string) {
        super(message);
        this.name = "ManifestError";
    }
}

export const MANIFEST_PROJECT = "manifests";
export const MANIFEST_STACK = "rendered";

/** One Kubernetes object read from a manifest, with where it came from (1-based line and column). */
export interface ManifestObject {
    source: string;
    line: number;
    column: number;
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

/**
 * Parses every document of a YAML (or JSON) text as kubectl reads it (see src/yaml); empty and null
 * documents are skipped, and a syntax error names the source and line.
 */
export function parseManifest(text: string, source: string): ManifestObject[] {
    let stream;
    try {
        stream = readKubernetesYaml(text, source);
    } catch (err) {
        throw err instanceof KubernetesYamlError ? new ManifestError(err.message) : err;
    }
    return objectsOf(stream, source);
}

/** parseManifest, with a large stream decoded by worker threads (src/yaml/parallel.ts). */
export async function parseManifestInParallel(text: string, source: string): Promise<ManifestObject[]> {
    let stream;
    try {
        stream = await readKubernetesYamlParallel(text, source);
    } catch (err) {
        throw err instanceof KubernetesYamlError ? new ManifestError(err.message) : err;
    }
    return objectsOf(stream, source);
}

function objectsOf(stream: YamlStream, source: string): ManifestObject[] {
    const objects: ManifestObject[] = [];
    for (const { value, position } of stream.documents) {
        if (!isRecord(value)) {
            throw new ManifestError(`${source}:${position.line}: expected a Kubernetes object, found ${Array.isArray(value) ? "a list" : typeof value}`);
        }
        flatten(value, source, position, stream.positionOf, objects);
    }
    return objects;
}

type Position = { line: number; column: number };

function flatten(value: Record<string, unknown>, source: string, at: Position, positionOf: (value: object) => Position | undefined, into: ManifestObject[]): void {
    const kind = value.kind;
    const apiVersion = value.apiVersion;
    if (typeof kind !== "string" || typeof apiVersion !== "string") {
        throw new ManifestError(`${source}:${at.line}: a Kubernetes object needs apiVersion and kind`);
    }
    // `List` kinds (v1 List, ConfigMapList, ...) are not objects of their own: the API server applies their items.
    if (kind.endsWith("List") && Array.isArray(value.items)) {
        for (const item of value.items) {
            // kubectl and the Pulumi Kubernetes SDK skip empty items.
            if (item === null) {
                continue;
            }
            const itemAt = (isRecord(item) && positionOf(item)) || at;
            if (!isRecord(item)) {
                throw new ManifestError(`${source}:${itemAt.line}: an item of ${kind} is not an object`);
            }
            flatten(item, source, itemAt, positionOf, into);
        }
        return;
    }
    into.push({ source, line: at.line, column: at.column, object: value });
}

function readError(file: string, err: unknown): ManifestError {
    const code = (err as NodeJS.ErrnoException).code;
    const cause = {
        EISDIR: "is a directory",
        EACCES: "permission denied",
        EPERM: "permission denied",
        ENOENT: "no such file (a broken symbolic link?)",
        ELOOP: "too many levels of symbolic links",
    }[code ?? ""] ?? (err instanceof Error ? err.message.split("\n")[0] : String(err));
    return new ManifestError(`${file}: cannot read: ${cause}`);
}

/** A directory's manifests (.yaml, .yml, .json), recursively, following symbolic links; `seen` holds real paths already read. */
function directoryFiles(dir: string, seen: Set<string>): string[] {
    let real: string;
    let entries: fs.Dirent[];
    try {
        real = fs.realpathSync(dir);
        if (seen.has(real)) {
            return [];
        }
        seen.add(real);
        entries = fs.readdirSync(dir, { withFileTypes: true });
    } catch (err) {
        throw readError(dir, err);
    }
    return entries
        .sort((a, b) => a.name.localeCompare(b.name))
        .flatMap((entry) => {
            const full = path.join(dir, entry.name);
            let isDirectory = entry.isDirectory();
            if (entry.isSymbolicLink()) {
                try {
                    isDirectory = fs.statSync(full).isDirectory();
                } catch (err) {
                    if (!/\.(ya?ml|json)$/i.test(entry.name)) {
                        return [];
                    }
                    throw readError(full, err);
                }
            }
            if (isDirectory) {
                return directoryFiles(full, seen);
            }
            return /\.(ya?ml|json)$/i.test(entry.name) ? [full] : [];
        });
}

function readText(file: string): string {
    try {
        return fs.readFileSync(file, "utf8");
    } catch (err) {
        throw readError(file, err);
    }
}

/**
 * Reads manifests from files, directories (recursively: .yaml, .yml, .json) and standard input ("-").
 * Nothing to judge is an error, never a pass: a named file or standard input without a Kubernetes
 * object, and a directory without any, are each refused with their name.
 */
export function readManifests(targets: readonly string[], stdin: () => string = () => fs.readFileSync(0, "utf8")): ManifestObject[] {
    return manifestTexts(targets, stdin).flatMap(({ texts, name, why, render }) => {
        if (render) {
            throw new ManifestError(`${render.dir} is a ${render.kind}: render it first: ${renderHint(render.dir, render.kind)}`);
        }
        return nonEmpty(texts.flatMap(({ text, source }) => parseManifest(text, source)), name, why);
    });
}

/** readManifests, with large files decoded by worker threads: the same objects and errors. */
export async function readManifestsInParallel(targets: readonly string[], stdin: () => string = () => fs.readFileSync(0, "utf8")): Promise<ManifestObject[]> {
    const objects: ManifestObject[] = [];
    for (const { texts, name, why, render } of manifestTexts(targets, stdin)) {
        const found: ManifestObject[] = render ? await renderedObjects(render) : [];
        for (const { text, source } of texts) {
            for (const object of await parseManifestInParallel(text, source)) found.push(object);
        }
        for (const object of nonEmpty(found, name, why)) objects.push(object);
    }
    return objects;
}

/** What one target named on the command line holds, and how to say it held no object. */
interface TargetTexts {
    name: string;
    why: string;
    texts: Array<{ text: string; source: string }>;
    /** Set for a kustomization or a chart named as a target: its rendering is what is judged. */
    render?: { dir: string; kind: RenderKind };
}

/** How to render a directory by hand and judge the result instead. */
function renderHint(dir: string, kind: RenderKind): string {
    return kind === "kustomization" ? `kubectl kustomize ${dir} | prodready manifests -` : `helm template ${dir} | prodready manifests -`;
}

/**
 * A kustomization's or a chart's files are not what gets applied. Named as a target, one is rendered;
 * found inside a directory, it is refused rather than judged as if its bases or templates were deployed.
 */
function refuseNestedRenderRoots(dir: string, files: readonly string[]): void {
    const roots = new Set(files.map((file) => path.dirname(file)));
    for (const root of [...roots].sort()) {
        const kind = root !== dir ? renderRootKind(root) : undefined;
        if (kind) {
            throw new ManifestError(`${root} is a ${kind}: its files are not what gets applied; name it as a target of its own to render it, or render it yourself: ${renderHint(root, kind)}`);
        }
    }
}

/** The objects a kustomization or chart renders to, located at its kustomization.yaml or Chart.yaml. */
async function renderedObjects(render: { dir: string; kind: RenderKind }): Promise<ManifestObject[]> {
    let rendered: unknown[];
    try {
        rendered = await renderDirectory(render.dir, render.kind);
    } catch (err) {
        const cause = err instanceof RenderUnavailable
            ? `rendering it needs ${err.message}, which was not found (scripts/install-kubernetes-provider.sh, or pulumi plugin install resource kubernetes)`
            : `it did not render: ${(err as Error).message.split("\n")[0]}`;
        throw new ManifestError(`${render.dir} is a ${render.kind}: ${cause}; or render it yourself: ${renderHint(render.dir, render.kind)}`);
    }
    const source = renderRootFile(render.dir, render.kind);
    const objects: ManifestObject[] = [];
    for (const value of rendered) {
        if (isRecord(value)) {
            flatten(value, source, { line: 1, column: 1 }, () => undefined, objects);
        }
    }
    return objects;
}

function manifestTexts(targets: readonly string[], stdin: () => string): TargetTexts[] {
    if (targets.length === 0) {
        throw new ManifestError("no manifests given: name files, directories, or - for standard input");
    }
    return targets.map((target): TargetTexts => {
        if (target === "-") {
            let text: string;
            try {
                text = stdin();
            } catch (err) {
                throw new ManifestError(`<stdin>: cannot read standard input: ${err instanceof Error ? err.message.split("\n")[0] : String(err)}`);
            }
            return { name: "<stdin>", why: "standard input is empty or holds only comments and document separators (did the command before the pipe fail?)", texts: [{ text, source: "<stdin>" }] };
        }
        let stat: fs.Stats;
        try {
            stat = fs.statSync(target);
        } catch (err) {
            const code = (err as NodeJS.ErrnoException).code;
            throw code === "ENOENT" ? new ManifestError(`${target}: no such file or directory`) : readError(target, err);
        }
        if (!stat.isDirectory()) {
            return { name: target, why: "no Kubernetes objects: the file is empty or holds only comments, document separators or empty Lists", texts: [{ text: readText(target), source: target }] };
        }
        const kind = renderRootKind(target);
        if (kind) {
            return { name: target, why: `the ${kind} renders no Kubernetes objects`, texts: [], render: { dir: target, kind } };
        }
        const files = directoryFiles(target, new Set());
        refuseNestedRenderRoots(target, files);
        return {
            name: target,
            why: "no Kubernetes objects in the directory (files read: .yaml, .yml, .json)",
            texts: files.map((file) => ({ text: readText(file), source: file })),
        };
    });
}

function nonEmpty(objects: ManifestObject[], name: string, why: string): ManifestObject[] {
    if (objects.length === 0) {
        throw new ManifestError(`${name}: ${why}`);
    }
    return objects;
}

/** Turns manifest objects into the resources a Pulumi program with the Kubernetes provider would register. */
export function manifestRun(objects: readonly ManifestObject[]): ProgramRun {
    const seen = new Map<string, number>();
    const resources: RecordedResource[] = objects.map(({ object, source, line, column }) => {
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
            // Standard input has no path: its name is kept as it is.
            source: { file: source === "<stdin>" ? source : path.resolve(source), line, column },
        };
    });
    return { project: MANIFEST_PROJECT, stack: MANIFEST_STACK, resources, unansweredInvokes: [] };
}
