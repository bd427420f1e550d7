// The engine gives every custom resource that names no provider a default provider of its package
// (one per package and version), and sends it along with the resource to analyzers.
import type { ProgramRun, RecordedResource } from "../program/records";

/** Adds the default providers the engine would create for resources that name no provider. */
export function withDefaultProviders(run: ProgramRun, config: Record<string, string>): { resources: RecordedResource[]; providerOf: Map<string, RecordedResource> } {
    const resources: RecordedResource[] = [];
    const byUrn = new Map(run.resources.map((r) => [r.urn, r]));
    const defaults = new Map<string, RecordedResource>();
    const providerOf = new Map<string, RecordedResource>();
    for (const r of run.resources) {
        if (!r.custom || r.type.startsWith("pulumi:providers:")) {
            resources.push(r);
            continue;
        }
        let provider: RecordedResource | undefined;
        if (r.provider) {
            provider = byUrn.get(r.provider.split("::").slice(0, -1).join("::"));
        } else {
            const pkg = r.type.split(":")[0];
            const key = `${pkg}@${r.version ?? ""}`;
            provider = defaults.get(key);
            if (!provider) {
                const name = `default${r.version ? `_${r.version.replace(/[.-]/g, "_")}` : ""}`;
                const inputs: Record<string, unknown> = {};
                for (const [k, v] of Object.entries(config)) {
                    if (k.startsWith(`${pkg}:`)) {
                        inputs[k.slice(pkg.length + 1)] = v;
                    }
                }
                if (r.version) {
                    inputs.version = r.version;
                }
                provider = {
                    urn: `urn:pulumi:${run.stack}::${run.project}::pulumi:providers:${pkg}::${name}`,
                    type: `pulumi:providers:${pkg}`, name, custom: true, remote: false, inputs,
                    dependencies: [], propertyDependencies: {},
                    options: { protect: false, ignoreChanges: [], deleteBeforeReplace: false, deleteBeforeReplaceDefined: false, additionalSecretOutputs: [], aliases: [], customTimeouts: { create: "", update: "", delete: "" } },
                };
                defaults.set(key, provider);
                resources.push(provider);
            }
        }
        if (provider) {
            providerOf.set(r.urn, provider);
        }
        resources.push(r);
    }
    return { resources, providerOf };
}
