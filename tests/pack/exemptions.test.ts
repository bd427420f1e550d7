import type * as aws from "@pulumi/aws";
import type * as k8s from "@pulumi/kubernetes";
import backupRetention from "../../policies/aws/rds/require-backup-retention";
import rdsTls from "../../policies/aws/rds/require-tls";
import nonRoot from "../../policies/kubernetes/workload/require-non-root";
import { decide, globMatches, parseExemptionList, resourceExemptions } from "../../policies/lib/exemptions";
import { PolicyConfigError, resolvePolicyConfig } from "../../src/pack/config";
import { loadPackGrammar } from "../../src/pack/load";
import { resourceExemptionProblems } from "../../src/pack/exemptions";
import { checkResource, checkStack, UNKNOWN } from "../harness/policy";
import * as path from "path";

const CLUSTER = "aws:rds/cluster:Cluster";
const INSTANCE = "aws:rds/instance:Instance";
const DEPLOYMENT = "kubernetes:apps/v1:Deployment";
const POLICY = "aws-rds-require-backup-retention";
const shortBackups: aws.rds.ClusterArgs = { engine: "aurora-postgresql", backupRetentionPeriod: 7 };
const FUTURE = "2099-12-31";
const PAST = "2020-01-01";

function exempt(resource: string, extra: Record<string, unknown> = {}) {
    return { exemptions: [{ resource, reason: "restored from snapshot, migrating by Q3", ...extra }] };
}

describe("exemptions in the policy-pack config", () => {
    it("exempts a resource whose name matches a glob, as not applicable with the reason", () => {
        const verdict = checkResource(backupRetention, { type: CLUSTER, name: "legacy-db", props: shortBackups, config: exempt("legacy-*") });
        expect(verdict.violations).toEqual([]);
        expect(verdict.notApplicable).toBe(`exempt: restored from snapshot, migrating by Q3 (source: policy-pack config "legacy-*")`);
    });

    it("leaves a resource the glob does not match to the policy", () => {
        const verdict = checkResource(backupRetention, { type: CLUSTER, name: "app-db", props: shortBackups, config: exempt("legacy-*") });
        expect(verdict.notApplicable).toBeUndefined();
        expect(verdict.violations).toHaveLength(1);
    });

    it("matches a URN glob, across the '/' of type tokens", () => {
        const config = exempt("urn:pulumi:test::prodready::*::legacy-db");
        expect(checkResource(backupRetention, { type: CLUSTER, name: "legacy-db", props: shortBackups, config }).notApplicable).toMatch(/^exempt: /);
        expect(checkResource(backupRetention, { type: CLUSTER, name: "legacy-db2", props: shortBackups, config }).notApplicable).toBeUndefined();
        expect(globMatches("urn:pulumi:prod::app::aws:rds/*::db-*", "urn:pulumi:prod::app::aws:rds/cluster:Cluster::db-1")).toBe(true);
    });

    it("applies until its expiry date, inclusive, and says so in the reason", () => {
        const verdict = checkResource(backupRetention, { type: CLUSTER, name: "legacy-db", props: shortBackups, config: exempt("legacy-*", { expires: FUTURE }) });
        expect(verdict.notApplicable).toMatch(/, expires 2099-12-31\)$/);
        const subject = { type: CLUSTER, name: "legacy-db", urn: "urn:x::legacy-db", props: {} };
        expect(decide(POLICY, subject, exempt("legacy-*", { expires: "2026-03-31" }).exemptions, "any", "2026-03-31").exempt).toBeDefined();
        expect(decide(POLICY, subject, exempt("legacy-*", { expires: "2026-03-31" }).exemptions, "any", "2026-04-01").exempt).toBeUndefined();
    });

    it("no longer applies once expired, and the violation says when it expired", () => {
        const verdict = checkResource(backupRetention, { type: CLUSTER, name: "legacy-db", props: shortBackups, config: exempt("legacy-*", { expires: PAST }) });
        expect(verdict.notApplicable).toBeUndefined();
        expect(verdict.violations).toEqual([expect.stringMatching(/below the minimum 30.*The exemption in policy-pack config "legacy-\*" expired on 2020-01-01/)]);
    });

    it("does not hide a passing resource's pass: an exempt compliant resource is still reported exempt", () => {
        const verdict = checkResource(backupRetention, { type: CLUSTER, name: "legacy-db", props: { ...shortBackups, backupRetentionPeriod: 30 }, config: exempt("legacy-*") });
        expect(verdict.notApplicable).toMatch(/^exempt: /);
    });

    it("rejects an exemption without a reason", () => {
        expect(() => checkResource(backupRetention, { type: CLUSTER, props: shortBackups, config: { exemptions: [{ resource: "legacy-*" }] } }))
            .toThrow(/"aws-rds-require-backup-retention" exemption 1 \(resource "legacy-\*"\) has no reason/);
        expect(() => checkResource(backupRetention, { type: CLUSTER, props: shortBackups, config: { exemptions: [{ resource: "legacy-*", reason: "  " }] } }))
            .toThrow(PolicyConfigError);
    });

    it("rejects a malformed date, also one that is not a calendar day", () => {
        for (const expires of ["31/03/2027", "2027-3-31", "2027-02-30", 20270331]) {
            expect(() => checkResource(backupRetention, { type: CLUSTER, props: shortBackups, config: exempt("legacy-*", { expires }) }))
                .toThrow(/expires on .*which is not a date: write YYYY-MM-DD/);
        }
    });

    it("rejects an exemption for an unknown policy and an unknown field", () => {
        const policies = [{ name: POLICY, configSchema: backupRetention.configSchema }];
        expect(() => resolvePolicyConfig(policies, { "aws-rds-require-backups": exempt("x") })).toThrow(/unknown policy "aws-rds-require-backups"/);
        expect(() => resolvePolicyConfig(policies, { [POLICY]: exempt("x", { until: FUTURE }) })).toThrow(/unknown field "until"/);
    });

    it("the schema itself rejects what the engine would (no reason, bad date)", () => {
        // What `pulumi preview` checks, with the same JSON Schema, before the pack runs.
        // eslint-disable-next-line @typescript-eslint/no-require-imports
        const Ajv = require("ajv");
        const validate = new Ajv({ strict: false }).compile(backupRetention.configSchema!.properties.exemptions);
        expect(validate([{ resource: "a", reason: "b", expires: "2027-03-31" }])).toBe(true);
        expect(validate([{ resource: "a" }])).toBe(false);
        expect(validate([{ resource: "a", reason: "b", expires: "2027-13-01" }])).toBe(false);
    });

    it("every policy's schema takes exemptions with a default of none", () => {
        expect(backupRetention.configSchema?.properties.exemptions).toMatchObject({ type: "array", default: [] });
        expect(rdsTls.configSchema?.properties.exemptions).toMatchObject({ type: "array", default: [] });
    });
});

describe("exemptions written on the resource", () => {
    const deployment: k8s.apps.v1.DeploymentArgs = {
        metadata: { name: "legacy", annotations: { "prodready.dev/exempt": "kubernetes-workload-require-non-root=vendor image runs as root, replaced in Q3; other-policy=reason" } },
        spec: { selector: { matchLabels: { app: "legacy" } }, template: { metadata: { labels: { app: "legacy" } }, spec: { containers: [{ name: "app", image: "vendor/app:1.2.3" }] } } },
    };

    it("reads the Kubernetes annotation prodready.dev/exempt", () => {
        const verdict = checkResource(nonRoot, { type: DEPLOYMENT, name: "legacy", props: deployment });
        expect(verdict.notApplicable).toBe("exempt: vendor image runs as root, replaced in Q3 (source: annotation prodready.dev/exempt)");
        const { annotations: _, ...metadata } = deployment.metadata as k8s.types.input.meta.v1.ObjectMeta;
        expect(checkResource(nonRoot, { type: DEPLOYMENT, name: "legacy", props: { ...deployment, metadata } }).violations.length).toBeGreaterThan(0);
    });

    it("reads the AWS tag prodready:exempt (list form) and prodready:exempt:<policy>", () => {
        const listed = checkResource(backupRetention, { type: CLUSTER, name: "db", props: { ...shortBackups, tags: { "prodready:exempt": `${POLICY}=restored from snapshot expires ${FUTURE}` } } });
        expect(listed.notApplicable).toBe(`exempt: restored from snapshot (source: tag prodready:exempt, expires ${FUTURE})`);
        const keyed = checkResource(backupRetention, { type: INSTANCE, name: "db", props: { engine: "postgres", tags: { [`prodready:exempt:${POLICY}`]: "batch replica" } } });
        expect(keyed.notApplicable).toBe(`exempt: batch replica (source: tag prodready:exempt:${POLICY})`);
    });

    it("ignores an expired or malformed entry on the resource, and says so in the violation", () => {
        const expired = checkResource(backupRetention, { type: CLUSTER, name: "db", props: { ...shortBackups, tags: { "prodready:exempt": `${POLICY}=old reason expires ${PAST}` } } });
        expect(expired.violations).toEqual([expect.stringContaining(`The exemption in tag prodready:exempt expired on ${PAST} ("old reason")`)]);
        const noReason = checkResource(backupRetention, { type: CLUSTER, name: "db", props: { ...shortBackups, tags: { "prodready:exempt": `${POLICY}=` } } });
        expect(noReason.violations).toEqual([expect.stringContaining("is ignored: no reason given")]);
    });

    it("treats tags unknown during preview as no exemption", () => {
        const verdict = checkResource(backupRetention, { type: CLUSTER, name: "db", props: { ...shortBackups, tags: UNKNOWN } });
        expect(verdict.notApplicable).toBeUndefined();
        expect(verdict.violations).toHaveLength(1);
    });

    it("parses the list grammar", () => {
        expect(parseExemptionList(" a-b=one, two ; c=three expires 2027-03-31;", "s")).toEqual([
            { policy: "a-b", reason: "one, two", source: "s" },
            { policy: "c", reason: "three", expires: "2027-03-31", source: "s" },
        ]);
        expect(parseExemptionList("no-equals-sign", "s")[0].problem).toMatch(/is not <policy>=<reason>/);
        expect(parseExemptionList("c=x expires 2027-31-03", "s")[0].problem).toMatch(/is not a date/);
        expect(resourceExemptions("aws:autoscaling/group:Group", { tags: [{ key: "prodready:exempt", value: "a=b", propagateAtLaunch: true }] }))
            .toEqual([{ policy: "a", reason: "b", source: "tag prodready:exempt" }]);
    });

    it("the embedded preview rejects an unknown policy name, a missing reason or a bad date on a resource", () => {
        const grammar = loadPackGrammar(path.resolve(__dirname, "..", "..", "policies"))!;
        const problems = resourceExemptionProblems(grammar, [
            { type: DEPLOYMENT, name: "legacy", inputs: deployment as unknown as Record<string, unknown> },
            { type: CLUSTER, name: "db", inputs: { tags: { "prodready:exempt": `${POLICY}=; ${POLICY}=x expires soon` } } },
            { type: CLUSTER, name: "ok", inputs: { tags: { "prodready:exempt": `${POLICY}=fine`, other: UNKNOWN } } },
        ], new Set([POLICY, "kubernetes-workload-require-non-root"]));
        expect(problems).toEqual([
            `${DEPLOYMENT} "legacy" (annotation prodready.dev/exempt): unknown policy "other-policy" (the pack has no policy of that name)`,
            `${CLUSTER} "db" (tag prodready:exempt): no reason given`,
            `${CLUSTER} "db" (tag prodready:exempt): "soon" is not a date (use YYYY-MM-DD)`,
        ]);
    });
});

describe("exemptions on a stack policy", () => {
    const db = (name: string) => ({ type: INSTANCE, name, props: { engine: "postgres", instanceClass: "db.t4g.medium" } satisfies aws.rds.InstanceArgs });

    it("withholds the violation on the exempt resource and lists the exemption as not applicable", () => {
        const verdict = checkStack(rdsTls, [db("legacy-db"), db("app-db")], exempt("legacy-*"));
        expect(verdict.violations).toEqual([expect.stringContaining("'app-db'")]);
        expect(verdict.notApplicable).toBe(`exempt urn:pulumi:test::prodready::${INSTANCE}::legacy-db: restored from snapshot, migrating by Q3 (source: policy-pack config "legacy-*")`);
    });

    it("reports the violation with a note once the exemption expired", () => {
        const verdict = checkStack(rdsTls, [db("legacy-db")], exempt("legacy-*", { expires: PAST }));
        expect(verdict.notApplicable).toBeUndefined();
        expect(verdict.violations).toEqual([expect.stringContaining("expired on 2020-01-01")]);
    });
});

describe("exemptions a platform team controls", () => {
    const tagged = { ...shortBackups, tags: { [`prodready:exempt:${POLICY}`]: "batch replica" } };

    it("applies a resource's own exemption by default", () => {
        expect(checkResource(backupRetention, { type: CLUSTER, name: "db", props: tagged }).violations).toEqual([]);
    });

    it("ignores a resource's own exemption when the policy accepts config exemptions only, and says so", () => {
        const verdict = checkResource(backupRetention, { type: CLUSTER, name: "db", props: tagged, config: { exemptionsFromResources: "off" } });
        expect(verdict.violations).toHaveLength(1);
        expect(verdict.violations[0]).toMatch(/exemption written on the resource is ignored: this policy accepts exemptions from the policy-pack config only/);
        expect(verdict.notApplicable).toBeUndefined();
    });

    it("still applies the config's exemptions when resources may not exempt themselves", () => {
        const verdict = checkResource(backupRetention, { type: CLUSTER, name: "legacy-db", props: tagged, config: { ...exempt("legacy-*"), exemptionsFromResources: "off" } });
        expect(verdict.violations).toEqual([]);
        expect(verdict.notApplicable).toMatch(/source: policy-pack config "legacy-\*"/);
    });

    it("rejects an unknown value of the setting", () => {
        expect(() => resolvePolicyConfig([backupRetention], { [POLICY]: { exemptionsFromResources: "sometimes" } })).toThrow(PolicyConfigError);
    });

    it("applies an exemption written for a former name of the policy", () => {
        const renamed = { ...backupRetention, name: "aws-rds-require-backup-days" };
        const decision = decide([renamed.name, POLICY], { type: CLUSTER, name: "db", urn: "urn:pulumi:s::p::aws:rds/cluster:Cluster::db", props: tagged }, []);
        expect(decision.exempt?.reason).toBe("batch replica");
    });

    it("parses a long annotation in one pass, whatever it holds", () => {
        // A suffix regex over 100 KB of blanks used to backtrack for minutes.
        const blanks = " ".repeat(100_000);
        const entries = parseExemptionList(`${POLICY}=x${blanks}expires${blanks}2099-12-31x${blanks}`, "annotation");
        expect(entries).toHaveLength(1);
        expect(entries[0].problem).toMatch(/is not a date/);
        const spaced = parseExemptionList(`${POLICY}=reason${blanks}expires ${FUTURE}`, "annotation");
        expect(spaced[0]).toMatchObject({ reason: "reason", expires: FUTURE });
        expect(spaced[0].problem).toBeUndefined();
    });
});

describe("a malformed glob in the config, under the engine", () => {
    // The engine validates only the schema, and the embedded preview rejects these configs outright;
    // the pack itself must never apply such a glob.
    const subject = (name: string) => ({ type: CLUSTER, name, urn: `urn:pulumi:s::p::${CLUSTER}::${name}`, props: { ...shortBackups } as Record<string, unknown> });

    it("never applies a glob with an unclosed bracket, and says why", () => {
        const decision = decide(POLICY, subject("legacy[db"), exempt("legacy[db").exemptions);
        expect(decision.exempt).toBeUndefined();
        expect(decision.notes.join(" ")).toMatch(/is ignored: the glob has a "\[" at character 7 that is never closed/);
    });

    it("never applies a glob whose brace expansion is unbounded", () => {
        expect(decide(POLICY, subject("db-7"), exempt("db-{1..100000}").exemptions).exempt).toBeUndefined();
        expect(decide(POLICY, subject("db-7"), exempt("db-{1..9}").exemptions).exempt).toBeDefined();
    });
});
