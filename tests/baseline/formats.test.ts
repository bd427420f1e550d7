// A baseline through the one report model: every format shows a baselined finding as existing debt
// that fails no gate, under the fingerprint it had before; and the ratchet's rules, one by one.
import Ajv from "ajv";
import * as fs from "fs";
import * as path from "path";
import { applyBaseline, applyChangedOnly, baselineEntries, changeFactsFromEvents, ChangeFacts } from "../../src/baseline/apply";
import { baselineText, BaselineEntry } from "../../src/baseline/file";
import { inputsDigest } from "../../src/baseline/digest";
import { findingFingerprints } from "../../src/report/fingerprint";
import { readEvents, reportFromEvents } from "../../src/report/event-log";
import { render } from "../../src/report/index";
import { buildSarif } from "../../src/report/sarif";
import { buildCodeQuality } from "../../src/report/gitlab";
import { catalog } from "../report/fixtures";

const ROOT = path.resolve(__dirname, "..", "..");
const FIXTURES = path.join(__dirname, "fixtures");
const packDir = path.join(ROOT, "policies");
const packConfig = JSON.parse(fs.readFileSync(path.join(FIXTURES, "policy-pack-config.json"), "utf8"));
const SG = "urn:pulumi:prod::shop::aws:ec2/securityGroup:SecurityGroup::web-sg";
const TERMS = { reason: "opened before the gate, closing in Q3", expires: "2099-12-31" };

function reportOf(log: string) {
    const events = readEvents(path.join(FIXTURES, log));
    return { report: reportFromEvents(events, { catalog, packDir, packConfig, target: log }), facts: changeFactsFromEvents(events) };
}

describe("a baselined finding in every format", () => {
    const { report, facts } = reportOf("same.event-log.jsonl");
    const entries = baselineEntries(report, facts, TERMS);
    const baselined = applyBaseline(report, { file: "baseline.yaml", entries }, facts);
    const sg = baselined.findings.findIndex((f) => f.urn === SG);

    it("marks the finding, keeps its fingerprint, and leaves it out of the gate but not out of the score", () => {
        expect(report.summary.passed).toBe(false);
        expect(baselined.findings[sg].debt).toEqual({ kind: "baselined", ...TERMS });
        expect(findingFingerprints(baselined)).toEqual(findingFingerprints(report));
        expect(baselined.summary).toMatchObject({ mandatory: 0, baselined: 1, passed: true });
        expect(baselined.score).toEqual(report.score);
    });

    it("JSON: valid against the schema, with debt, summary.baselined and the baseline's outcome", () => {
        const schema = JSON.parse(fs.readFileSync(path.join(ROOT, "docs", "report.schema.json"), "utf8"));
        const validate = new Ajv({ strict: false }).compile(schema);
        const doc = JSON.parse(render(baselined, "json"));
        expect(validate(doc) ? [] : validate.errors).toEqual([]);
        expect(doc.baseline).toEqual({ file: "baseline.yaml", entries: 1, applied: 1, stale: [], lapsed: [] });
        const changed = JSON.parse(render(applyChangedOnly(report, facts), "json"));
        expect(validate(changed) ? [] : validate.errors).toEqual([]);
    });

    it("SARIF: the result is suppressed externally, under the same fingerprint", () => {
        const result = buildSarif(baselined).runs[0].results!.find((r) => r.properties?.urn === SG)!;
        const before = buildSarif(report).runs[0].results!.find((r) => r.properties?.urn === SG)!;
        expect(result.suppressions).toEqual([{ kind: "external", status: "accepted", justification: expect.stringMatching(/^baselined: opened before the gate, closing in Q3 \(until 2099-12-31/) }]);
        expect(before.suppressions).toBeUndefined();
        expect(result.partialFingerprints).toEqual(before.partialFingerprints);
    });

    it("JUnit skips it, GitHub does not annotate it, GitLab ranks it info under its fingerprint", () => {
        const junit = render(baselined, "junit");
        expect(junit).toMatch(/<testcase classname="aws-ec2-restrict-public-ingress" name="aws:ec2\/securityGroup:SecurityGroup: web-sg">\s*<skipped\/>\s*<system-out>(<!\[CDATA\[)?baselined: opened before the gate/);
        expect(render(report, "junit")).toMatch(/<testcase classname="aws-ec2-restrict-public-ingress"[^>]*>\s*<failure/);
        const github = render(baselined, "github");
        expect(github).not.toMatch(/^::error .*aws-ec2-restrict-public-ingress/m);
        expect(render(report, "github")).toMatch(/^::error .*title=aws-ec2-restrict-public-ingress/m);
        expect(github).toMatch(/^prodready: Baseline baseline\.yaml: 1 of 1 entry applied$/m);
        const issue = buildCodeQuality(baselined).find((i) => i.check_name === "aws-ec2-restrict-public-ingress")!;
        expect(issue).toMatchObject({ severity: "info", fingerprint: findingFingerprints(report)[sg] });
        expect(issue.description).toMatch(/baselined: opened before the gate/);
    });

    it("text, Markdown and HTML list it apart as existing debt", () => {
        const text = render(baselined, "text");
        expect(text).toMatch(/- \[baselined\]  aws-ec2-restrict-public-ingress  \(aws:ec2\/securityGroup:SecurityGroup: web-sg\)/);
        expect(text).not.toMatch(/- \[mandatory\]  aws-ec2-restrict-public-ingress/);
        expect(text).toMatch(/Gate: passes \(exit 0\): no new mandatory violation; existing debt fails no gate \(1 baselined\)/);
        const markdown = render(baselined, "markdown");
        expect(markdown).not.toMatch(/### Violations/);
        expect(markdown).toMatch(/<summary>Existing debt, not failing the run \(1\)<\/summary>[\s\S]*aws-ec2-restrict-public-ingress/);
        const html = render(baselined, "html");
        expect(html).toMatch(/<section id="debt"><h2>Existing debt <span class="muted">\(1\)<\/span>/);
        expect(html).toMatch(/<span class="n" id="count-mandatory">0<\/span>/);
        expect(html).toMatch(/the run passes; existing debt fails no gate \(1 baselined, 0 on untouched resources\)/);
    });
});

describe("the ratchet", () => {
    const { report } = reportOf("same.event-log.jsonl");
    const sgInputs = { description: "web", ingress: [{ protocol: "tcp", fromPort: 22, toPort: 22, cidrBlocks: ["0.0.0.0/0"] }], tags: { team: "web" } };
    const entry = (over: Partial<BaselineEntry> = {}): BaselineEntry => ({
        fingerprint: findingFingerprints(report)[report.findings.findIndex((f) => f.urn === SG)], policy: "aws-ec2-restrict-public-ingress",
        resource: SG, inputs: inputsDigest(sgInputs), ...TERMS, ...over,
    });
    const apply = (e: BaselineEntry, facts: ChangeFacts, day = "2030-01-01") => applyBaseline(report, { file: "b.yaml", entries: [e] }, facts, day);
    const noSteps = (inputs: Record<string, unknown>): ChangeFacts => ({ steps: new Map(), digests: new Map([[SG, inputsDigest(inputs)]]) });

    it("without steps, the inputs digest decides; key order and secrets do not change it", () => {
        expect(apply(entry(), noSteps({ tags: { team: "web" }, ingress: sgInputs.ingress, description: "web" })).summary.baselined).toBe(1);
        const secret = (value: string) => ({ "4dabf18193072939515e22adb298388d": "1b47061264138c4ac30d75fd1eb44270", value });
        expect(inputsDigest({ password: secret("hunter2") })).toBe(inputsDigest({ password: secret("correct horse") }));
        const changed = apply(entry(), noSteps({ ...sgInputs, description: "web servers" }));
        expect(changed.summary).toMatchObject({ baselined: 0, mandatory: 1 });
        expect(changed.baseline!.lapsed).toEqual([expect.objectContaining({ why: "changed", detail: "the resource's inputs changed since the entry was written" })]);
        // An entry without a digest cannot show its resource unchanged: it does not apply.
        const { inputs: _, ...undigested } = entry();
        expect(apply(undigested, noSteps(sgInputs)).summary.baselined).toBe(0);
    });

    it("a step decides over the digest: same keeps the entry, create, update and replace drop it", () => {
        const withStep = (step: "same" | "create" | "update" | "replace"): ChangeFacts => ({ steps: new Map([[SG, step]]), digests: new Map([[SG, "sha256:other"]]) });
        expect(apply(entry(), withStep("same")).summary.baselined).toBe(1);
        for (const step of ["create", "update", "replace"] as const) {
            expect(apply(entry(), withStep(step)).baseline!.lapsed[0].detail).toMatch(new RegExp(`\\(step ${step}\\)$`));
        }
    });

    it("an entry applies through its expiry day (UTC) and not after", () => {
        expect(apply(entry({ expires: "2030-01-01" }), noSteps(sgInputs), "2030-01-01").summary.baselined).toBe(1);
        expect(apply(entry({ expires: "2030-01-01" }), noSteps(sgInputs), "2030-01-02").baseline!.lapsed).toEqual([expect.objectContaining({ why: "expired", detail: "expired on 2030-01-01" })]);
    });

    it("reads a replacement's ops as one replace step", () => {
        const events = readEvents(path.join(FIXTURES, "same.event-log.jsonl"));
        const replaced = events.flatMap((e) => e.resourcePreEvent?.metadata.urn === SG
            ? ["create-replacement", "replace", "delete-replaced"].map((op) => ({ ...e, resourcePreEvent: { ...e.resourcePreEvent!, metadata: { ...e.resourcePreEvent!.metadata, op } } }))
            : [e]);
        expect(changeFactsFromEvents(replaced).steps.get(SG)).toBe("replace");
        expect(changeFactsFromEvents(events).steps.get(SG)).toBe("same");
    });

    it("rewritten over an old baseline, keeps the terms of entries that still apply and gives new ones to the rest", () => {
        const kept = { ...entry(), reason: "agreed in review", expires: "2031-05-31" };
        const stale = { ...entry(), fingerprint: "f".repeat(64), policy: "aws-gone" };
        const old = { file: "b.yaml", entries: [kept, stale] };
        const facts = noSteps(sgInputs);
        const applied = applyBaseline(report, old, facts, "2030-01-01");
        const rewritten = baselineEntries(applied, facts, TERMS, old);
        expect(rewritten.find((e) => e.fingerprint === kept.fingerprint)).toMatchObject({ reason: "agreed in review", expires: "2031-05-31" });
        expect(rewritten.some((e) => e.fingerprint === stale.fingerprint)).toBe(false);
        // The resource changed: the entry lapsed, so the rewrite gives it the new terms for review.
        const changed = noSteps({ ...sgInputs, description: "other" });
        const renewed = baselineEntries(applyBaseline(report, old, changed, "2030-01-01"), changed, TERMS, old);
        expect(renewed.find((e) => e.fingerprint === kept.fingerprint)).toMatchObject(TERMS);
    });

    it("writes entries sorted, with the same text for the same findings", () => {
        const a = entry();
        const b = { ...entry(), fingerprint: "0".repeat(64), policy: "aws-a-policy" };
        expect(baselineText([a, b])).toBe(baselineText([b, a]));
        expect(baselineText([a, b]).indexOf("aws-a-policy")).toBeLessThan(baselineText([a, b]).indexOf("aws-ec2-restrict-public-ingress"));
    });
});
