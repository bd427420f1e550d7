// Runs one policy on one resource the way the analyzer does (the SDK's own deserialization and
// unknown-value proxy), without a gRPC server, so each policy spec stays fast.
import type { PolicyResource, ResourceValidationPolicy, StackValidationPolicy } from "@pulumi/policy";
import { Struct } from "google-protobuf/google/protobuf/struct_pb";
import { resolvePolicyConfig } from "../../src/analyzer/config";
import type { ProdreadyPolicy } from "../../policies/lib/define";
import { parseUnknownResources } from "../../policies/lib/unknowns";

// Internal to @pulumi/policy (its typings strip them), but exactly what its server runs.
/* eslint-disable @typescript-eslint/no-require-imports */
const { deserializeProperties } = require("@pulumi/policy/deserialize") as { deserializeProperties: (s: Struct, keepSecrets: boolean) => Record<string, any> };
const { unknownCheckingProxy, UnknownValueError } = require("@pulumi/policy/proxy") as {
    unknownCheckingProxy: <T extends object>(value: T) => T;
    UnknownValueError: new (...args: any[]) => Error;
};

/** The value the engine sends for a property that is unknown during preview. */
export const UNKNOWN = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";

export interface Verdict {
    violations: string[];
    /** Set when the policy read a value unknown during preview: neither a pass nor a violation. */
    unknown?: string;
    /** The resources a stack policy could not judge because their own values are unknown. */
    unknownUrns?: string[];
    /** Set when the policy declared itself not applicable (an exemption, for one): the reason. */
    notApplicable?: string;
}

/** What `args.notApplicable(reason)` throws here, as the SDK's server does. */
class NotApplicable extends Error {
    constructor(readonly reason: string) {
        super(`not applicable: ${reason}`);
    }
}

function notApplicable(reason?: string): never {
    throw new NotApplicable(reason ?? "");
}

// The pack deserializes a request's properties once and shares them between its policies
// (policies/lib/shared-properties.ts): a policy that changed them would change what the next one
// sees, so every spec also checks that the properties are left as they were.
const judged: Array<{ value: Record<string, any>; before: string }> = [];

function props(inputs: object): Record<string, any> {
    // Through protobuf and back, as the engine sends them; drops undefined like the wire does.
    const json = JSON.parse(JSON.stringify(inputs));
    const value = deserializeProperties(Struct.fromJavaScript(json), false);
    judged.push({ value, before: JSON.stringify(value) });
    return unknownCheckingProxy(value);
}

function assertUnchanged(policy: ProdreadyPolicy): void {
    for (const { value, before } of judged.splice(0)) {
        if (JSON.stringify(value) !== before) {
            throw new Error(`${policy.name} changed the properties it judged: policies must only read them`);
        }
    }
}

function config(policy: ProdreadyPolicy, overrides?: Record<string, unknown>) {
    const resolved = resolvePolicyConfig([policy], overrides ? { [policy.name]: overrides } : {});
    return resolved.get(policy.name)!.properties;
}

function settle(run: () => void | Promise<void>, violations: string[]): Verdict {
    try {
        const result = run();
        if (result instanceof Promise) {
            throw new Error("prodready policies validate synchronously");
        }
    } catch (error) {
        if (error instanceof UnknownValueError) {
            const urns = parseUnknownResources(error.message);
            return { violations, unknown: error.message, ...(urns.length ? { unknownUrns: urns } : {}) };
        }
        if (error instanceof NotApplicable) {
            return { violations, notApplicable: error.reason };
        }
        throw error;
    }
    return { violations };
}

export interface ResourceCase {
    type: string;
    props: object;
    name?: string;
    config?: Record<string, unknown>;
}

/** Runs a resource policy on one resource. */
export function checkResource(policy: ProdreadyPolicy, subject: ResourceCase): Verdict {
    const validate = (policy as ResourceValidationPolicy).validateResource;
    if (typeof validate !== "function") {
        throw new Error(`${policy.name} is not a single-function resource policy`);
    }
    const name = subject.name ?? "subject";
    const violations: string[] = [];
    const cfg = config(policy, subject.config);
    const resourceProps = props(subject.props);
    return checked(policy, () => settle(() => validate({
        type: subject.type,
        name,
        urn: `urn:pulumi:test::prodready::${subject.type}::${name}`,
        props: resourceProps,
        opts: { protect: false, ignoreChanges: [], aliases: [], customTimeouts: { createSeconds: 0, updateSeconds: 0, deleteSeconds: 0 }, additionalSecretOutputs: [] },
        stackTags: new Map(),
        isType: () => false,
        asType: () => undefined,
        getConfig: () => cfg as any,
        notApplicable,
    }, (message: string) => { violations.push(message); }), violations));
}

function checked<T>(policy: ProdreadyPolicy, run: () => T): T {
    try {
        return run();
    } finally {
        assertUnchanged(policy);
    }
}

export interface StackResource {
    type: string;
    name: string;
    props: object;
    parent?: string;
    dependencies?: string[];
    /** Property name → URNs it was built from, as the engine's dependency graph records them. */
    propertyDependencies?: Record<string, string[]>;
}

export function urnOf(type: string, name: string): string {
    return `urn:pulumi:test::prodready::${type}::${name}`;
}

/** Runs a stack policy on a set of resources; violations carry the URN they name, if any. */
export function checkStack(policy: ProdreadyPolicy, resources: StackResource[], overrides?: Record<string, unknown>): Verdict & { urns: (string | undefined)[] } {
    const validate = (policy as StackValidationPolicy).validateStack;
    if (typeof validate !== "function") {
        throw new Error(`${policy.name} is not a stack policy`);
    }
    const cfg = config(policy, overrides);
    const byUrn = new Map<string, PolicyResource>();
    const list: PolicyResource[] = resources.map((r) => {
        const resource = {
            type: r.type, name: r.name, urn: urnOf(r.type, r.name), props: props(r.props),
            opts: { protect: false, ignoreChanges: [], aliases: [], customTimeouts: { createSeconds: 0, updateSeconds: 0, deleteSeconds: 0 }, additionalSecretOutputs: [] },
            dependencies: [], propertyDependencies: {},
            isType: () => false, asType: () => undefined,
        } as unknown as PolicyResource;
        byUrn.set(resource.urn, resource);
        return resource;
    });
    resources.forEach((r, i) => {
        (list[i] as any).parent = r.parent ? byUrn.get(r.parent) : undefined;
        (list[i] as any).dependencies = (r.dependencies ?? []).map((d) => byUrn.get(d)).filter(Boolean);
        (list[i] as any).propertyDependencies = Object.fromEntries(Object.entries(r.propertyDependencies ?? {})
            .map(([key, urns]) => [key, urns.map((d) => byUrn.get(d)).filter(Boolean)]));
    });
    const violations: string[] = [];
    const urns: (string | undefined)[] = [];
    const verdict = checked(policy, () => settle(() => validate({
        resources: list,
        stackTags: new Map(),
        getConfig: () => cfg as any,
        notApplicable,
    }, (message: string, urn?: string) => { violations.push(message); urns.push(urn); }), violations));
    return { ...verdict, urns };
}
