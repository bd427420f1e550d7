// What the pack, the profiles, the reports and the docs ask of the framework catalog
// (framework-catalog.ts), answered in one place.
import { frameworkTag } from "./contract";
import { FRAMEWORKS, FrameworkDefinition, FrameworkId, POLICY_CONTROLS } from "./framework-catalog";

export type { FrameworkControl, FrameworkDefinition, FrameworkId } from "./framework-catalog";

/** Every framework of the catalog, in its order. */
export const FRAMEWORK_IDS = Object.keys(FRAMEWORKS) as FrameworkId[];

export function isFrameworkId(id: string): id is FrameworkId {
    return Object.prototype.hasOwnProperty.call(FRAMEWORKS, id);
}

export function frameworkDefinition(id: FrameworkId): FrameworkDefinition {
    return FRAMEWORKS[id];
}

/** `CIS Kubernetes Benchmark v1.12.0`: how reports and docs name a framework. */
export function frameworkLabel(id: FrameworkId): string {
    const { name, version } = FRAMEWORKS[id];
    return /^\d/.test(version) ? `${name} v${version}` : name;
}

/** The controls a policy checks, by framework; empty for a policy without a mapping. */
export function policyControls(policy: string): ReadonlyArray<{ framework: FrameworkId; controls: readonly string[] }> {
    const mapping = POLICY_CONTROLS[policy] ?? {};
    return FRAMEWORK_IDS.flatMap((framework) => {
        const controls: readonly string[] = mapping[framework] ?? [];
        return controls.length > 0 ? [{ framework, controls }] : [];
    });
}

/** The tags that carry a policy's controls to every report: `framework:<framework>:<control>`. */
export function frameworkTags(policy: string): string[] {
    return policyControls(policy).flatMap(({ framework, controls }) => controls.map((control) => frameworkTag(framework, control)));
}

/** The policies mapped to at least one control of the framework, sorted. */
export function mappedPolicies(framework: FrameworkId): string[] {
    return Object.keys(POLICY_CONTROLS).filter((policy) => (POLICY_CONTROLS[policy][framework] ?? []).length > 0).sort();
}

/** Every policy name the catalog maps, sorted. */
export function catalogPolicies(): string[] {
    return Object.keys(POLICY_CONTROLS).sort();
}
