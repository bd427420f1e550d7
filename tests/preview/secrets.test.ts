// A value the program marked secret is never printed: a privileged Deployment whose image registry,
// namespace and name come from secret config is still reported, in every format, without their text.
import * as path from "path";
import { withDefaultProviders } from "../../src/analyzer/default-providers";
import { loadCatalog } from "../../src/catalog/catalog";
import { DEFAULT_PACK_DIR } from "../../src/pack/load";
import { preview, PreviewResult } from "../../src/preview";
import { reportFromAnalysis } from "../../src/report/document";
import { FORMATS, render } from "../../src/report/index";
import { sourceLocations } from "../../src/report/locations";
import { packResourceTypes } from "../../src/pack/load";
import { REDACTED } from "../../src/report/redaction";

const PROGRAM = path.join(__dirname, "..", "program", "fixtures", "programs", "secret-registry");
// The secret config of the program's Pulumi.dev.yaml: two values read as secrets, and one that
// Pulumi.yaml declares secret but the program reads as plain text (into the Deployment's name).
const SECRETS = ["registry.example.com/team", "payments-prod", "checkout-squad"];

/** The report of a preview, put together as `prodready preview` does. */
function reportOf(result: PreviewResult) {
    return reportFromAnalysis(result, {
        catalog: loadCatalog(),
        source: { kind: "preview", target: result.programDir },
        subjects: withDefaultProviders(result.run, {}).resources,
        resourceTypes: packResourceTypes(DEFAULT_PACK_DIR),
        locations: sourceLocations(result.run.resources),
    });
}

describe("prodready preview of a program with secrets", () => {
    let result: PreviewResult;
    beforeAll(async () => {
        result = await preview(PROGRAM, { timeoutSeconds: 120 });
    });

    it("still judges the values: the privileged container is a violation, the exemption applies", () => {
        const report = reportOf(result);
        expect(report.findings).toContainEqual(expect.objectContaining({
            policy: "kubernetes-workload-disallow-privileged", outcome: "violation", name: `${REDACTED}-app`,
            location: expect.objectContaining({ file: expect.stringMatching(/secret-registry\/index\.ts$/), line: 11 }),
        }));
        // Policies that quote the image or the namespace show the mark instead.
        expect(report.findings.some((f) => f.message.includes(`image ${REDACTED}`))).toBe(true);
        expect(report.findings.some((f) => f.message.includes(`namespace '${REDACTED}'`))).toBe(true);
        expect(report.exemptions).toContainEqual(expect.objectContaining({
            policy: "kubernetes-workload-require-probes", reason: `probes ship with the ${REDACTED} rollout`, source: "annotation prodready.dev/exempt",
        }));
    });

    it.each(FORMATS)("prints no secret in the %s format", (format) => {
        const output = render(reportOf(result), format);
        expect(output).toMatch(/disallow-privileged/);
        for (const secret of SECRETS) {
            expect(output).not.toContain(secret);
        }
    });
});
