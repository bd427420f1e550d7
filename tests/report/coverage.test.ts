import { DEFAULT_PACK_DIR, packResourceTypes } from "../../src/pack/load";
import { assertSomethingJudged, computeCoverage, NothingJudgedError } from "../../src/report/coverage";
import { reportFromAnalysis } from "../../src/report/document";
import { analysis, catalog, resourceTypes, subjects, urn } from "./fixtures";

const CRD = "kubernetes:stable.example.com/v1:CronTab";
const DEPLOYMENT = "kubernetes:apps/v1:Deployment";

describe("which objects were judged", () => {
    const policies = [{ name: "workload", kind: "resource" as const, enabled: true, resourceTypes: [DEPLOYMENT] }];

    it("counts an object judged when an enabled resource policy lists its type, providers and components apart", () => {
        expect(computeCoverage([
            { urn: "a", type: DEPLOYMENT, custom: true }, { urn: "b", type: CRD, custom: true },
            { urn: "c", type: "pulumi:providers:kubernetes", custom: true }, { urn: "d", type: "pulumi:pulumi:Stack", custom: false },
            { urn: "e", type: "my:component:Thing", custom: false },
        ], policies, [])).toEqual({ judged: 1, notJudged: 1, notPolicySubjects: 3, notJudgedTypes: [CRD] });
    });

    it("counts a remote component nobody constructed as not judged, by its type", () => {
        expect(computeCoverage([
            { urn: "a", type: DEPLOYMENT, custom: true },
            { urn: "f", type: "awsx:ecs:FargateService", custom: false, remote: true },
        ], policies, [])).toEqual({ judged: 1, notJudged: 1, notPolicySubjects: 0, notJudgedTypes: ["awsx:ecs:FargateService"], unexpandedTypes: ["awsx:ecs:FargateService"] });
    });

    it("does not count a disabled policy, and counts what a stack policy reported on", () => {
        const disabled = [{ ...policies[0], enabled: false }];
        expect(computeCoverage([{ urn: "a", type: DEPLOYMENT }], disabled, []).judged).toBe(0);
        expect(computeCoverage([{ urn: "b", type: CRD }], disabled, ["b"]).judged).toBe(1);
    });

    it("counts an object judged when an enabled stack policy reads its type, and not when the policy is disabled", () => {
        const stack = [{ name: "budgets", kind: "stack" as const, enabled: true, resourceTypes: [CRD] }];
        const objects = [{ urn: "a", type: DEPLOYMENT }, { urn: "b", type: CRD }];
        expect(computeCoverage(objects, stack, [])).toEqual({ judged: 1, notJudged: 1, notPolicySubjects: 0, notJudgedTypes: [DEPLOYMENT] });
        expect(computeCoverage(objects, [...policies, ...stack], [])).toMatchObject({ judged: 2, notJudged: 0 });
        expect(computeCoverage(objects, [{ ...stack[0], enabled: false }], [])).toMatchObject({ judged: 0, notJudged: 2 });
    });

    it("does not take a stack policy whose types are not known as judging every object", () => {
        const unknownTypes = [{ name: "foreign", kind: "stack" as const, enabled: true }];
        expect(computeCoverage([{ urn: "a", type: DEPLOYMENT }, { urn: "b", type: CRD }], unknownTypes, ["b"])).toMatchObject({ judged: 1, notJudgedTypes: [DEPLOYMENT] });
    });

    it("knows the types each stack policy of the pack reads", () => {
        const scopes = packResourceTypes(DEFAULT_PACK_DIR);
        expect(scopes?.get("aws-s3-require-versioning")?.resourceTypes).toEqual(expect.arrayContaining(["aws:s3/bucket:Bucket", "aws:s3/bucketVersioning:BucketVersioning"]));
        expect(scopes?.get("kubernetes-hpa-require-existing-target")?.resourceTypes).toEqual(expect.arrayContaining(["kubernetes:autoscaling/v2:HorizontalPodAutoscaler", DEPLOYMENT]));
    });

    it("does not take the SDK's 'only applies to type' answers as judging", () => {
        const crd = urn(CRD, "nightly");
        const report = reportFromAnalysis({ ...analysis, findings: [], notApplicable: [
            { policy: "aws-rds-require-final-snapshot", reason: "Policy only applies to resources of type 'aws:rds/instance:Instance'", urn: crd, type: CRD, name: "nightly" }] },
        { catalog, source: { kind: "manifests" }, subjects: subjects.filter((s) => !s.type.startsWith("aws:")), resourceTypes });
        expect(report.summary).toMatchObject({ judged: 0, notJudged: 1, notPolicySubjects: 2 });
    });

    it("makes a run that judged nothing an error, never ready", () => {
        const none = { judged: 0, notJudged: 2, notPolicySubjects: 1, notJudgedTypes: [CRD] };
        expect(() => assertSomethingJudged(none, "manifests crd.yaml")).toThrow(NothingJudgedError);
        expect(() => assertSomethingJudged(none, "manifests crd.yaml")).toThrow(`nothing was judged in manifests crd.yaml: no enabled policy looks at its 2 objects (${CRD})`);
        expect(() => assertSomethingJudged({ judged: 0, notJudged: 0, notPolicySubjects: 0, notJudgedTypes: [] }, "program .")).toThrow("nothing was judged in program .: it has no objects");
        expect(() => assertSomethingJudged({ ...none, judged: 1 }, "x")).not.toThrow();
    });
});

describe("policies that judge types matched by shape", () => {
    it("counts a custom resource with a pod template as judged by a policy whose appliesTo takes it", () => {
        const rollout = "kubernetes:argoproj.io/v1alpha1:Rollout";
        const subjectsWithRollout = [{ urn: `urn:pulumi:s::p::${rollout}::web`, type: rollout, custom: true }];
        const policies = [{ name: "kubernetes-workload-require-non-root", kind: "resource" as const, enabled: true, resourceTypes: ["kubernetes:apps/v1:Deployment"], appliesTo: (t: string) => t.includes("argoproj.io") }];
        expect(computeCoverage(subjectsWithRollout, policies, [])).toMatchObject({ judged: 1, notJudged: 0 });
        expect(computeCoverage(subjectsWithRollout, [{ ...policies[0], appliesTo: undefined }], [])).toMatchObject({ judged: 0, notJudged: 1 });
    });
});
