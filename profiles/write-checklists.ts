// Writes profiles/checklists.json: every policy of the pack at its default level with its default
// settings, spelled out. Run after a policy or a default changes:
//   npm run generate
import * as fs from "fs";
import * as path from "path";
import { loadPolicies } from "../policies/registry";

/** Settings every policy takes that are not thresholds (docs/exemptions.md): left out of the profile. */
const COMMON_SETTINGS = new Set(["exemptions", "exemptionsFromResources", "allowUnknown"]);

export function checklistsProfile(): Record<string, Record<string, unknown>> {
    const profile: Record<string, Record<string, unknown>> = {};
    for (const policy of loadPolicies(path.join(__dirname, "..", "policies"))) {
        const entry: Record<string, unknown> = { enforcementLevel: policy.enforcementLevel };
        for (const [key, schema] of Object.entries(policy.configSchema?.properties ?? {})) {
            if (!COMMON_SETTINGS.has(key)) {
                entry[key] = (schema as { default?: unknown }).default;
            }
        }
        profile[policy.name] = entry;
    }
    return profile;
}

if (require.main === module) {
    fs.writeFileSync(path.join(__dirname, "checklists.json"), `${JSON.stringify(checklistsProfile(), null, 2)}\n`);
}
