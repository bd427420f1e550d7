// Helpers for AWS policies: ECS container definitions and joins between resources of one stack.
import type { PolicyResource } from "@pulumi/policy";
import type { Setting } from "./define";
import { EnvVariable, secretStoreProblem } from "./runtime-env";
import { findCredential } from "./secrets";
import { isUnknownValueError, judgeEach } from "./unknowns";
import { describeType, given, isDeclared, isRecord, Props, record, text } from "./values";

/** ECS container definitions, parsed without throwing; `error` says why they could not be read. */
export type ContainerDefinitions = { containers: Props[]; error?: undefined } | { containers?: undefined; error: string };

/**
 * Reads a task definition's `containerDefinitions`: a JSON string of a list of objects (also
 * accepted already parsed). A value unknown during preview is read, so the SDK reports it.
 */
export function containerDefinitions(value: unknown): ContainerDefinitions {
    let parsed: unknown = value;
    if (typeof value === "string") {
        try {
            parsed = JSON.parse(value);
        } catch {
            return { error: "containerDefinitions is not valid JSON: set it to a JSON list of container definitions (pulumi.jsonStringify([...]))" };
        }
    }
    if (!Array.isArray(parsed)) {
        return { error: `containerDefinitions is ${describeType(parsed)}, not a list: set it to a JSON list of container definitions` };
    }
    return { containers: parsed.filter(isRecord) };
}

/** "container 'api' of task definition 'app-task'" */
export function describeContainer(container: Props, index: number, taskName: string): string {
    const name = text(container.name);
    return `container ${name ? `'${name}'` : `#${index + 1}`} of task definition '${taskName}'`;
}

/** The resources among `candidates` that `resource` names through `property`. */
export interface Reference {
    /** The candidates found through the engine's dependency graph, without reading any value. */
    byGraph: PolicyResource[];
    /** True when the graph says nothing about `property`, so only its value can tell. */
    needsValue: boolean;
}

export function graphTargets(resource: PolicyResource, property: string, candidates: readonly PolicyResource[]): Reference {
    const urns = new Set(candidates.map((c) => c.urn));
    const propertyDeps = resource.propertyDependencies?.[property] ?? [];
    const byProperty = propertyDeps.filter((d) => urns.has(d.urn));
    if (byProperty.length > 0) {
        return { byGraph: byProperty, needsValue: false };
    }
    // Engines that send no property dependencies: one candidate among the plain dependencies is it.
    const engineSentNone = Object.keys(resource.propertyDependencies ?? {}).length === 0;
    const byDependency = (resource.dependencies ?? []).filter((d) => urns.has(d.urn));
    if (engineSentNone && byDependency.length === 1) {
        return { byGraph: byDependency, needsValue: false };
    }
    return { byGraph: [], needsValue: true };
}

/** True when a reference value (a name, an id or an ARN) names the key (a name or id). */
function names(value: string, key: string): boolean {
    return value === key || value.endsWith(`:${key}`) || value.endsWith(`/${key}`) || value.includes(`/${key}/`);
}

/**
 * Which of `targets` are linked by at least one of `links` through `property` (e.g. which buckets
 * have a BucketVersioning whose `bucket` names them). Joins by the dependency graph first; values
 * are read only for targets the graph leaves unlinked, so a value unknown during preview is
 * touched (and reported by the SDK) only when it could change the verdict.
 * `keysOf` gives the strings a link's value may use to name a target (its name or identifier);
 * `valuesOf` reads the link's reference strings (default: the property, or the items of a list).
 */
export function unlinkedTargets(
    targets: readonly PolicyResource[],
    links: readonly PolicyResource[],
    property: string,
    keysOf: (target: PolicyResource) => unknown[],
    valuesOf: (link: PolicyResource) => unknown[] = referenceValues(property),
): PolicyResource[] {
    const linked = new Set<string>();
    const byValue: PolicyResource[] = [];
    for (const link of links) {
        const ref = graphTargets(link, property, targets);
        ref.byGraph.forEach((t) => linked.add(t.urn));
        if (ref.needsValue) {
            byValue.push(link);
        }
    }
    const unlinked = targets.filter((t) => !linked.has(t.urn));
    if (unlinked.length === 0 || byValue.length === 0) {
        return unlinked;
    }
    const strings = byValue.flatMap(valuesOf).map(text).filter((v): v is string => !!v);
    return unlinked.filter((target) => {
        const keys = keysOf(target).map(text).filter((k): k is string => !!k);
        return !strings.some((value) => keys.some((key) => names(value, key)));
    });
}

/** The candidates that `resource` names through `property`: by the graph, else by value. */
export function referencedBy(
    resource: PolicyResource,
    property: string,
    candidates: readonly PolicyResource[],
    keysOf: (candidate: PolicyResource) => unknown[],
): PolicyResource[] {
    const ref = graphTargets(resource, property, candidates);
    if (!ref.needsValue) {
        return ref.byGraph;
    }
    const value = text(resource.props[property]);
    if (!value) {
        return [];
    }
    return candidates.filter((c) => keysOf(c).map(text).some((key) => !!key && names(value, key)));
}

/** The resources of the listed types. */
export function ofTypes(resources: readonly PolicyResource[], types: readonly string[]): PolicyResource[] {
    const set = new Set(types);
    return resources.filter((r) => set.has(r.type));
}

export { requireTrue } from "./checks";

/**
 * Calls `judge` with each container of a task definition and the phrase that names it; reports
 * container definitions that cannot be read instead.
 */
export function eachContainer(
    taskName: string,
    props: Props,
    report: (message: string) => void,
    judge: (container: Props, where: string) => void,
): void {
    const parsed = containerDefinitions(props.containerDefinitions);
    if (parsed.error !== undefined) {
        report(`ECS task definition '${taskName}': ${parsed.error}.`);
        return;
    }
    parsed.containers.forEach((container, index) => judge(container, describeContainer(container, index, taskName)));
}

/** The strings a link's property uses to name its targets: the value, or the items of a list. */
function referenceValues(property: string): (link: PolicyResource) => unknown[] {
    return (link) => {
        const value = link.props[property];
        return Array.isArray(value) ? value : [value];
    };
}

/** S3 bucket types: Bucket and its deprecated BucketV2 alias. */
export const BUCKET_TYPES: readonly string[] = ["aws:s3/bucket:Bucket", "aws:s3/bucketV2:BucketV2"];

/** True when a policy document denies requests made without TLS (aws:SecureTransport false). */
export function deniesInsecureTransport(document: unknown): boolean {
    let doc = document;
    if (typeof document === "string") {
        try {
            doc = JSON.parse(document);
        } catch {
            return false;
        }
    }
    const statements = record(doc)?.Statement;
    return (Array.isArray(statements) ? statements : [statements]).filter(isRecord).some((statement) => {
        const secure = record(record(statement.Condition)?.Bool)?.["aws:SecureTransport"];
        const values = (Array.isArray(secure) ? secure : [secure]).map((v) => String(v).toLowerCase());
        return text(statement.Effect) === "Deny" && values.includes("false") && (Array.isArray(statement.Action) ? statement.Action : [statement.Action]).some((a) => a === "s3:*" || a === "*");
    });
}

/**
 * Which links name which targets, built once per stack for a policy that judges each target on its
 * own. The dependency graph places a link without reading any value (a BucketPolicy whose `bucket`
 * was built from a bucket names it, although `bucket.id` is unknown during preview); otherwise the
 * link's reference values are read and looked up among the targets' keys. A reference unknown
 * during preview that the graph does not place leaves the link `unplaced`: it may name any target.
 */
export interface LinkIndex {
    /** The links that name `target`, by the graph or by a known value. */
    of(target: { urn: string }): readonly PolicyResource[];
    /** Links whose reference is unknown during preview and that the graph does not place, with the error reading it threw. */
    readonly unplaced: readonly { link: PolicyResource; error: unknown }[];
    /** Targets whose own keys are unknown during preview while links name targets by value, with the error. */
    readonly keyErrors: ReadonlyMap<string, unknown>;
}

/** The keys a reference value can name a target by, the way `names` matches them. */
function keyCandidates(value: string): string[] {
    const candidates = new Set([value]);
    const segments = value.split("/");
    segments.slice(1, -1).forEach((segment) => candidates.add(segment));
    for (let i = 0; i < value.length; i++) {
        if (value[i] === ":" || value[i] === "/") {
            candidates.add(value.slice(i + 1));
        }
    }
    return [...candidates].filter((c) => c !== "");
}

function rethrowUnlessUnknown(error: unknown): void {
    if (!isUnknownValueError(error)) {
        throw error;
    }
}

export function indexLinks(
    targets: readonly PolicyResource[],
    links: readonly PolicyResource[],
    property: string,
    keysOf: (target: PolicyResource) => unknown[],
    valuesOf: (link: PolicyResource) => unknown[] = referenceValues(property),
): LinkIndex {
    const candidateUrns = new Set(targets.map((t) => t.urn));
    const byTarget = new Map<string, PolicyResource[]>();
    const add = (urn: string, link: PolicyResource) => {
        const found = byTarget.get(urn) ?? [];
        if (!found.includes(link)) {
            byTarget.set(urn, [...found, link]);
        }
    };
    const unplaced: { link: PolicyResource; error: unknown }[] = [];
    const byValue: [string, PolicyResource][] = [];
    for (const link of links) {
        const byProperty = (link.propertyDependencies?.[property] ?? []).filter((d) => candidateUrns.has(d.urn));
        const engineSentNone = Object.keys(link.propertyDependencies ?? {}).length === 0;
        const byDependency = engineSentNone ? (link.dependencies ?? []).filter((d) => candidateUrns.has(d.urn)) : [];
        const placed = byProperty.length > 0 ? byProperty : byDependency.length === 1 ? byDependency : [];
        if (placed.length > 0) {
            placed.forEach((t) => add(t.urn, link));
            continue;
        }
        try {
            valuesOf(link).map(text).forEach((v) => v && byValue.push([v, link]));
        } catch (error) {
            rethrowUnlessUnknown(error);
            unplaced.push({ link, error });
        }
    }
    const keyErrors = new Map<string, unknown>();
    if (byValue.length > 0) {
        const byKey = new Map<string, PolicyResource[]>();
        for (const target of targets) {
            try {
                keysOf(target).map(text).forEach((key) => key && byKey.set(key, [...(byKey.get(key) ?? []), target]));
            } catch (error) {
                rethrowUnlessUnknown(error);
                keyErrors.set(target.urn, error);
            }
        }
        for (const [value, link] of byValue) {
            keyCandidates(value).forEach((key) => (byKey.get(key) ?? []).forEach((t) => add(t.urn, link)));
        }
    }
    return { of: (target) => byTarget.get(target.urn) ?? [], unplaced, keyErrors };
}

/**
 * Judges targets by their links: for one target, undefined when a link that names it qualifies
 * (`problem` returns undefined), else the problems of the links that name it (empty: none does).
 * Throws the SDK's unknown-value error, for `context.judge` to report that target alone, when a
 * value unknown during preview could change the answer. Each link is assessed once.
 */
export function linkJudge(index: LinkIndex, problem: (link: PolicyResource) => string | undefined): (target: { urn: string }) => string[] | undefined {
    const assessed = new Map<string, { problem?: string; error?: unknown }>();
    const assess = (link: PolicyResource) => {
        let result = assessed.get(link.urn);
        if (!result) {
            try {
                result = { problem: problem(link) };
            } catch (error) {
                rethrowUnlessUnknown(error);
                result = { error };
            }
            assessed.set(link.urn, result);
        }
        return result;
    };
    return (target) => {
        let unknown: unknown;
        const problems: string[] = [];
        for (const link of index.of(target)) {
            const result = assess(link);
            if (result.error !== undefined) {
                unknown ??= result.error;
            } else if (result.problem === undefined) {
                return undefined;
            } else {
                problems.push(result.problem);
            }
        }
        for (const { link, error } of index.unplaced) {
            const result = assess(link);
            if (result.error !== undefined || result.problem === undefined) {
                unknown ??= error;
            }
        }
        unknown ??= index.keyErrors.get(target.urn);
        if (unknown !== undefined) {
            throw unknown;
        }
        return problems;
    };
}

/**
 * Indexes resources by their `name` property, once. A name unknown during preview is kept as
 * `unknownName`: a resource that names one of these by value and finds none should throw it, since
 * the unknown one may be the one it names.
 */
export function indexByName(resources: readonly PolicyResource[]): { byName: Map<string, PolicyResource[]>; unknownName?: unknown } {
    const byName = new Map<string, PolicyResource[]>();
    let unknownName: unknown;
    for (const resource of resources) {
        try {
            const name = text(given(resource.props.name));
            if (name) {
                byName.set(name, [...(byName.get(name) ?? []), resource]);
            }
        } catch (error) {
            rethrowUnlessUnknown(error);
            unknownName ??= error;
        }
    }
    return { byName, unknownName };
}

// ---- EC2 hosts: what launches an instance, with its user data and metadata options ----

export const EC2_INSTANCE = "aws:ec2/instance:Instance";
export const EC2_SPOT_REQUEST = "aws:ec2/spotInstanceRequest:SpotInstanceRequest";
export const EC2_LAUNCH_TEMPLATE = "aws:ec2/launchTemplate:LaunchTemplate";
export const EC2_LAUNCH_CONFIGURATION = "aws:ec2/launchConfiguration:LaunchConfiguration";

/** The resources that launch EC2 instances, named as messages name them. */
export const EC2_HOST_KINDS: Readonly<Record<string, string>> = {
    [EC2_INSTANCE]: "EC2 instance",
    [EC2_SPOT_REQUEST]: "spot instance request",
    [EC2_LAUNCH_TEMPLATE]: "launch template",
    [EC2_LAUNCH_CONFIGURATION]: "launch configuration",
};

// ---- Service environments: variables that must not carry secrets in plain text ----

/**
 * Judges a service's environment variables (App Runner, AWS Batch) the way the Lambda and ECS
 * policies do: no value that looks like a credential, and the settings the checklists name as
 * secrets (`secretStoreNames`) taken from the secret store whatever their value. Each variable is
 * judged on its own, so a value unknown during preview hides no credential written in another.
 * `fix` says where the secret goes instead, e.g. "reference it from secrets[].valueFrom".
 */
export function judgeEnvironmentSecrets(
    variables: readonly EnvVariable[],
    where: string,
    secretStoreNames: readonly string[],
    fix: string,
    report: (message: string) => void,
): void {
    judgeEach(variables, report, (variable, report) => {
        const value = variable.source === "literal" ? text(variable.value()) : undefined;
        const reason = value === undefined ? undefined : findCredential(variable.name, value);
        if (reason) {
            report(`${where} sets environment variable ${variable.name} in plain text (${reason}): store it in Secrets Manager or SSM and ${fix}.`);
            return;
        }
        const problem = secretStoreProblem(variable, secretStoreNames);
        if (problem) {
            report(`${where} sets ${variable.name} as an environment variable, which ${problem}: the checklists keep it in the secret store; store it in Secrets Manager or SSM and ${fix}.`);
        }
    });
}

// ---- Customer-managed KMS keys: an opt-in where the service's default is an AWS managed key ----

/**
 * The `requireCustomerManagedKey` setting the encryption policies share where the service encrypts
 * with an AWS managed key (aws/rds, aws/ebs, ...) unless a key is named. Off by default.
 */
export const CUSTOMER_MANAGED_KEY_SETTING = {
    type: "boolean",
    default: false,
    description: "Also require a customer-managed KMS key, not the service's AWS managed key. Default false: the checklists (003, 004) ask for data encrypted at rest, which the AWS managed key provides; turn it on where a key policy must decide who can decrypt, and CloudTrail show each use, of a key the team controls.",
} as const satisfies Setting;

/** True for a key named by an AWS managed alias: "alias/aws/rds", "arn:aws:kms:...:alias/aws/ebs". */
function isAwsManagedAlias(key: unknown): boolean {
    return /(^|:)alias\/aws\//.test(text(key)?.trim() ?? "");
}

/**
 * Reports a resource encrypted with its service's AWS managed key (`awsManagedKey`, e.g. "aws/rds"):
 * `property` of `object` omitted, or naming an AWS managed alias; `label` names the property in
 * messages (e.g. "encryptAtRest.kmsKeyId"). A key created in the same program is unknown during
 * preview and counts as customer-managed, so the value is read without the SDK's check.
 */
export function requireCustomerManagedKey(
    object: unknown,
    property: string,
    where: string,
    awsManagedKey: string,
    report: (message: string) => void,
    label: string = property,
): void {
    if (!isDeclared(object, property)) {
        report(`${where} sets no ${label}, so it is encrypted with the AWS managed key ${awsManagedKey}: set ${label} to a customer-managed KMS key.`);
    } else if (isAwsManagedAlias(Object.getOwnPropertyDescriptor(object, property)?.value)) {
        report(`${where} sets ${label} to an AWS managed key alias: set it to a customer-managed KMS key.`);
    }
}
