// The test kit: runs one policy on one resource, or on a set of resources, the way the policy SDK's
// analyzer does (its own deserialization, its unknown-value proxy, its not-applicable signal), with
// no engine and no gRPC server, so a spec proves a policy in milliseconds: compliant, each
// violation, unknown during preview. prodready's own specs run on it (tests/harness/policy.ts), and
// a team proves the policies of its own pack with it (docs/team-pack.md). No test framework: the
// verdicts are plain values for any assertion library. Requiring it starts nothing.
import type { PolicyResource, ResourceValidationArgs, ResourceValidationPolicy, StackValidationArgs, StackValidationPolicy } from "@pulumi/policy";
import { isUnknownValueError, parseUnknownResources } from "./lib/unknowns";

// Internal to @pulumi/policy (its typings strip them), but exactly what its server runs.
/* eslint-disable @typescript-eslint/no-require-imports */
const { deserializeProperties } = require("@pulumi/policy/deserialize") as {
    deserializeProperties: (struct: { toJavaScript(): Record<string, unknown> }, keepSecrets: boolean) => Record<string, any>;
};
const { unknownCheckingProxy } = require("@pulumi/policy/proxy") as { unknownCheckingProxy: <T extends object>(value: T) => T };
const { getPulumiType } = require("@pulumi/policy/policy") as { getPulumiType: (value: object) => string | undefined };
/* eslint-enable @typescript-eslint/no-require-imports */

/** The value the engine sends for a property that is unknown during preview: put it where a spec needs one. */
export const UNKNOWN = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";

/** A policy of a pack: prodready's builders make them, and so does plain `@pulumi/policy`. */
export type AnyPolicy = ResourceValidationPolicy | StackValidationPolicy;

export interface Verdict {
    violations: string[];
    /** Set when the policy read a value unknown during preview: neither a pass nor a violation. */
    unknown?: string;
    /** The resources a stack policy could not judge because their own values are unknown. */
    unknownUrns?: string[];
    /** Set when the policy declared itself not applicable (an exemption, for one): the reason. */
    notApplicable?: string;
}

export interface ResourceCase {
    /** The Pulumi type token, as `kubernetes:core/v1:Pod`. */
    type: string;
    /** The resource's inputs; UNKNOWN where a value is unknown during preview. */
    props: object;
    name?: string;
    /** The policy's settings, as its entry in a policy-pack config gives them. */
    config?: Record<string, unknown>;
}

export interface StackResource {
    type: string;
    name: string;
    props: object;
    /** The URN of the parent (see urnOf). */
    parent?: string;
    dependencies?: string[];
    /** Property name → URNs it was built from, as the engine's dependency graph records them. */
    propertyDependencies?: Record<string, string[]>;
}

/** The properties a policy reads, given the settings a spec passes (undefined: none). */
export type ResolveConfig = (policy: AnyPolicy, settings: Record<string, unknown> | undefined) => Record<string, unknown>;

export interface KitOptions {
    /** How settings become the config a policy reads; by default the schema's defaults, then the settings (see engineConfig). */
    resolveConfig?: ResolveConfig;
}

export interface PolicyKit {
    /** Runs a resource policy on one resource. */
    checkResource(policy: AnyPolicy, subject: ResourceCase): Verdict;
    /** Runs a stack policy on a set of resources; violations carry the URN they name, if any, in `urns`. */
    checkStack(policy: AnyPolicy, resources: StackResource[], settings?: Record<string, unknown>): Verdict & { urns: (string | undefined)[] };
}

/** The URN the kit gives a resource of this type and name, for `parent` and `dependencies`. */
export function urnOf(type: string, name: string): string {
    return `urn:pulumi:test::prodready::${type}::${name}`;
}

/**
 * The config the engine hands a policy: each setting of its `configSchema` at its default, then the
 * settings given. A setting the schema does not declare is refused, so a misspelt one fails the
 * spec rather than leaving the policy at its default; `enforcementLevel` is the engine's, not the policy's.
 */
export function engineConfig(policy: AnyPolicy, settings: Record<string, unknown> | undefined): Record<string, unknown> {
    const schema: Record<string, { default?: unknown }> = policy.configSchema?.properties ?? {};
    const { enforcementLevel: _level, ...given } = settings ?? {};
    const undeclared = Object.keys(given).filter((key) => !Object.prototype.hasOwnProperty.call(schema, key));
    if (undeclared.length > 0) {
        throw new Error(`${policy.name} has no setting ${undeclared.map((key) => `"${key}"`).join(", ")}` +
            ` (settings: ${Object.keys(schema).join(", ") || "none"})`);
    }
    const defaults = Object.entries(schema).filter(([, property]) => property !== null && typeof property === "object" && "default" in property);
    return { ...Object.fromEntries(defaults.map(([key, property]) => [key, property.default])), ...given };
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

/** The resource options a judged resource carries: none set. */
const resourceOptions = () => ({ protect: false, ignoreChanges: [], aliases: [], customTimeouts: { createSeconds: 0, updateSeconds: 0, deleteSeconds: 0 }, additionalSecretOutputs: [] });

/** Whether a resource of `type` is of `resourceClass` (a provider class), as the SDK's server decides it. */
function isTypeOf(type: string, resourceClass: object): boolean {
    const pulumiType = getPulumiType(resourceClass);
    if (pulumiType) {
        return type === pulumiType;
    }
    const isInstance = (resourceClass as { isInstance?: unknown }).isInstance;
    return typeof isInstance === "function" && isInstance({ __pulumiType: type }) === true;
}

function typed(type: string, props: Record<string, unknown>) {
    return {
        isType: (resourceClass: object) => isTypeOf(type, resourceClass),
        asType: (resourceClass: object) => (isTypeOf(type, resourceClass) ? props : undefined),
    };
}

/**
 * The properties of one judgement, as the engine sends them (through JSON, which drops undefined as
 * the wire does) and as the SDK's server reads them. The pack shares one deserialization between
 * its policies (policies/serving/shared-properties.ts): a policy that changed the properties would
 * change what the next one sees, so each judgement checks at its end that they are as they were.
 */
class Judgement {
    private readonly read: Array<{ value: Record<string, unknown>; before: string }> = [];

    constructor(private readonly policy: AnyPolicy) {}

    props(inputs: object): Record<string, any> {
        const json = JSON.parse(JSON.stringify(inputs));
        const value = deserializeProperties({ toJavaScript: () => json }, false);
        this.read.push({ value, before: JSON.stringify(value) });
        return unknownCheckingProxy(value);
    }

    /**
     * Runs the policy's validation functions and turns how they ended into a verdict. As the SDK's
     * server does, each runs on its own: one that reads a value unknown during preview, or declares
     * itself not applicable, does not stop the next; the first such ending is the verdict's.
     */
    settle(validations: ReadonlyArray<() => unknown>, violations: string[]): Verdict {
        const verdict: Verdict = { violations };
        for (const validate of validations) {
            try {
                if (validate() instanceof Promise) {
                    throw new Error(`${this.policy.name} validates asynchronously: the kit judges policies that validate synchronously`);
                }
            } catch (error) {
                if (isUnknownValueError(error)) {
                    const message = (error as Error).message;
                    const urns = parseUnknownResources(message);
                    verdict.unknown ??= message;
                    if (urns.length > 0) {
                        verdict.unknownUrns ??= urns;
                    }
                } else if (error instanceof NotApplicable) {
                    verdict.notApplicable ??= error.reason;
                } else {
                    throw error;
                }
            }
        }
        for (const { value, before } of this.read) {
            if (JSON.stringify(value) !== before) {
                throw new Error(`${this.policy.name} changed the properties it judged: policies must only read them`);
            }
        }
        return verdict;
    }
}

/** A kit whose config comes from `options.resolveConfig` (prodready's own specs resolve it as the CLI does). */
export function policyKit(options: KitOptions = {}): PolicyKit {
    const resolveConfig = options.resolveConfig ?? engineConfig;

    function checkResource(policy: AnyPolicy, subject: ResourceCase): Verdict {
        const validateResource = (policy as ResourceValidationPolicy).validateResource;
        if (validateResource === undefined || (typeof validateResource !== "function" && !Array.isArray(validateResource))) {
            throw new Error(`${policy.name} is not a resource policy`);
        }
        const name = subject.name ?? "subject";
        const config = resolveConfig(policy, subject.config);
        const judgement = new Judgement(policy);
        const props = judgement.props(subject.props);
        const args: ResourceValidationArgs = {
            type: subject.type,
            name,
            urn: urnOf(subject.type, name),
            props,
            opts: resourceOptions(),
            stackTags: new Map(),
            ...typed(subject.type, props),
            getConfig: <T extends object>() => config as T,
            notApplicable,
        } as ResourceValidationArgs;
        const violations: string[] = [];
        const report = (message: string) => { violations.push(message); };
        const validations = Array.isArray(validateResource) ? validateResource : [validateResource];
        return judgement.settle(validations.map((validate) => () => validate(args, report)), violations);
    }

    function checkStack(policy: AnyPolicy, resources: StackResource[], settings?: Record<string, unknown>) {
        const validateStack = (policy as StackValidationPolicy).validateStack;
        if (typeof validateStack !== "function") {
            throw new Error(`${policy.name} is not a stack policy`);
        }
        const config = resolveConfig(policy, settings);
        const judgement = new Judgement(policy);
        const byUrn = new Map<string, PolicyResource>();
        const list = resources.map((r) => {
            const props = judgement.props(r.props);
            const resource = {
                type: r.type, name: r.name, urn: urnOf(r.type, r.name), props, opts: resourceOptions(),
                dependencies: [], propertyDependencies: {}, ...typed(r.type, props),
            } as unknown as PolicyResource;
            byUrn.set(resource.urn, resource);
            return resource;
        });
        const linked = (urns: readonly string[] | undefined) => (urns ?? []).map((urn) => byUrn.get(urn)).filter((r): r is PolicyResource => r !== undefined);
        resources.forEach((r, i) => {
            const resource = list[i] as { -readonly [K in keyof PolicyResource]: PolicyResource[K] };
            resource.parent = r.parent ? byUrn.get(r.parent) : undefined;
            resource.dependencies = linked(r.dependencies);
            resource.propertyDependencies = Object.fromEntries(Object.entries(r.propertyDependencies ?? {}).map(([key, urns]) => [key, linked(urns)]));
        });
        const violations: string[] = [];
        const urns: (string | undefined)[] = [];
        const args: StackValidationArgs = { resources: list, stackTags: new Map(), getConfig: <T extends object>() => config as T, notApplicable };
        const verdict = judgement.settle([() => validateStack(args, (message: string, urn?: string) => { violations.push(message); urns.push(urn); })], violations);
        return { ...verdict, urns };
    }

    return { checkResource, checkStack };
}

/** The kit with the engine's config (see engineConfig): what a team's specs use. */
export const { checkResource, checkStack } = policyKit();
