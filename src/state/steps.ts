// The step an update takes for each resource, told from the stack's last state the way the engine
// tells it from its own: by the resource's URN, then by comparing the program's inputs with the
// inputs the engine stored. prodready runs no provider, so it has neither the provider's Check
// (which fills defaults) nor its Diff (which says what forces a replacement); what it does instead
// is documented on each rule below and in docs/adoption.md.
import { downgradeReferences } from "../analyzer/wire";
import { unwrapSecrets } from "../values";
import { standInData } from "../program/stand-ins/schema";
import type { Step, StepSubject } from "../report/model";
import type { DeployedResource, StackState } from "./export";

/** A URN without its stack and project: the same resource in a stack of another name. */
function resourceKey(urn: string): string {
    return urn.split("::").slice(2).join("::");
}

function equal(a: unknown, b: unknown): boolean {
    if (a === b) {
        return true;
    }
    if (Array.isArray(a) && Array.isArray(b)) {
        return a.length === b.length && a.every((v, i) => equal(v, b[i]));
    }
    if (a !== null && b !== null && typeof a === "object" && typeof b === "object" && !Array.isArray(a) && !Array.isArray(b)) {
        const ka = Object.keys(a as object);
        const kb = Object.keys(b as object);
        return ka.length === kb.length && ka.every((k) => k in (b as object) && equal((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
    }
    return false;
}

function objectAt(value: unknown): Record<string, unknown> | undefined {
    return value !== null && typeof value === "object" && !Array.isArray(value) ? value as Record<string, unknown> : undefined;
}

/** The annotation the Kubernetes provider's Check adds to an object it named. */
const KUBERNETES_AUTONAMED = "pulumi.com/autonamed";

/**
 * The stored inputs without what the engine or the provider's Check filled in for a property the
 * program leaves unset: a provider's plugin version, the physical name a provider generated (an AWS resource's autonamed property, a Kubernetes
 * object's `metadata.name` with its `pulumi.com/autonamed` annotation). Any other property only the
 * state has counts as a change, though a provider default may have put it there: an update then
 * shows where there is none, which takes no protection away.
 */
function withoutCheckDefaults(type: string, stored: Record<string, unknown>, given: Record<string, unknown>): Record<string, unknown> {
    const out = { ...stored };
    if (type.startsWith("pulumi:providers:")) {
        // The engine writes the plugin's version and download URL into a provider's inputs from the registration.
        for (const key of ["version", "pluginDownloadURL"]) {
            if (given[key] === undefined) {
                delete out[key];
            }
        }
    }
    const autoname = standInData().resources[standInData().aliases[type] ?? type]?.autoname;
    if (autoname && given[autoname] === undefined) {
        delete out[autoname];
    }
    const metadata = objectAt(out.metadata);
    const givenMetadata = objectAt(given.metadata);
    if (type.startsWith("kubernetes:") && metadata) {
        const trimmed = { ...metadata };
        if (givenMetadata?.name === undefined) {
            delete trimmed.name;
        }
        const annotations = objectAt(trimmed.annotations);
        if (annotations && objectAt(givenMetadata?.annotations)?.[KUBERNETES_AUTONAMED] === undefined && KUBERNETES_AUTONAMED in annotations) {
            const rest = { ...annotations };
            delete rest[KUBERNETES_AUTONAMED];
            if (Object.keys(rest).length > 0) {
                trimmed.annotations = rest;
            } else {
                delete trimmed.annotations;
            }
        }
        if (Object.keys(trimmed).length > 0) {
            out.metadata = trimmed;
        } else {
            delete out.metadata;
        }
    }
    return out;
}

/** The physical name the program gives a resource, where a change of it makes every provider replace it. */
function physicalName(type: string, inputs: Record<string, unknown>): unknown {
    if (type.startsWith("kubernetes:")) {
        return objectAt(inputs.metadata)?.name;
    }
    const autoname = standInData().resources[standInData().aliases[type] ?? type]?.autoname;
    return autoname ? inputs[autoname] : undefined;
}

/**
 * The step of a resource the program registers, against its deployed self (undefined: not deployed).
 * `replace` is said only where it is certain without the provider's Diff: the physical name changes.
 * A change the provider would carry out by replacing for another reason shows as `update`.
 */
export function stepOf(type: string, given: Record<string, unknown>, deployed: DeployedResource | undefined): Step {
    if (!deployed) {
        return "create";
    }
    // Compared as values: secrets by their value, resource references by their ID, internal `__` keys dropped.
    const now = unwrapSecrets(downgradeReferences(given)) as Record<string, unknown>;
    const before = withoutCheckDefaults(type, unwrapSecrets(downgradeReferences(deployed.inputs)) as Record<string, unknown>, now);
    if (equal(now, before)) {
        return "same";
    }
    const name = physicalName(type, now);
    const deployedName = physicalName(type, unwrapSecrets(downgradeReferences(deployed.inputs)) as Record<string, unknown>);
    return name !== undefined && deployedName !== undefined && !equal(name, deployedName) ? "replace" : "update";
}

/** The stack's last state, looked up by the resources a program registers; what it never asks for is deleted. */
export class LastState {
    private readonly byKey = new Map<string, DeployedResource>();
    private readonly seen = new Set<string>();

    constructor(readonly state: StackState) {
        for (const r of state.resources) {
            this.byKey.set(resourceKey(r.urn), r);
        }
    }

    /** The deployed resource of a URN of the program, if any; it is then not deleted. */
    take(urn: string): DeployedResource | undefined {
        const key = resourceKey(urn);
        this.seen.add(key);
        return this.byKey.get(key);
    }

    /**
     * What an update deletes: deployed resources the program did not register or read. Default
     * providers (`default`, `default_<version>`) and the stack are the engine's own, never registered
     * by a program, and a resource the stack only read is forgotten (the engine's `discard`), not deleted.
     */
    deletes(): StepSubject[] {
        const enginesOwn = (r: DeployedResource) => r.type === "pulumi:pulumi:Stack" || (r.type.startsWith("pulumi:providers:") && /^default(_|$)/.test(r.name));
        return this.state.resources
            .filter((r) => !this.seen.has(resourceKey(r.urn)) && !r.external && !enginesOwn(r))
            .map((r) => ({ urn: r.urn, type: r.type, name: r.name, step: "delete" as const }));
    }
}
