// The `allowedWorkloads` setting of workload policies, looked up only when it can decide.
import { namespaceOf } from "./objects";
import type { ConfigProperty } from "../define";
import { matchGlob } from "../globs";
import { unlessListed } from "../unknowns";
import { at, Props, text } from "../values";

/**
 * True when one of the globs names the workload, as `namespace/name` or as `name` alone (metadata
 * name, else the Pulumi name): the allow-lists of workload policies (node agents and the like).
 * Reads the namespace and name; call it through `unlessWorkloadListed`, which does only when they decide.
 */
export function workloadListed(patterns: readonly string[], name: string, props: Props): boolean {
    const workloadName = text(at(props, "metadata", "name")) ?? name;
    const qualified = `${namespaceOf(props) ?? "default"}/${workloadName}`;
    return patterns.some((pattern) => matchGlob(pattern.includes("/") ? qualified : workloadName, pattern));
}

/**
 * Judges a workload that an `allowedWorkloads` list may exempt: the judgement runs first, and the
 * workload's namespace and name are read only when the list is not empty and the judgement found a
 * violation (or a value unknown during preview), so an unknown name hides no violation of a workload
 * the list cannot exempt.
 */
export function unlessWorkloadListed(
    patterns: readonly string[],
    resource: { name: string; props: Props },
    report: (message: string) => void,
    judge: (report: (message: string) => void) => void,
): void {
    unlessListed(patterns, () => workloadListed(patterns, resource.name, resource.props), report, judge);
}

/** The `allowedWorkloads` config property of a workload policy: globs, none by default. */
export function allowedWorkloadsSetting(description: string) {
    return { type: "array", items: { type: "string" }, default: [], description } as const satisfies ConfigProperty;
}
