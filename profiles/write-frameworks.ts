// Writes profiles/<framework>.json for every framework of the catalog (policies/lib/framework-catalog.ts):
// the policies mapped to one of its controls mandatory with their default settings, every other
// policy disabled. Run after the mapping changes:
//   npm run generate
import * as fs from "fs";
import * as path from "path";
import { FRAMEWORK_IDS, FrameworkId, mappedPolicies } from "../policies/lib/frameworks";

export function frameworkProfile(framework: FrameworkId): Record<string, string> {
    // Disabled first, so a policy added to the pack later stays out of the framework's profile.
    return { all: "disabled", ...Object.fromEntries(mappedPolicies(framework).map((policy) => [policy, "mandatory"])) };
}

if (require.main === module) {
    for (const framework of FRAMEWORK_IDS) {
        fs.writeFileSync(path.join(__dirname, `${framework}.json`), `${JSON.stringify(frameworkProfile(framework), null, 2)}\n`);
    }
}
