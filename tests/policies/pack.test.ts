// Checks every registered policy for what the pack promises of all of them.
import Ajv from "ajv";
import * as fs from "fs";
import * as path from "path";
import { CHECKLIST_FRAMEWORK, defaultEnforcement, ProdreadyPolicy, ProdreadyStackPolicy } from "../../policies/lib/define";
import { loadPolicies, policyFiles } from "../../policies/registry";
import { policiesJudging } from "../../policies/serving/type-dispatch";
import { loadCatalog } from "../../src/catalog/catalog";
import { loadScenario } from "../../stacks/scenario";

const ROOT = path.resolve(__dirname, "..", "..");
const POLICIES_DIR = path.join(ROOT, "policies");
const policies = loadPolicies(POLICIES_DIR);
const catalog = loadCatalog();
const NAME = /^(aws|kubernetes)-[a-z0-9]+-(require|disallow|restrict)-[a-z0-9]+(-[a-z0-9]+)*$/;

/** Every type token the providers register, read from their compiled classes. */
function providerTypeTokens(): Set<string> {
    const tokens = new Set<string>();
    const walk = (dir: string) => {
        for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
            const full = path.join(dir, entry.name);
            if (entry.isDirectory()) {
                walk(full);
            } else if (entry.name.endsWith(".js")) {
                const text = fs.readFileSync(full, "utf8");
                for (const m of text.matchAll(/__pulumiType = '([^']+)'|\{ type: "([a-z0-9-]+:[^"]+)" \}/g)) {
                    tokens.add(m[1] ?? m[2]);
                }
            }
        }
    };
    walk(path.join(ROOT, "node_modules", "@pulumi", "aws"));
    walk(path.join(ROOT, "node_modules", "@pulumi", "kubernetes"));
    return tokens;
}

describe("every policy", () => {
    const tokens = providerTypeTokens();

    it("is loaded from its own file, named after its path", () => {
        const files = policyFiles(POLICIES_DIR);
        expect(policies.map((p) => p.name)).toEqual(files.map((f) => f.expectedName));
        expect(new Set(policies.map((p) => p.name)).size).toBe(policies.length);
    });

    test.each(policies.map((p) => [p.name, p] as [string, ProdreadyPolicy]))("%s carries complete metadata", (name, policy) => {
        expect(name).toMatch(NAME);
        expect(policy.description.length).toBeGreaterThan(20);
        expect(policy.remediationSteps?.length).toBeGreaterThan(10);
        expect(["low", "medium", "high", "critical"]).toContain(policy.severity);
        expect(["P0", "P1", "P2"]).toContain(policy.priority);
        expect(policy.enforcementLevel).toBe(defaultEnforcement(policy.priority));
        expect(policy.framework?.name).toBe(CHECKLIST_FRAMEWORK);
        expect(policy.tags).toContain(`priority:${policy.priority}`);
        expect(policy.checklist.length).toBeGreaterThan(0);
        for (const id of policy.checklist) {
            expect(catalog.byId.has(id) ? id : `unknown checklist item ${id}`).toBe(id);
            expect(catalog.byId.get(id)?.infrastructure ? id : `${id} is not an infrastructure item`).toBe(id);
        }
    });

    test.each(policies.map((p) => [p.name, p] as [string, ProdreadyPolicy]))("%s has valid config defaults", (_name, policy) => {
        const properties = policy.configSchema?.properties ?? {};
        const ajv = new Ajv({ strict: false });
        for (const [key, schema] of Object.entries(properties)) {
            expect({ key, hasDefault: "default" in schema }).toEqual({ key, hasDefault: true });
            expect({ key, described: typeof schema.description === "string" && schema.description.length > 10 }).toEqual({ key, described: true });
            const validate = ajv.compile(schema);
            expect({ key, valid: validate((schema as { default?: unknown }).default) }).toEqual({ key, valid: true });
        }
    });

    test.each(policies.map((p) => [p.name, p] as [string, ProdreadyPolicy]))("%s bounds every numeric setting", (_name, policy) => {
        // A threshold without a maximum accepts a typo such as 3000 days as a stricter setting.
        const numeric = (schema: Record<string, unknown>): boolean => schema.type === "integer" || schema.type === "number";
        for (const [key, schema] of Object.entries(policy.configSchema?.properties ?? {}) as Array<[string, Record<string, unknown>]>) {
            const items = schema.type === "array" && typeof schema.items === "object" ? schema.items as Record<string, unknown> : undefined;
            for (const checked of [schema, items].filter((s): s is Record<string, unknown> => s !== undefined && numeric(s))) {
                expect({ key, bounded: typeof checked.maximum === "number" && (typeof checked.minimum === "number" || typeof checked.exclusiveMinimum === "number") })
                    .toEqual({ key, bounded: true });
            }
        }
    });

    test.each(policies.filter((p) => p.resourceTypes).map((p) => [p.name, p] as [string, ProdreadyPolicy]))("%s names real provider types", (_name, policy) => {
        for (const type of policy.resourceTypes ?? []) {
            expect(tokens.has(type) ? type : `not a provider type: ${type}`).toBe(type);
        }
    });

    test.each(policies.filter((p) => "validateStack" in p).map((p) => [p.name, p] as [string, ProdreadyPolicy]))("%s, a stack policy, names the types it reads and stays out of Analyze", (_name, policy) => {
        expect(policy.resourceTypes?.length).toBeGreaterThan(0);
        expect("validateResource" in policy).toBe(false);
        expect((policy as ProdreadyStackPolicy).validateStack).not.toHaveProperty("__pulumiType");
        expect(policiesJudging([policy], policy.resourceTypes![0])).toEqual([]);
    });

    it("is broken by at least one scenario", () => {
        const scenarioDir = path.join(ROOT, "stacks", "scenarios");
        const broken = new Set(fs.readdirSync(scenarioDir).filter((f) => f.endsWith(".ts"))
            .flatMap((f) => loadScenario(f.replace(/\.ts$/, "")).violations.map(([policy]) => policy)));
        expect(policies.map((p) => p.name).filter((n) => !broken.has(n))).toEqual([]);
        expect([...broken].filter((n) => !policies.some((p) => p.name === n))).toEqual([]);
    });
});
