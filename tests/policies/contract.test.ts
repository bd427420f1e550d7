// The contract a policy is written against: its config type comes from its settings' JSON Schema,
// so a misspelt or mistyped setting fails to compile (checked by `tsc` in `npm test`).
import { resourcePolicy, stackPolicy } from "../../policies/lib/define";
import { requireAtLeast } from "../../policies/lib/checks";
import { given } from "../../policies/lib/values";

const settings = {
    minimumDays: { type: "integer", default: 30, minimum: 1, maximum: 35, description: "Minimum days." },
    allowed: { type: "array", items: { type: "string" }, default: ["a"], description: "Allowed values." },
    mode: { type: "string", enum: ["strict", "lenient"], default: "strict", description: "How strict." },
} as const;

const typed = resourcePolicy({
    name: "aws-test-require-typed-config",
    description: "A policy whose config type is derived from its settings.",
    priority: "P2",
    severity: "low",
    checklist: [],
    remediationSteps: "None.",
    config: settings,
    resourceTypes: ["aws:s3/bucket:Bucket"],
    validate: (_resource, config, report) => {
        const days: number = config.minimumDays;
        const allowed: readonly string[] = config.allowed;
        const mode: "strict" | "lenient" = config.mode;
        // @ts-expect-error a misspelt setting does not exist on the config
        const misspelt = config.minimumDay;
        // @ts-expect-error a number setting is not a string
        const wrong: string = config.minimumDays;
        report(`${days} ${allowed.join()} ${mode} ${String(misspelt)} ${wrong}`);
    },
});

const stack = stackPolicy({
    name: "aws-test-require-stack-context",
    description: "A stack policy judging each resource on its own.",
    priority: "P2",
    severity: "low",
    checklist: [],
    remediationSteps: "None.",
    resourceTypes: ["aws:s3/bucket:Bucket"],
    validate: (resources, _config, report, context) => {
        for (const resource of resources) {
            context.judge(resource, () => report(String(resource.props.value), resource.urn));
        }
    },
});

describe("the policy contract", () => {
    it("carries the settings as the config schema, with the settings every policy takes", () => {
        expect(Object.keys(typed.configSchema!.properties)).toEqual(["minimumDays", "allowed", "mode", "exemptions", "exemptionsFromResources", "allowUnknown"]);
        expect(stack.configSchema!.properties.exemptionsFromResources).toMatchObject({ default: "any", enum: ["any", "off"] });
    });

    it("treats empty strings and empty lists as not set", () => {
        expect(given("")).toBeUndefined();
        expect(given("  ")).toBeUndefined();
        expect(given([])).toBeUndefined();
        expect(given(null)).toBeUndefined();
        expect(given("x")).toBe("x");
        expect(given(0)).toBe(0);
        expect(given(false)).toBe(false);
    });

    describe("requireAtLeast", () => {
        const judge = (value: unknown, accepted?: { maximum: number; by: string }) => {
            const messages: string[] = [];
            requireAtLeast(value, { where: "RDS instance 'db'", property: "backupRetentionPeriod", minimum: 30, unit: "day(s)", omitted: "so AWS keeps backups 1 day", accepted }, (m) => messages.push(m));
            return messages;
        };
        it("passes the minimum and more", () => {
            expect(judge(30)).toEqual([]);
            expect(judge("35")).toEqual([]);
        });
        it("reports omitted, empty, malformed and short values", () => {
            expect(judge(undefined)[0]).toMatch(/omits backupRetentionPeriod, so AWS keeps backups 1 day: set backupRetentionPeriod to 30 or more/);
            expect(judge("")[0]).toMatch(/omits/);
            expect(judge(true)[0]).toMatch(/a boolean, not a whole number/);
            expect(judge(7)[0]).toMatch(/to 7 day\(s\), below the minimum 30/);
        });
        it("reports a value above what the service accepts as invalid", () => {
            expect(judge(36, { maximum: 35, by: "RDS" })[0]).toMatch(/to 36, which RDS rejects \(at most 35\): set backupRetentionPeriod to 30 or more, up to 35/);
        });
    });
});

describe("a stack policy with a value unknown during preview", () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { checkStack, UNKNOWN, urnOf } = require("../harness/policy") as typeof import("../harness/policy");
    const resources = [
        { type: "aws:s3/bucket:Bucket", name: "first", props: { value: "bad" } },
        { type: "aws:s3/bucket:Bucket", name: "second", props: { value: UNKNOWN } },
        { type: "aws:s3/bucket:Bucket", name: "third", props: { value: "bad" } },
    ];

    it("judges every other resource and reports only the unknown one as unknown", () => {
        const verdict = checkStack(stack, resources);
        expect(verdict.violations).toEqual(["bad", "bad"]);
        expect(verdict.urns).toEqual([urnOf("aws:s3/bucket:Bucket", "first"), urnOf("aws:s3/bucket:Bucket", "third")]);
        expect(verdict.unknownUrns).toEqual([urnOf("aws:s3/bucket:Bucket", "second")]);
    });

    it("reports nothing unknown when every value is known", () => {
        const verdict = checkStack(stack, [resources[0]]);
        expect(verdict.unknown).toBeUndefined();
        expect(verdict.violations).toEqual(["bad"]);
    });
});

describe("a stack policy's exemptions", () => {
    // The URN index behind exemption decisions is kept between stack policies handed the same
    // resource objects; a list that only shares its first resource must get its own.
    const resource = (name: string, tags?: Record<string, string>) => Object.freeze({
        type: "aws:s3/bucket:Bucket", name, urn: `urn:pulumi:dev::p::aws:s3/bucket:Bucket::${name}`,
        props: { value: name, ...(tags ? { tags } : {}) },
    });
    function validate(resources: readonly object[]): { violations: string[]; notApplicable: string[] } {
        const violations: string[] = [];
        const notApplicable: string[] = [];
        const args = {
            resources,
            getConfig: () => ({ exemptions: {}, exemptionsFromResources: "any" }),
            notApplicable: (reason: string) => { notApplicable.push(reason); },
        };
        (stack.validateStack as (a: unknown, r: (m: string) => void) => void)(args, (message) => violations.push(message));
        return { violations, notApplicable };
    }

    it("are decided on the resources each call is handed", () => {
        const first = resource("first");
        const last = resource("last");
        const plain = resource("second");
        const exempt = resource("second", { "prodready:exempt": "aws-test-require-stack-context=kept for the audit" });
        expect(validate([first, plain, last]).violations).toEqual(["first", "second", "last"]);
        const withExempt = validate([first, exempt, last]);
        expect(withExempt.violations).toEqual(["first", "last"]);
        expect(withExempt.notApplicable.join()).toContain("kept for the audit");
        expect(validate([first, plain, last]).violations).toEqual(["first", "second", "last"]);
    });
});
