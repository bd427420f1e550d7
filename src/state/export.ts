// Reads what `pulumi stack export` writes (deployment version 3) into the values the engine and the
// analyzer speak: secrets in the wire form, a secret that cannot be decrypted offline as unknown.
import { readTextFile } from "../files";
import { SECRET_SIG, SIG_KEY, UNKNOWN } from "../values";

/** The export's deployment version prodready reads: the one `pulumi stack export` writes since Pulumi 1.0. */
export const DEPLOYMENT_VERSION = 3;

/** One resource of the stack as it was last deployed. */
export interface DeployedResource {
    urn: string;
    type: string;
    name: string;
    custom: boolean;
    id?: string;
    /** Its inputs after the provider's Check, as the engine stored them. */
    inputs: Record<string, unknown>;
    /** What the provider returned: inputs and computed outputs (ARNs, IDs). */
    outputs: Record<string, unknown>;
    parent?: string;
    /** `urn::id` of its provider. */
    provider?: string;
    dependencies: string[];
    propertyDependencies: Record<string, string[]>;
    protect: boolean;
    ignoreChanges: string[];
    additionalSecretOutputs: string[];
    aliases: string[];
    customTimeouts: { create: string; update: string; delete: string };
    deleteBeforeReplace: boolean;
    /** A resource the program reads (`get`), not one it manages. */
    external: boolean;
}

export interface StackState {
    /** The export read, as given. */
    file: string;
    project: string;
    stack: string;
    /** Resources that exist (pending deletions, which the engine skips too, left out), in the export's order. */
    resources: DeployedResource[];
    /** Names of the resources with secret values encrypted by the stack's secrets provider: unknown here, so nothing that reads them is verified. */
    encryptedSecrets: string[];
    /** The secrets provider's type (`passphrase`, `service`, `awskms`, …), when the export names one. */
    secretsProvider?: string;
}

/** The parts of a URN: `urn:pulumi:<stack>::<project>::<qualified type>::<name>`. */
function urnParts(urn: string): { stack: string; project: string; name: string } {
    const parts = urn.split("::");
    return { stack: (parts[0] ?? "").replace(/^urn:pulumi:/, ""), project: parts[1] ?? "", name: parts.slice(3).join("::") };
}

function isObject(value: unknown): value is Record<string, unknown> {
    return typeof value === "object" && value !== null && !Array.isArray(value);
}

function strings(value: unknown): string[] {
    return Array.isArray(value) ? value.filter((v): v is string => typeof v === "string") : [];
}

/**
 * A state value in the wire form: a secret written in plain text (`plaintext`, from
 * `pulumi stack export --show-secrets`) becomes the secret wrapper with its value; an encrypted one
 * (`ciphertext`) becomes a secret whose value is unknown, counted, and never read.
 */
function wireValue(value: unknown, counts: { encrypted: number }): unknown {
    if (Array.isArray(value)) {
        return value.map((v) => wireValue(v, counts));
    }
    if (!isObject(value)) {
        return value;
    }
    if (value[SIG_KEY] === SECRET_SIG) {
        if (typeof value.plaintext === "string") {
            let plain: unknown;
            try {
                plain = JSON.parse(value.plaintext);
            } catch {
                plain = value.plaintext;
            }
            return { [SIG_KEY]: SECRET_SIG, value: wireValue(plain, counts) };
        }
        counts.encrypted++;
        return { [SIG_KEY]: SECRET_SIG, value: UNKNOWN };
    }
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, wireValue(v, counts)]));
}

function deployedResource(entry: Record<string, unknown>, counts: { encrypted: number }): DeployedResource {
    const urn = String(entry.urn);
    const timeouts = isObject(entry.customTimeouts) ? entry.customTimeouts : {};
    // The export writes timeouts as seconds; the analyzer request takes Go durations.
    const duration = (v: unknown) => (typeof v === "number" && v > 0 ? `${v}s` : typeof v === "string" ? v : "");
    const propertyDependencies: Record<string, string[]> = {};
    for (const [key, urns] of Object.entries(isObject(entry.propertyDependencies) ? entry.propertyDependencies : {})) {
        propertyDependencies[key] = strings(urns);
    }
    return {
        urn,
        type: String(entry.type),
        name: urnParts(urn).name,
        custom: entry.custom === true,
        ...(typeof entry.id === "string" && entry.id !== "" ? { id: entry.id } : {}),
        inputs: wireValue(isObject(entry.inputs) ? entry.inputs : {}, counts) as Record<string, unknown>,
        outputs: wireValue(isObject(entry.outputs) ? entry.outputs : {}, counts) as Record<string, unknown>,
        ...(typeof entry.parent === "string" && entry.parent !== "" ? { parent: entry.parent } : {}),
        ...(typeof entry.provider === "string" && entry.provider !== "" ? { provider: entry.provider } : {}),
        dependencies: strings(entry.dependencies),
        propertyDependencies,
        protect: entry.protect === true,
        ignoreChanges: strings(entry.ignoreChanges),
        additionalSecretOutputs: strings(entry.additionalSecretOutputs),
        aliases: strings(entry.aliases),
        customTimeouts: { create: duration(timeouts.create), update: duration(timeouts.update), delete: duration(timeouts.delete) },
        deleteBeforeReplace: entry.deleteBeforeReplace === true,
        external: entry.external === true,
    };
}

/**
 * Reads a stack export. Fails with one line on a file that cannot be read, is not JSON, or is not a
 * version 3 deployment; the file's text is never quoted (it may hold secrets in plain text).
 */
export function readStackExport(file: string): StackState {
    const text = readTextFile(file, (reason) => new Error(`cannot read the stack export ${file}: ${reason}`));
    let document: unknown;
    try {
        document = JSON.parse(text.replace(/^\uFEFF/, ""));
    } catch {
        throw new Error(`the stack export ${file} is not JSON: write it with pulumi stack export --file <file>`);
    }
    if (!isObject(document) || !isObject(document.deployment)) {
        throw new Error(`${file} is not a stack export (no "deployment"): write it with pulumi stack export --file <file>`);
    }
    if (document.version !== DEPLOYMENT_VERSION) {
        throw new Error(`the stack export ${file} is deployment version ${JSON.stringify(document.version) ?? "(none)"}; prodready reads version ${DEPLOYMENT_VERSION}, which pulumi stack export writes`);
    }
    const entries = Array.isArray(document.deployment.resources) ? document.deployment.resources : [];
    const malformed = entries.findIndex((e) => !isObject(e) || typeof e.urn !== "string" || typeof e.type !== "string" || !e.urn.startsWith("urn:pulumi:"));
    if (malformed >= 0) {
        throw new Error(`the stack export ${file} has a resource without a urn and a type (resources[${malformed}])`);
    }
    const encrypted: string[] = [];
    // A resource pending deletion (`delete: true`) is one a replacement has already superseded: the engine skips it too.
    const resources = (entries as Record<string, unknown>[]).filter((e) => e.delete !== true).map((e) => {
        const counts = { encrypted: 0 };
        const resource = deployedResource(e, counts);
        if (counts.encrypted > 0) {
            encrypted.push(resource.name);
        }
        return resource;
    });
    const stackResource = resources.find((r) => r.type === "pulumi:pulumi:Stack") ?? resources[0];
    const { stack, project } = stackResource ? urnParts(stackResource.urn) : { stack: "", project: "" };
    const provider = isObject(document.deployment.secrets_providers) ? document.deployment.secrets_providers.type : undefined;
    return {
        file,
        project,
        stack,
        resources,
        encryptedSecrets: encrypted,
        ...(typeof provider === "string" ? { secretsProvider: provider } : {}),
    };
}

/** The line that says which secrets could not be read, and how to export them readable; undefined when all were. */
export function encryptedSecretsNotice(state: StackState): string | undefined {
    const names = [...state.encryptedSecrets].sort();
    if (names.length === 0) {
        return undefined;
    }
    const shown = names.length > 5 ? `${names.slice(0, 5).join(", ")} and ${names.length - 5} more` : names.join(", ");
    return `the secret values of ${names.length} resource${names.length === 1 ? "" : "s"} (${shown}) in ${state.file} are encrypted` +
        `${state.secretsProvider ? ` by the ${state.secretsProvider} secrets provider` : ""} and cannot be read offline: ` +
        "policies that read them are not verified; export with pulumi stack export --show-secrets to judge them (the report never prints a secret)";
}
