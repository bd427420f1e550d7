// Where each policy is proven, for docs/policies.md: its spec (tests/policies/<provider>/<group>/,
// the file named after the policy's own) and the scenarios of stacks/scenarios/ that expect it to
// be broken. Read from the repository, so only the generator and its test use it.
import * as fs from "fs";
import * as path from "path";
import { policyFiles } from "../policies/registry";
import type { PolicyProof } from "../src/catalog/render";

export function policyProof(root: string): (policy: string) => PolicyProof {
    const specs = new Map(policyFiles(path.join(root, "policies")).map(({ file, expectedName }) => {
        const spec = path.relative(path.join(root, "policies"), file).replace(/\.(ts|js)$/, ".test.ts");
        return [expectedName, path.posix.join("tests", "policies", ...spec.split(path.sep))];
    }));
    const breaking = new Map<string, string[]>();
    const scenarios = path.join(root, "stacks", "scenarios");
    for (const file of fs.readdirSync(scenarios).filter((f) => f.endsWith(".ts")).sort()) {
        const text = fs.readFileSync(path.join(scenarios, file), "utf8");
        // Expected violations are `[policy, resource]` pairs; a policy named elsewhere in the file does not count.
        for (const [, policy] of text.matchAll(/\[\s*"((?:aws|kubernetes)-[a-z0-9-]+)"\s*,\s*"[^"]*"\s*\]/g)) {
            const list = breaking.get(policy) ?? [];
            const name = file.replace(/\.ts$/, "");
            if (!list.includes(name)) {
                breaking.set(policy, [...list, name]);
            }
        }
    }
    return (policy) => {
        const spec = specs.get(policy);
        return { spec: spec && fs.existsSync(path.join(root, spec)) ? spec : undefined, scenarios: breaking.get(policy) ?? [] };
    };
}
