// `require("prodready")` gives the pack's policies and the helpers to write a team's own, and starts
// nothing: the analyzer runs only from the pack's entry.
import { spawnSync } from "child_process";
import * as path from "path";

const ROOT = path.resolve(__dirname, "..", "..");

describe("the package's entry", () => {
    it("loads every policy and the authoring helpers without starting an analyzer", () => {
        const main = path.join(ROOT, require(path.join(ROOT, "package.json")).main);
        const script = `const p = require(${JSON.stringify(main)}); console.log(JSON.stringify({ policies: p.loadPolicies().length, ` +
            "builders: [typeof p.resourcePolicy, typeof p.stackPolicy], helpers: Object.keys(p.checks).length > 0 && Object.keys(p.kubernetes).length > 0 }));";
        // A module that started a server would keep the process alive past the timeout.
        const result = spawnSync(process.execPath, ["-e", script], { encoding: "utf8", timeout: 60_000 });
        expect(result.status).toBe(0);
        const loaded = JSON.parse(result.stdout);
        expect(loaded.policies).toBeGreaterThan(200);
        expect(loaded.builders).toEqual(["function", "function"]);
        expect(loaded.helpers).toBe(true);
    });
});
