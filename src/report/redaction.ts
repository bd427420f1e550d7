// Values a program marked secret never reach a report. A policy quotes what it judges (an image,
// a namespace), so a finding may hold the plain text of a secret; so may a resource's name, its URN,
// an exemption's reason or the file a location names. The plain text of every secret of a run is
// collected once, and every string a report reads from the run is redacted before the report is
// built (src/preview.ts), so every format (text, JSON, SARIF, JUnit, Markdown, HTML) reads the same
// redacted result.
import type { Analysis } from "./analysis";
import type { ProgramRun, RecordedResource } from "../program/records";
import { SECRET_SIG, SIG_KEY, UNKNOWN } from "../values";

/** What a report shows instead of a secret's text, as the Pulumi CLI does. */
export const REDACTED = "[secret]";

// Shorter values are left alone: blotting out every "app", "dev" or "80" in a report would make it
// unreadable while hiding next to nothing, since a value that short is guessed at once.
const MIN_SECRET_LENGTH = 4;

function isSecret(value: unknown): value is { value?: unknown } {
    return value !== null && typeof value === "object" && (value as Record<string, unknown>)[SIG_KEY] === SECRET_SIG;
}

/** Every plain value inside a secret, at any depth. Object keys are its shape, not its content. */
function plainTexts(value: unknown, into: Set<string>): void {
    if (typeof value === "string") {
        if (value !== UNKNOWN) {
            into.add(value);
        }
    } else if (typeof value === "number" && Number.isFinite(value)) {
        into.add(String(value));
    } else if (Array.isArray(value)) {
        value.forEach((item) => plainTexts(item, into));
    } else if (isSecret(value)) {
        plainTexts(value.value, into);
    } else if (value !== null && typeof value === "object" && (value as Record<string, unknown>)[SIG_KEY] === undefined) {
        // Resource references and assets are not values the program wrote.
        Object.values(value).forEach((item) => plainTexts(item, into));
    }
    // Booleans are not secrets anyone could redact: `true` and `false` are in every report.
}

/** The secrets marked anywhere inside a recorded value (wire sentinels). */
function markedSecrets(value: unknown, into: Set<string>): void {
    if (isSecret(value)) {
        plainTexts(value.value, into);
    } else if (Array.isArray(value)) {
        value.forEach((item) => markedSecrets(item, into));
    } else if (value !== null && typeof value === "object") {
        Object.values(value).forEach((item) => markedSecrets(item, into));
    }
}

/**
 * The plain text of every value a run marked secret: values wrapped with `pulumi.secret` (or made
 * from a secret, such as `config.requireSecret`), the inputs named by a resource's
 * `additionalSecretOutputs`, and the values of secret config keys (those in `secretKeys`, which a
 * program may read without `getSecret`), a JSON one's strings included.
 */
export function secretTexts(resources: readonly Pick<RecordedResource, "inputs" | "options">[], config: Readonly<Record<string, string>> = {}, secretKeys: readonly string[] = []): string[] {
    const texts = new Set<string>();
    for (const r of resources) {
        markedSecrets(r.inputs, texts);
        for (const name of r.options.additionalSecretOutputs) {
            plainTexts(r.inputs[name], texts);
        }
    }
    for (const key of secretKeys) {
        const value = config[key];
        if (value === undefined) {
            continue;
        }
        texts.add(value);
        try {
            plainTexts(JSON.parse(value), texts);
        } catch {
            // Plain text, not JSON.
        }
    }
    return [...texts];
}

function escapeRegExp(text: string): string {
    return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/**
 * A function that replaces every occurrence of each secret in a text, as a whole or inside a longer
 * string (an image reference, a URN), with REDACTED. A secret is also found as a JSON string shows it
 * (quotes and backslashes escaped), since messages quote values that way.
 */
export function redactor(secrets: Iterable<string>): (text: string) => string {
    const forms = new Set<string>();
    for (const secret of secrets) {
        if (secret.length >= MIN_SECRET_LENGTH) {
            forms.add(secret);
            forms.add(JSON.stringify(secret).slice(1, -1));
        }
    }
    if (forms.size === 0) {
        return (text) => text;
    }
    // Longest first, so that a secret holding another is replaced whole.
    const pattern = new RegExp([...forms].sort((a, b) => b.length - a.length).map(escapeRegExp).join("|"), "g");
    return (text) => text.replace(pattern, REDACTED);
}

/**
 * A preview's result with every string a report reads from it redacted: findings, not-applicable
 * answers and exemptions, and the run's names, URNs, declaring files and components left
 * unexpanded. URNs are redacted alike on both sides (a finding's and its resource's), so locations
 * and coverage still find each other. The resources' inputs stay as recorded: no report prints
 * them, and coverage reads their shape.
 */
export function redactResult<T extends Analysis & { run: ProgramRun }>(result: T, redact: (text: string) => string): T {
    const named = <U extends { urn?: string; name?: string }>(item: U): U => ({
        ...item,
        ...(item.urn !== undefined ? { urn: redact(item.urn) } : {}),
        ...(item.name !== undefined ? { name: redact(item.name) } : {}),
    });
    return {
        ...result,
        findings: result.findings.map((f) => ({ ...named(f), message: redact(f.message) })),
        notApplicable: result.notApplicable.map((n) => ({ ...named(n), reason: redact(n.reason) })),
        ...(result.exemptions ? { exemptions: result.exemptions.map((e) => ({ ...named(e), reason: redact(e.reason), source: redact(e.source) })) } : {}),
        run: {
            ...result.run,
            ...(result.run.error !== undefined ? { error: redact(result.run.error) } : {}),
            resources: result.run.resources.map((r) => ({
                ...r,
                urn: redact(r.urn),
                name: redact(r.name),
                ...(r.parent !== undefined ? { parent: redact(r.parent) } : {}),
                ...(r.source ? { source: { ...r.source, file: redact(r.source.file) } } : {}),
            })),
            ...(result.run.unexpanded ? { unexpanded: result.run.unexpanded.map((c) => ({ ...named(c), reason: redact(c.reason) })) } : {}),
        },
    };
}

/** An error whose message is redacted, of the same class, for errors that quote a resource or a policy's words. */
export function redactError(err: unknown, redact: (text: string) => string): unknown {
    if (err instanceof Error) {
        err.message = redact(err.message);
    }
    return err;
}
