// The analyzer benchmarks' stack: the reference stack's resources (real shapes, mixed AWS and
// Kubernetes) replicated to any size.
import type { ProgramRun, RecordedResource } from "../src/program/records";

/** Replicates the custom resources of `base` to `size`, each copy with its own name and URN. */
export function syntheticStack(base: ProgramRun, size: number): ProgramRun {
    const custom = base.resources.filter((r) => r.custom);
    const resources: RecordedResource[] = [];
    for (let i = 0; resources.length < size; i++) {
        const r = custom[i % custom.length];
        const copy = Math.floor(i / custom.length);
        resources.push({ ...r, name: `${r.name}-${copy}`, urn: `${r.urn}-${copy}`, parent: undefined, dependencies: [], propertyDependencies: {} });
    }
    return { ...base, resources };
}
