// The framework catalog (policies/lib/framework-catalog.ts) is valid against the pack, and the pack
// carries it: every mapped policy exists, every control it names is defined, and each policy's tags,
// url and the generated page say what the catalog says.
import * as fs from "fs";
import * as path from "path";
import { frameworkControlsOf, frameworkTag } from "../../policies/lib/contract";
import { CHECKLIST_FRAMEWORK } from "../../policies/lib/define";
import { FRAMEWORKS, POLICY_CONTROLS } from "../../policies/lib/framework-catalog";
import { catalogPolicies, FRAMEWORK_IDS, frameworkLabel, frameworkTags, mappedPolicies, policyControls } from "../../policies/lib/frameworks";
import { loadPolicies } from "../../policies/registry";
import { loadCatalog } from "../../src/catalog/catalog";
import { renderFrameworks } from "../../src/catalog/frameworks";
import { renderPolicies } from "../../src/catalog/render";

const ROOT = path.resolve(__dirname, "..", "..");
const policies = loadPolicies(path.join(ROOT, "policies"));
const byName = new Map(policies.map((p) => [p.name, p]));

/** The id forms each framework uses: `SEC08-BP02` (pillars OPS, SEC, REL), `5.2.2`, `3.7`. */
const CONTROL_ID: Record<string, RegExp> = {
    "aws-well-architected": /^(OPS|SEC|REL)\d{2}-BP\d{2}$/,
    "cis-kubernetes": /^5\.\d+\.\d+$/,
    "cis-aws-foundations": /^\d+\.\d+(\.\d+)?$/,
};

describe("the framework catalog", () => {
    it("defines each framework with a name, a version, a link and titled controls in its id form", () => {
        expect(FRAMEWORK_IDS).toEqual(["aws-well-architected", "cis-kubernetes", "cis-aws-foundations"]);
        for (const id of FRAMEWORK_IDS) {
            const framework = FRAMEWORKS[id];
            expect(framework.url).toMatch(/^https:\/\//);
            expect(framework.version.length).toBeGreaterThan(0);
            for (const [control, definition] of Object.entries(framework.controls) as Array<[string, { title: string; url?: string }]>) {
                expect([id, control]).toEqual([id, expect.stringMatching(CONTROL_ID[id])]);
                expect(definition.title.length).toBeGreaterThan(10);
                if (definition.url !== undefined) {
                    expect(definition.url).toMatch(/^https:\/\/docs\.aws\.amazon\.com\/wellarchitected\/latest\/framework\/[a-z0-9_]+\.html$/);
                }
            }
        }
        expect(frameworkLabel("cis-kubernetes")).toBe("CIS Kubernetes Benchmark v1.12.0");
        expect(frameworkLabel("cis-aws-foundations")).toBe("CIS Amazon Web Services Foundations Benchmark v5.0.0");
    });

    // Iterates the catalog, not the pack: a policy added later without a mapping breaks nothing, a misspelt name does.
    it.each(catalogPolicies())("maps %s, a policy of the pack, to controls its frameworks define", (name) => {
        expect(byName.has(name) ? name : `no policy named ${name}`).toBe(name);
        const mapping = POLICY_CONTROLS[name] as Record<string, readonly string[]>;
        expect(Object.keys(mapping).length).toBeGreaterThan(0);
        for (const [framework, controls] of Object.entries(mapping)) {
            expect(FRAMEWORK_IDS as string[]).toContain(framework);
            expect(controls.length).toBeGreaterThan(0);
            expect(new Set(controls).size).toBe(controls.length);
            const defined = FRAMEWORKS[framework as keyof typeof FRAMEWORKS].controls as Record<string, unknown>;
            for (const control of controls) {
                expect(defined[control] ? control : `${framework} defines no control ${control}`).toBe(control);
            }
        }
    });

    it("uses every control it defines", () => {
        for (const framework of FRAMEWORK_IDS) {
            const used = new Set(mappedPolicies(framework).flatMap((p) => policyControls(p).filter((c) => c.framework === framework).flatMap((c) => c.controls)));
            expect(Object.keys(FRAMEWORKS[framework].controls).filter((c) => !used.has(c))).toEqual([]);
        }
    });

    it("maps CIS controls only to policies of their provider", () => {
        expect(mappedPolicies("cis-kubernetes").every((p) => p.startsWith("kubernetes-"))).toBe(true);
        expect(mappedPolicies("cis-aws-foundations").every((p) => p.startsWith("aws-"))).toBe(true);
    });
});

describe("a policy's metadata", () => {
    it("carries one framework tag per mapped control, which the reports read back", () => {
        const policy = byName.get("kubernetes-workload-disallow-host-namespaces")!;
        expect(policy.tags).toEqual(expect.arrayContaining(["framework:cis-kubernetes:5.2.3", "framework:cis-kubernetes:5.2.4", "framework:cis-kubernetes:5.2.5"]));
        expect(frameworkControlsOf(policy.tags!, "cis-kubernetes")).toEqual(["5.2.3", "5.2.4", "5.2.5"]);
        expect(frameworkControlsOf(policy.tags!, "cis-aws-foundations")).toEqual([]);
        // The priority tag stays where the reports read it.
        expect(policy.tags).toContain(`priority:${policy.priority}`);
    });

    it.each(policies.map((p) => [p.name, p] as const))("%s: its tags are its catalog entry, its framework the checklists, its url its reference entry", (name, policy) => {
        const tagged = (policy.tags ?? []).filter((t) => t.startsWith("framework:"));
        expect(tagged).toEqual(frameworkTags(name));
        for (const { framework, controls } of policyControls(name)) {
            expect(frameworkControlsOf(policy.tags ?? [], framework)).toEqual(controls);
        }
        expect(policy.framework?.name).toBe(CHECKLIST_FRAMEWORK);
        expect(policy.url).toBe(`docs/policies.md#${name}`);
    });

    it("round-trips a tag and ignores other frameworks' and malformed ones", () => {
        expect(frameworkTag("cis-aws-foundations", "3.7")).toBe("framework:cis-aws-foundations:3.7");
        const tags = ["aws", frameworkTag("cis-aws-foundations", "3.7"), frameworkTag("cis-aws-foundations-extra", "1.1"), "framework:cis-aws-foundations:", "priority:P0"];
        expect(frameworkControlsOf(tags, "cis-aws-foundations")).toEqual(["3.7"]);
    });

    it("has an entry in the generated docs/policies.md for the url to point at", () => {
        const reference = renderPolicies(loadCatalog(), policies);
        for (const name of policies.map((p) => p.name)) {
            expect(reference.includes(`## ${name}\n`) ? name : `no entry for ${name}`).toBe(name);
        }
    });
});

describe("docs/frameworks.md", () => {
    it("is in step with the catalog (run npm run generate)", () => {
        expect(fs.readFileSync(path.join(ROOT, "docs", "frameworks.md"), "utf8")).toBe(renderFrameworks(policies));
    });
});
