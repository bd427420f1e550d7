// The policy-pack config of a run as written: a JSON file (what `pulumi preview --policy-pack-config`
// takes), a ready-made profile of profiles/, or a file over a profile. Read once per run, by the
// command, and passed on; ./config.ts resolves it against the pack's policies. A version 2 config is
// read into the plain form here, once (plainPackConfig).
import * as fs from "fs";
import { escape as escapeGlob } from "minimatch";
import * as path from "path";
import { readTextFile } from "../files";
import { packageRoot } from "../paths";
import { PolicyConfigError } from "./config";

/** Reads a policy-pack config file (the same JSON `pulumi preview --policy-pack-config` takes). */
export function readPackConfig(file: string): unknown {
    // Editors on Windows save a byte-order mark; JSON.parse would refuse it.
    const text = readTextFile(file, (reason) => new PolicyConfigError(`cannot read policy-pack config ${file}: ${reason}`)).replace(/^\uFEFF/, "");
    let config: unknown;
    try {
        config = JSON.parse(text);
    } catch {
        // The parser's message quotes the file, which may hold secrets: name the line, not the text.
        const line = jsonErrorLine(text);
        throw new PolicyConfigError(`policy-pack config ${file} is not valid JSON${line === undefined ? ": it ends early" : ` at line ${line}`}`);
    }
    return plainPackConfig(config, file);
}

/**
 * A policy-pack config in the plain form the pack resolves (`{"all": ..., "<policy>": ...}`), whether
 * it was written plain or in version 2; `source` names it in errors (a file, or "policy-pack config").
 * The one reader of version 2, for every command that takes a config, `prodready report` included.
 */
export function plainPackConfig(config: unknown, source = "policy-pack config"): unknown {
    return isObject(config) && "version" in config ? fromVersion2(config, source) : config;
}

/**
 * A version 2 policy-pack config (Pulumi 3.276 and later: `{"version": 2, "policies": {...},
 * "exceptions": {...}}`) in the shape the pack resolves: its policies, each with an exemption for
 * every resource a Pulumi policy exception names for it. The engine still reports an excepted
 * violation and fails no run on it; prodready reports it as exempt, with the exception's id.
 */
function fromVersion2(config: Record<string, unknown>, source: string): Record<string, unknown> {
    const fail = (detail: string): never => {
        throw new PolicyConfigError(`${source}: ${detail}`);
    };
    if (config.version !== 2) {
        fail(`policy-pack config version ${JSON.stringify(config.version)} is not one prodready reads (2); a plain config has no "version"`);
    }
    const unknown = Object.keys(config).find((k) => !["version", "policies", "exceptions", "environments"].includes(k));
    if (unknown !== undefined) {
        fail(`a version 2 policy-pack config has no key "${unknown}" (keys: version, policies, exceptions, environments)`);
    }
    if (config.environments !== undefined) {
        fail("a version 2 policy-pack config's ESC environments cannot be read without Pulumi Cloud: put their values in \"policies\"");
    }
    const policies = config.policies ?? {};
    if (!isObject(policies)) {
        fail("\"policies\" must be an object of policy configs");
    }
    const result: Record<string, unknown> = { ...(policies as Record<string, unknown>) };
    const exceptions = config.exceptions ?? {};
    if (!isObject(exceptions)) {
        fail("\"exceptions\" must be an object that maps exception ids to exceptions");
    }
    for (const [id, exception] of Object.entries(exceptions as Record<string, unknown>)) {
        const reason = isObject(exception) && typeof exception.reason === "string" ? exception.reason.trim() : "";
        const matches = isObject(exception) && Array.isArray(exception.match) ? exception.match : [];
        if (reason === "" || matches.length === 0) {
            fail(`policy exception "${id}" needs a "reason" and a "match" list of {"policies", "targets"}`);
        }
        for (const match of matches) {
            const names = isObject(match) && Array.isArray(match.policies) ? match.policies : [];
            const targets = isObject(match) && Array.isArray(match.targets) ? match.targets : [];
            if (names.length === 0 || targets.length === 0 || ![...names, ...targets].every((v) => typeof v === "string" && v !== "")) {
                fail(`policy exception "${id}": each match lists "policies" by name and "targets" by URN`);
            }
            for (const policy of names as string[]) {
                const entry = typeof result[policy] === "string" ? { enforcementLevel: result[policy] } : { ...((result[policy] as object | undefined) ?? {}) } as Record<string, unknown>;
                const given = Array.isArray(entry.exemptions) ? entry.exemptions : [];
                // A target is one URN, compared exactly as the engine compares it.
                entry.exemptions = [...given, ...(targets as string[]).map((urn) => ({ resource: escapeGlob(urn), reason: `${reason} (Pulumi policy exception ${id})` }))];
                result[policy] = entry;
            }
        }
    }
    return result;
}

/** The ready-made policy-pack configs: profiles/<name>.json, plain `--policy-pack-config` files. */
export const PROFILES_DIR = path.join(packageRoot(), "profiles");

export function profileNames(): string[] {
    return fs.readdirSync(PROFILES_DIR).filter((f) => f.endsWith(".json")).map((f) => f.slice(0, -".json".length)).sort();
}

/** Reads profiles/<name>.json; an unknown name is an error listing the available ones. */
export function readProfile(name: string): unknown {
    const names = profileNames();
    if (!names.includes(name)) {
        throw new PolicyConfigError(`unknown profile "${name}" (available: ${names.join(", ")})`);
    }
    return readPackConfig(path.join(PROFILES_DIR, `${name}.json`));
}

function isObject(value: unknown): value is Record<string, unknown> {
    return typeof value === "object" && value !== null && !Array.isArray(value);
}

/**
 * A profile with a config file over it: for each policy, the file's level and settings replace the
 * profile's one by one (`"advisory"` changes only the level); the file's `all` replaces the profile's.
 */
export function overlayPackConfig(profile: unknown, file: unknown): unknown {
    if (!isObject(profile) || !isObject(file)) {
        return file; // the config resolution reports the malformed one
    }
    const asEntry = (value: unknown) => (typeof value === "string" ? { enforcementLevel: value } : value);
    const merged: Record<string, unknown> = { ...profile };
    for (const [key, value] of Object.entries(file)) {
        const base = asEntry(profile[key]);
        const over = asEntry(value);
        merged[key] = key !== "all" && isObject(base) && isObject(over) ? { ...base, ...over } : value;
    }
    return merged;
}

/** The policy-pack config of a run, as written, and how errors name it. */
export interface PackConfig {
    packConfig: unknown;
    configSource?: string;
}

/** The policy-pack config of a run (a profile, a file, or a file over a profile) and how errors name it. */
export function packConfigOf(options: { profile?: string; packConfigFile?: string }): PackConfig {
    const file = options.packConfigFile ? readPackConfig(options.packConfigFile) : undefined;
    if (!options.profile) {
        return { packConfig: file, configSource: options.packConfigFile };
    }
    const profile = readProfile(options.profile);
    return options.packConfigFile
        ? { packConfig: overlayPackConfig(profile, file), configSource: `${options.packConfigFile} over profile ${options.profile}` }
        : { packConfig: profile, configSource: `profile ${options.profile}` };
}

/** True when `text` is valid JSON or could become valid JSON by appending to it. */
function viablePrefix(text: string): boolean {
    try {
        JSON.parse(text);
        return true;
    } catch (err) {
        // V8 says "Unexpected end of JSON input", or names a position at the very end of the text.
        const message = (err as Error).message;
        const at = /at position (\d+)/.exec(message);
        return /end of JSON input/.test(message) || (at !== null && Number(at[1]) >= text.length);
    }
}

/**
 * The line where JSON text stops being valid, without quoting it (the parser's own message quotes the
 * text, which may hold secrets). A prefix of a viable prefix is viable, so a binary search finds it.
 */
export function jsonErrorLine(text: string): number | undefined {
    if (viablePrefix(text)) {
        return undefined;
    }
    let good = 0;
    let bad = text.length;
    while (bad - good > 1) {
        const mid = Math.floor((good + bad) / 2);
        if (viablePrefix(text.slice(0, mid))) {
            good = mid;
        } else {
            bad = mid;
        }
    }
    return text.slice(0, bad).split("\n").length;
}
