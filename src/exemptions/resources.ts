// Checks the exemptions written on resources (the `prodready.dev/exempt` annotation and the
// `prodready:exempt*` AWS tags) before a run is reported: an entry naming a policy the pack does not
// have, without a reason or with a malformed date is an error, as in the policy-pack config. Inside
// the pack such an entry simply never applies (the violation says why); the embedded preview rejects
// it outright. The grammar is the pack's own (policies/lib/exemptions.ts), loaded from the pack
// directory in use, so the two can never disagree.
import * as fs from "fs";
import * as path from "path";
import { UNKNOWN } from "../analyzer/wire";

/** The part of the pack's exemption module used here. */
interface PackGrammar {
    resourceExemptions(type: string, props: Record<string, unknown>): Array<{ policy: string; reason: string; source: string; problem?: string }>;
}


/**
 * The pack's exemption grammar: its compiled `bin/lib/exemptions.js`, or its TypeScript source when
 * running under ts-node or jest. Undefined for a pack that has none (a pack other than prodready).
 */
export function loadPackGrammar(packDir: string): PackGrammar | undefined {
    const candidates = [path.join(packDir, "bin", "lib", "exemptions.js")];
    if (__filename.endsWith(".ts")) {
        candidates.unshift(path.join(packDir, "lib", "exemptions.ts"));
    }
    const file = candidates.find((f) => fs.existsSync(f));
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    return file ? (require(file) as PackGrammar) : undefined;
}

export interface RecordedInputs {
    type: string;
    name: string;
    inputs: Record<string, unknown>;
}

/** What is wrong with the exemptions written on these resources, one sentence per problem. */
export function resourceExemptionProblems(grammar: PackGrammar, resources: readonly RecordedInputs[], policies: ReadonlySet<string>): string[] {
    const problems: string[] = [];
    for (const r of resources) {
        for (const entry of grammar.resourceExemptions(r.type, r.inputs)) {
            if (entry.policy === UNKNOWN || entry.reason === UNKNOWN) {
                continue;
            }
            const where = `${r.type} "${r.name}" (${entry.source})`;
            if (entry.problem) {
                problems.push(`${where}: ${entry.problem}`);
            } else if (!policies.has(entry.policy)) {
                problems.push(`${where}: unknown policy "${entry.policy}" (the pack has no policy of that name)`);
            }
        }
    }
    return problems;
}
