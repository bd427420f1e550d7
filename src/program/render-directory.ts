// A kustomization or a Helm chart is not what gets applied: its rendering is. The Kubernetes
// provider's own functions render both (the ones behind kustomize.Directory and helm.v3.Chart), so
// `prodready manifests` judges what `kubectl apply -k` or `helm install` would send.
import * as fs from "fs";
import * as path from "path";

export type RenderKind = "kustomization" | "Helm chart";

const KUSTOMIZATION_FILES = ["kustomization.yaml", "kustomization.yml", "Kustomization"];

/** What a directory is the root of, if it must be rendered before it can be judged. */
export function renderRootKind(dir: string): RenderKind | undefined {
    if (KUSTOMIZATION_FILES.some((f) => fs.existsSync(path.join(dir, f)))) {
        return "kustomization";
    }
    return fs.existsSync(path.join(dir, "Chart.yaml")) ? "Helm chart" : undefined;
}

/** The file that makes a directory a render root: where its rendered objects are located. */
export function renderRootFile(dir: string, kind: RenderKind): string {
    return kind === "Helm chart" ? path.join(dir, "Chart.yaml") : path.join(dir, KUSTOMIZATION_FILES.find((f) => fs.existsSync(path.join(dir, f))) ?? KUSTOMIZATION_FILES[0]);
}

export class RenderUnavailable extends Error {}

/**
 * Renders a kustomization (as `kubectl kustomize`) or a local chart (as `helm template` with the
 * release name `release-name`) through the Kubernetes provider plugin. Throws RenderUnavailable
 * when no plugin can be found, and an Error with the renderer's cause when rendering fails.
 */
export async function renderDirectory(dir: string, kind: RenderKind): Promise<unknown[]> {
    // The engine's modules load only when a directory is rendered, not on every start of the CLI.
    /* eslint-disable @typescript-eslint/no-require-imports */
    const { startPreviewEngine } = require("./preview-engine") as typeof import("./preview-engine");
    const { RecordingMonitor } = require("./recording-monitor") as typeof import("./recording-monitor");
    /* eslint-enable @typescript-eslint/no-require-imports */
    const monitor = new RecordingMonitor({}, "manifests", "rendered", undefined, { config: {}, secretKeys: [], cwd: path.resolve(dir) });
    const engine = await startPreviewEngine(monitor);
    try {
        const [token, args] = kind === "kustomization"
            ? ["kubernetes:kustomize:directory", { directory: path.resolve(dir) }]
            : ["kubernetes:helm:template", { jsonOpts: JSON.stringify({ path: path.resolve(dir), release_name: "release-name", values: {} }) }];
        const plugin = monitor.providerInstance("kubernetes");
        if (!plugin) {
            throw new RenderUnavailable("the kubernetes provider plugin");
        }
        const result = (await (await plugin).invoke(token, args)).result;
        return Array.isArray(result) ? result : [];
    } finally {
        engine.close();
    }
}
