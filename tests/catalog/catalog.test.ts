import * as fs from "fs";
import * as path from "path";
import { loadPolicies } from "../../policies/registry";
import { loadCatalog } from "../../src/catalog/catalog";
import { renderChecklist, renderPolicies } from "../../src/catalog/render";
import { policyProof } from "../../scripts/policy-proof";

const ROOT = path.resolve(__dirname, "..", "..");
const policies = loadPolicies(path.join(ROOT, "policies"));
const catalog = loadCatalog();

describe("the checklist catalog", () => {
    it("has unique, well-formed ids and a reason for every item that is not infrastructure", () => {
        expect(catalog.byId.size).toBe(catalog.items.length);
        for (const item of catalog.items) {
            expect(item.id).toMatch(/^00[0-4]\.[a-z0-9-]+\.[a-z0-9-]+$/);
            expect(Object.keys(catalog.categories)).toContain(item.category);
            expect(["P0", "P1", "P2"]).toContain(item.priority);
            if (!item.infrastructure) {
                expect(item.reason ? "has reason" : `${item.id} has no reason`).toBe("has reason");
            }
        }
    });

    it("says why each infrastructure item no policy enforces is not enforced, and only for those", () => {
        const enforced = new Set(policies.flatMap((p) => p.checklist));
        const problems = catalog.items.filter((i) => i.infrastructure).flatMap((i) =>
            !enforced.has(i.id) && !i.notEnforced ? [`${i.id}: not enforced, and notEnforced does not say why`]
                : enforced.has(i.id) && i.notEnforced ? [`${i.id}: enforced, but notEnforced says it is not`] : []);
        expect(problems).toEqual([]);
    });

    it.each([
        ["docs/checklist.md", () => renderChecklist(catalog, policies)],
        ["docs/policies.md", () => renderPolicies(catalog, policies, policyProof(ROOT))],
    ])("%s is in step with the policies (run npm run generate)", (file, render) => {
        expect(fs.readFileSync(path.join(ROOT, file), "utf8")).toBe(render());
    });
});
