import { SECRET_SIG, SIG_KEY, UNKNOWN } from "../../values";
import { autoname, hex, lowerFirst, StandInContext } from "./naming";
import { isPrimitive, parseProperties, standInData } from "./schema";
import { ownPrefix, stringFor, Subject, subjectArn, subjectId } from "./shapes";

/**
 * Stand-ins for what a provider computes when it creates a resource, so a document a program builds
 * from them (a bucket policy naming `bucket.arn`, a task definition made with `pulumi.jsonStringify`)
 * is as complete at preview as under `pulumi up`.
 *
 * Two kinds of output get a value, and only when the inputs leave them unset:
 * - the autonamed input (`name`, an S3 bucket's `bucket`, an RDS instance's `identifier`): the engine's
 *   autoname `<logical name>-<7 hex digits>`, or the `...Prefix` input followed by digits;
 * - outputs only the provider sets, of type string, number or boolean: `arn` built from the physical
 *   name (`arn:aws:s3:::<bucket>`, `arn:aws:iam::<account>:policy/<name>`), ids, endpoints and the
 *   rest shaped by their name as function results are (see shapes.ts).
 * Other settable outputs take a provider default this module cannot know, and objects and lists would
 * be invented wholesale, so both stay unknown. `id` is the engine's to give.
 */

/** A string the program has set: not an unknown, seen through a secret. */
function knownString(value: unknown): string | undefined {
    if (value !== null && typeof value === "object" && (value as Record<string, unknown>)[SIG_KEY] === SECRET_SIG) {
        return knownString((value as Record<string, unknown>).value);
    }
    return typeof value === "string" && value !== UNKNOWN && value !== "" ? value : undefined;
}

/** The provider's suffix to a `...Prefix` input: 26 digits. */
function digits(seed: string, length: number): string {
    return [...hex(seed, length)].map((c) => parseInt(c, 16) % 10).join("");
}

/** The resource type tokens with recorded outputs, aliases left out, sorted. */
export function resourceTypes(): string[] {
    return Object.keys(standInData().resources).sort();
}

/**
 * Every output a resource type declares (computed and settable), for a program that registers the
 * type by its token and must still read outputs the program did not set, as a typed SDK class does.
 */
export function outputNames(type: string): string[] {
    const entry = standInData().resources[canonicalType(type)];
    return entry ? [...parseProperties(entry.computed), ...parseProperties(entry.settable)].map((p) => p.name) : [];
}

/** Whether `@pulumi/aws` or `@pulumi/kubernetes` declares a resource class of this type (or alias). */
export function knownResourceType(type: string): boolean {
    const data = standInData();
    return type in data.resources || type in data.aliases;
}

/** The token whose class declares `type`: itself, or the class that lists it as an alias. */
export function canonicalType(type: string): string {
    return standInData().aliases[type] ?? type;
}

/** What a resource would have once created: its ID and the outputs its provider computes. */
export interface ResourceStandIns {
    id: string;
    outputs: Record<string, unknown>;
}

/**
 * A Kubernetes object without `metadata.name` is named by the provider (`<name>-<8 characters>`); its
 * ID is `<namespace>/<name>`, or the name alone for an object without a namespace.
 */
function kubernetesStandIns(name: string, inputs: Record<string, unknown>, seed: string): ResourceStandIns {
    const metadata = inputs.metadata !== null && typeof inputs.metadata === "object" && !Array.isArray(inputs.metadata)
        ? inputs.metadata as Record<string, unknown>
        : undefined;
    const given = knownString(metadata?.name);
    const objectName = given ?? `${name}-${hex(seed, 8)}`;
    const namespace = knownString(metadata?.namespace);
    // An unknown name stays unknown: only a name nobody set is the provider's to give.
    const outputs: Record<string, unknown> = metadata?.name === undefined ? { metadata: { ...(metadata ?? {}), name: objectName } } : {};
    return { id: namespace ? `${namespace}/${objectName}` : objectName, outputs };
}

/** The ID and computed outputs of a resource the program creates; undefined for a type no package here declares. */
export function resourceStandIns(type: string, name: string, inputs: Record<string, unknown>, context: StandInContext): ResourceStandIns | undefined {
    const token = canonicalType(type);
    if (token.startsWith("kubernetes:") && standInData().resources[token]) {
        return kubernetesStandIns(name, inputs, `${token}|${name}`);
    }
    const outputs = resourceOutputStandIns(type, name, inputs, context);
    if (!outputs) {
        return undefined;
    }
    const [, modulePath = "", className = ""] = token.split(":");
    const module = modulePath.split("/")[0];
    const noun = lowerFirst(className);
    const seed = `${token}|${name}`;
    const entry = standInData().resources[token];
    const physical = entry.autoname ? knownString(inputs[entry.autoname]) ?? knownString(outputs[entry.autoname]) : undefined;
    // EC2-style resources are known by a prefixed ID (vpc-0…); most others by their physical name.
    const region = knownString(inputs.region) ?? context.region;
    const id = ownPrefix(module, noun) !== undefined || !physical ? subjectId(module, noun, region, seed) : physical;
    return { id, outputs };
}

export function resourceOutputStandIns(
    type: string,
    name: string,
    inputs: Record<string, unknown>,
    context: StandInContext,
): Record<string, unknown> | undefined {
    const token = canonicalType(type);
    const entry = standInData().resources[token];
    if (!entry) {
        return undefined;
    }
    const [, modulePath = "", className = ""] = token.split(":");
    const module = modulePath.split("/")[0];
    const noun = lowerFirst(className);
    const seed = `${token}|${name}`;
    const result: Record<string, unknown> = {};
    let physical: string | undefined;
    if (entry.autoname) {
        const prefix = knownString(inputs[`${entry.autoname}Prefix`]);
        physical = knownString(inputs[entry.autoname]) ?? (prefix ? `${prefix}${digits(seed, 26)}` : autoname(name, seed));
        if (inputs[entry.autoname] === undefined) {
            result[entry.autoname] = physical;
        }
    }
    const region = knownString(inputs.region) ?? context.region;
    const regional = { ...context, region };
    const id = subjectId(module, noun, region, seed);
    const ownName = physical ?? knownString(inputs.name) ?? autoname(name, seed);
    const subject: Subject = {
        module,
        noun,
        seed,
        id,
        name: ownName,
        region,
        context: regional,
        arn: subjectArn(module, noun, id, ownName, regional, knownString(inputs.path)),
    };
    for (const property of parseProperties(entry.computed)) {
        if (!isPrimitive(property.type) || property.name === "id" || property.name === "urn" || inputs[property.name] !== undefined) {
            continue;
        }
        const kind = property.type.kind;
        result[property.name] = kind === "string" ? stringFor(property.name, subject, property.name, true) : kind === "number" ? 1 : false;
    }
    return result;
}
