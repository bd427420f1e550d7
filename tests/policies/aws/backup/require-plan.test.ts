import type * as aws from "@pulumi/aws";
import policy from "../../../../policies/aws/backup/require-plan";
import { checkStack, StackResource, UNKNOWN, urnOf } from "../../../harness/policy";

const PLAN = "aws:backup/plan:Plan";
const SELECTION = "aws:backup/selection:Selection";
const CLUSTER = "aws:rds/cluster:Cluster";
const TABLE = "aws:dynamodb/table:Table";
const plan: aws.backup.PlanArgs = {
    rules: [{
        ruleName: "daily", targetVaultName: "app", schedule: "cron(0 5 * * ? *)", lifecycle: { deleteAfter: 35 },
        copyActions: [{ destinationVaultArn: "arn:aws:backup:us-west-2:123456789012:backup-vault:app-dr", lifecycle: { deleteAfter: 35 } }],
    }],
};
const selection = (resources: string[]): aws.backup.SelectionArgs => ({ name: "app", planId: "plan-id", iamRoleArn: "arn:aws:iam::123456789012:role/backup", resources });
const planUrn = urnOf(PLAN, "plan");
const stateful = [
    { type: CLUSTER, name: "db", props: { engine: "aurora-postgresql", clusterIdentifier: "app-db" } },
    { type: TABLE, name: "sessions", props: { name: "app-sessions" } },
];

describe("aws-backup-require-plan", () => {
    it("passes a plan with retention and a copy, and a selection that covers every store", () => {
        const resources = [...stateful, { type: PLAN, name: "plan", props: plan },
            { type: SELECTION, name: "sel", props: selection(["arn:aws:rds:us-east-1:123456789012:cluster:app-db", "arn:aws:dynamodb:us-east-1:123456789012:table/app-sessions"]), dependencies: [planUrn] }];
        expect(checkStack(policy, resources).violations).toEqual([]);
    });

    it("passes a stack without stateful resources", () => {
        expect(checkStack(policy, [{ type: "aws:sqs/queue:Queue", name: "q", props: {} }]).violations).toEqual([]);
    });

    it("joins a selection by tag with the stores' tags", () => {
        const { resources: _, ...byTag } = { ...selection([]), selectionTags: [{ type: "STRINGEQUALS", key: "backup", value: "daily" }] };
        const tagged = [{ ...stateful[0], props: { ...stateful[0].props, tags: { backup: "daily" } } }, stateful[1]];
        const verdict = checkStack(policy, [...tagged, { type: PLAN, name: "plan", props: plan }, { type: SELECTION, name: "sel", props: byTag, dependencies: [planUrn] }]);
        expect(verdict.urns).toEqual([urnOf(TABLE, "sessions")]);
    });

    it("fires on each store when there is no plan (omitted)", () => {
        const verdict = checkStack(policy, stateful);
        expect(verdict.violations).toEqual([expect.stringContaining("'db' (Cluster) is in no AWS Backup plan"), expect.stringContaining("'sessions' (Table) is in no AWS Backup plan")]);
        expect(verdict.urns).toEqual([urnOf(CLUSTER, "db"), urnOf(TABLE, "sessions")]);
    });

    it("fires on a store the selection leaves out", () => {
        const resources = [...stateful, { type: PLAN, name: "plan", props: plan },
            { type: SELECTION, name: "sel", props: selection(["arn:aws:rds:us-east-1:123456789012:cluster:app-db"]), dependencies: [planUrn] }];
        expect(checkStack(policy, resources).urns).toEqual([urnOf(TABLE, "sessions")]);
    });

    it("fires on a short retention and a missing copy, on the plan", () => {
        const weak: aws.backup.PlanArgs = { rules: [{ ruleName: "daily", targetVaultName: "app", lifecycle: { deleteAfter: 7 } }] };
        const resources = [...stateful, { type: PLAN, name: "plan", props: weak }, { type: SELECTION, name: "sel", props: { ...selection(["*"]) }, dependencies: [planUrn] }];
        const verdict = checkStack(policy, resources);
        expect(verdict.violations).toEqual([expect.stringContaining("rule 'daily' of backup plan 'plan' sets lifecycle.deleteAfter to 7 day(s), below the minimum 30"), expect.stringContaining("keeps recovery points in one vault only")]);
        expect(verdict.urns).toEqual([planUrn, planUrn]);
    });

    it("takes the minimum and the copy requirement from config", () => {
        const weak: aws.backup.PlanArgs = { rules: [{ ruleName: "daily", targetVaultName: "app", lifecycle: { deleteAfter: 7 } }] };
        const resources = [...stateful, { type: PLAN, name: "plan", props: weak }, { type: SELECTION, name: "sel", props: selection(["*"]), dependencies: [planUrn] }];
        expect(checkStack(policy, resources, { minimumDays: 7, requireCopy: false }).violations).toEqual([]);
    });

    it("leaves a selection unknown during preview to the SDK", () => {
        const resources = [...stateful, { type: PLAN, name: "plan", props: plan }, { type: SELECTION, name: "sel", props: selection([UNKNOWN]), dependencies: [planUrn] }];
        expect(checkStack(policy, resources).unknown).toBeDefined();
    });

    it("selects a store whose ARN is listed through the graph although unknown, and judges each store on its own", () => {
        const volume = { type: "aws:ebs/volume:Volume", name: "scratch", props: { availabilityZone: "us-east-1a", size: 10 } };
        const resources: StackResource[] = [...stateful, volume, { type: PLAN, name: "plan", props: plan },
            { type: SELECTION, name: "sel", props: selection([UNKNOWN]), propertyDependencies: { planId: [planUrn], resources: [urnOf(CLUSTER, "db")] } },
            { type: SELECTION, name: "by-tag", props: { ...selection([]), selectionTags: [{ type: "STRINGEQUALS", key: "backup", value: "daily" }] }, propertyDependencies: { planId: [planUrn] } }];
        const tagsUnknown = { ...stateful[1], props: { ...stateful[1].props, tags: UNKNOWN } };
        const verdict = checkStack(policy, [resources[0], tagsUnknown, ...resources.slice(2)]);
        expect(verdict.urns).toEqual([urnOf("aws:ebs/volume:Volume", "scratch")]);
        expect(verdict.unknownUrns).toEqual([urnOf(TABLE, "sessions")]);
    });
    it("judges each plan on its own when one retention is unknown during preview", () => {
        const weak: aws.backup.PlanArgs = { rules: [{ ruleName: "daily", targetVaultName: "app", lifecycle: { deleteAfter: 7 }, copyActions: [{ destinationVaultArn: "arn:aws:backup:us-west-2:123456789012:backup-vault:dr" }] }] };
        const resources = [...stateful,
            { type: PLAN, name: "plan", props: { rules: [{ ruleName: "daily", targetVaultName: "app", lifecycle: { deleteAfter: UNKNOWN } }] } },
            { type: PLAN, name: "weak", props: weak },
            { type: SELECTION, name: "sel", props: selection(["*"]), dependencies: [planUrn] }];
        const verdict = checkStack(policy, resources);
        expect(verdict.violations).toEqual([expect.stringContaining("rule 'daily' of backup plan 'weak' sets lifecycle.deleteAfter to 7 day(s), below the minimum 30")]);
        expect(verdict.unknownUrns).toEqual([planUrn]);
    });
});
