// Writes docs/checklist.md and docs/policies.md from the policies' metadata and the catalog.
// `--check` exits non-zero when the committed files are out of date.
import * as fs from "fs";
import * as path from "path";
import { loadPolicies } from "../policies/registry";
import { loadCatalog } from "../src/catalog/catalog";
import { renderChecklist, renderPolicies } from "../src/catalog/render";

const root = path.resolve(__dirname, "..");
const policies = loadPolicies(path.join(root, "policies"));
const catalog = loadCatalog();
const outputs: Record<string, string> = {
    "docs/checklist.md": renderChecklist(catalog, policies),
    "docs/policies.md": renderPolicies(catalog, policies),
};
const check = process.argv.includes("--check");
let stale = false;
for (const [file, content] of Object.entries(outputs)) {
    const full = path.join(root, file);
    const current = fs.existsSync(full) ? fs.readFileSync(full, "utf8") : "";
    if (current === content) {
        continue;
    }
    if (check) {
        console.error(`${file} is out of date: run npm run docs`);
        stale = true;
    } else {
        fs.writeFileSync(full, content);
        console.log(`wrote ${file}`);
    }
}
process.exitCode = stale ? 1 : 0;
