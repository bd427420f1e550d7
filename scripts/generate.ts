// Writes every file made from the pack (`npm run generate`): docs/checklist.md and docs/policies.md
// from the policies' metadata and the catalog, docs/frameworks.md from the framework catalog
// (policies/lib/framework-catalog.ts), and the profiles made from them (profiles/checklists.json,
// profiles/<framework>.json). `--check` exits non-zero when a committed file is out of date.
import * as fs from "fs";
import * as path from "path";
import { FRAMEWORK_IDS } from "../policies/lib/frameworks";
import { loadPolicies } from "../policies/registry";
import { checklistsProfile } from "../profiles/write-checklists";
import { frameworkProfile } from "../profiles/write-frameworks";
import { policyProof } from "./policy-proof";
import { loadCatalog } from "../src/catalog/catalog";
import { renderChecklist, renderPolicies } from "../src/catalog/render";
import { renderFrameworks } from "../src/catalog/frameworks";

const root = path.resolve(__dirname, "..");
const policies = loadPolicies(path.join(root, "policies"));
const catalog = loadCatalog();
const outputs: Record<string, string> = {
    "docs/checklist.md": renderChecklist(catalog, policies),
    "docs/policies.md": renderPolicies(catalog, policies, policyProof(root)),
    "docs/frameworks.md": renderFrameworks(policies),
    "profiles/checklists.json": profileText(checklistsProfile()),
    ...Object.fromEntries(FRAMEWORK_IDS.map((framework) => [`profiles/${framework}.json`, profileText(frameworkProfile(framework))])),
};
function profileText(profile: unknown): string {
    return `${JSON.stringify(profile, null, 2)}\n`;
}

const check = process.argv.includes("--check");
let stale = false;
for (const [file, content] of Object.entries(outputs)) {
    const full = path.join(root, file);
    const current = fs.existsSync(full) ? fs.readFileSync(full, "utf8") : "";
    if (current === content) {
        continue;
    }
    if (check) {
        console.error(`${file} is out of date: run npm run generate`);
        stale = true;
    } else {
        fs.writeFileSync(full, content);
        console.log(`wrote ${file}`);
    }
}
process.exitCode = stale ? 1 : 0;
