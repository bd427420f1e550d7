// What a program marked secret is found wherever it is recorded, and its text is taken out of every
// string a report reads, whole or inside a longer one.
import type { ProgramRun, RecordedResource } from "../../src/program/records";
import { REDACTED, redactError, redactor, redactResult, secretTexts } from "../../src/report/redaction";
import { SECRET_SIG, SIG_KEY, UNKNOWN } from "../../src/values";
import { analysis } from "./fixtures";

const secret = (value: unknown) => ({ [SIG_KEY]: SECRET_SIG, value });

const DEPLOYMENT = "kubernetes:apps/v1:Deployment";
const URN = "urn:pulumi:dev::shop::kubernetes:apps/v1:Deployment::payments-prod-app";

function resource(inputs: Record<string, unknown>, additionalSecretOutputs: string[] = []): RecordedResource {
    return {
        urn: URN, type: DEPLOYMENT, name: "payments-prod-app", custom: true, remote: false, inputs, dependencies: [], propertyDependencies: {},
        options: {
            protect: false, ignoreChanges: [], deleteBeforeReplace: false, deleteBeforeReplaceDefined: false, additionalSecretOutputs,
            aliases: [], customTimeouts: { create: "", update: "", delete: "" },
        },
    };
}

describe("secretTexts", () => {
    it("finds values wrapped as secrets at any depth, and every string and number inside a secret object or array", () => {
        const texts = secretTexts([resource({
            metadata: { namespace: secret("payments-prod") },
            spec: { containers: [{ image: secret("registry.example.com/team/app"), env: [{ name: "PLAIN", value: "not-a-secret" }] }] },
            data: secret({ user: "svc-payments", hosts: ["db-1.internal", "db-2.internal"], port: 5432, tls: true }),
        })]);
        expect(texts.sort()).toEqual(["5432", "db-1.internal", "db-2.internal", "payments-prod", "registry.example.com/team/app", "svc-payments"]);
    });

    it("leaves out object keys, booleans and the unknown sentinel inside a secret", () => {
        expect(secretTexts([resource({ x: secret({ longKeyName: UNKNOWN, enabled: false }) })])).toEqual([]);
    });

    it("finds the inputs named by additionalSecretOutputs, though not wrapped", () => {
        expect(secretTexts([resource({ password: "plain-but-secret", username: "admin-user" }, ["password"])])).toEqual(["plain-but-secret"]);
    });

    it("finds the values of secret config keys, and the strings inside a JSON one", () => {
        const config = { "shop:namespace": "payments-prod", "shop:db": JSON.stringify({ host: "db.internal", name: "orders" }), "shop:region": "eu-west-1" };
        expect(secretTexts([], config, ["shop:namespace", "shop:db", "shop:missing"]).sort())
            .toEqual(["db.internal", "orders", "payments-prod", '{"host":"db.internal","name":"orders"}']);
    });
});

describe("redactor", () => {
    const redact = redactor(["registry.example.com/team", "registry.example.com/team/app", "payments-prod", "abc", 'say "hi"\\now']);

    it("replaces every occurrence, whole or inside a longer string", () => {
        expect(redact("image registry.example.com/team/app:1.2 in namespace 'payments-prod' (payments-prod)"))
            .toBe(`image ${REDACTED}:1.2 in namespace '${REDACTED}' (${REDACTED})`);
        expect(redact(URN)).toBe(`urn:pulumi:dev::shop::kubernetes:apps/v1:Deployment::${REDACTED}-app`);
    });

    it("replaces the longer of two secrets whole when one holds the other", () => {
        expect(redact("registry.example.com/team/app and registry.example.com/team/web")).toBe(`${REDACTED} and ${REDACTED}/web`);
    });

    it("finds a secret quoted as a JSON string", () => {
        expect(redact(`value ${JSON.stringify('say "hi"\\now')}`)).toBe(`value "${REDACTED}"`);
    });

    it("leaves values shorter than four characters alone", () => {
        expect(redact("abc is not redacted")).toBe("abc is not redacted");
    });

    it("changes nothing without secrets", () => {
        expect(redactor([])("payments-prod")).toBe("payments-prod");
    });
});

describe("redactResult", () => {
    it("redacts findings, not-applicable reasons, names, URNs, declaring files and unexpanded components alike", () => {
        const redact = redactor(["payments-prod"]);
        const run: ProgramRun = {
            project: "shop", stack: "dev", unansweredInvokes: [],
            resources: [{ ...resource({}), parent: "urn:pulumi:dev::shop::payments-prod:Component::c", source: { file: "/src/payments-prod/index.ts", line: 3, column: 1 } }],
            unexpanded: [{ type: "shop:index:Chart", name: "payments-prod-chart", urn: "urn:pulumi:dev::shop::shop:index:Chart::payments-prod-chart",
                reason: "no plugin for payments-prod", allowed: true }],
        };
        const result = redactResult({
            ...analysis,
            findings: [{ ...analysis.findings[0], message: "namespace 'payments-prod' is open", urn: URN, name: "payments-prod-app" }],
            notApplicable: [{ policy: "p", reason: "exempt: payments-prod is frozen (source: annotation prodready.dev/exempt)", urn: URN, name: "payments-prod-app" }],
            run,
        }, redact);
        expect(JSON.stringify(result)).not.toContain("payments-prod");
        expect(result.findings[0]).toMatchObject({ message: `namespace '${REDACTED}' is open`, name: `${REDACTED}-app` });
        expect(result.findings[0].urn).toBe(result.run.resources[0].urn);
        expect(result.notApplicable[0].reason).toBe(`exempt: ${REDACTED} is frozen (source: annotation prodready.dev/exempt)`);
        expect(result.run.resources[0].source?.file).toBe(`/src/${REDACTED}/index.ts`);
    });

    it("keeps an error's class while redacting its message", () => {
        const err = redactError(new RangeError("a policy failed on Deployment \"payments-prod-app\""), redactor(["payments-prod"]));
        expect(err).toBeInstanceOf(RangeError);
        expect((err as Error).message).toBe(`a policy failed on Deployment "${REDACTED}-app"`);
    });
});
