// Globs that name resources in exemptions. The embedded preview rejects a bad one in the config;
// the pack itself, which runs under the engine too, never applies one.
import { braceExpand, Minimatch, MinimatchOptions } from "minimatch";

/** Most alternatives a `resource` glob may expand to (`{a,b}{c,d}` is 4, `{1..300}` is 300). */
export const MAX_BRACE_ALTERNATIVES = 256;

/**
 * What is wrong with an exemption's `resource` glob, or undefined. minimatch reads an unclosed `[`
 * or `{` as plain text, so a typo would silently match nothing; and it expands braces before
 * matching, so `{1..100000}` would build a hundred thousand patterns on every resource.
 */
export function globProblem(pattern: string): string | undefined {
    // Every resource is matched against the same few globs: judge each glob once.
    if (!problems.has(pattern)) {
        if (problems.size >= 1000) {
            problems.clear();
        }
        problems.set(pattern, findProblem(pattern));
    }
    return problems.get(pattern);
}

const problems = new Map<string, string | undefined>();

function findProblem(pattern: string): string | undefined {
    if (pattern.trim() === "") {
        return "is empty";
    }
    let depth = 0;
    for (let i = 0; i < pattern.length; i++) {
        const c = pattern[i];
        if (c === "\\") {
            i++;
        } else if (c === "[") {
            // A class ends at the next `]` that is not its first character (`[]a]`, `[!]a]`).
            let j = i + 1;
            if (pattern[j] === "!" || pattern[j] === "^") {
                j++;
            }
            if (pattern[j] === "]") {
                j++;
            }
            while (j < pattern.length && pattern[j] !== "]") {
                j += pattern[j] === "\\" ? 2 : 1;
            }
            if (j >= pattern.length) {
                return `has a "[" at character ${i + 1} that is never closed by "]" (write "\\[" for a literal bracket)`;
            }
            i = j;
        } else if (c === "{") {
            depth++;
        } else if (c === "}") {
            if (depth === 0) {
                return `has a "}" at character ${i + 1} that closes no "{" (write "\\}" for a literal brace)`;
            }
            depth--;
        }
    }
    if (depth > 0) {
        return `has a "{" that is never closed by "}" (write "\\{" for a literal brace)`;
    }
    // Expanded with minimatch's own cap, so even a huge range costs at most one alternative more than allowed.
    if (braceExpand(pattern, { braceExpandMax: MAX_BRACE_ALTERNATIVES + 1 }).length > MAX_BRACE_ALTERNATIVES) {
        return `expands to more than ${MAX_BRACE_ALTERNATIVES} alternatives: list fewer names or use a wildcard`;
    }
    return undefined;
}

// Compiling a glob costs far more than matching it, and every resource meets the same few globs.
const compiled = new Map<string, Minimatch>();

/** `minimatch(value, pattern, options)` with each (pattern, options) compiled once. */
export function matchGlob(value: string, pattern: string, options: MinimatchOptions = {}): boolean {
    const key = `${pattern}\u0000${JSON.stringify(options)}`;
    let matcher = compiled.get(key);
    if (!matcher) {
        if (compiled.size >= 1000) {
            compiled.clear();
        }
        matcher = new Minimatch(pattern, options);
        compiled.set(key, matcher);
    }
    return matcher.match(value);
}
