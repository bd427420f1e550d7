import type * as k8s from "@pulumi/kubernetes";
import policy from "../../../../policies/kubernetes/cronjob/require-starting-deadline";
import { checkResource, ResourceCase, UNKNOWN } from "../../../harness/policy";
import { cronJob, UNKNOWN_METADATA } from "../workload/fixtures";

const CRONJOB = "kubernetes:batch/v1:CronJob";

/** The fixture CronJob with spec.startingDeadlineSeconds set (`undefined` leaves it out). */
function withDeadline(deadline: unknown, base: ResourceCase = cronJob()): ResourceCase {
    const props = base.props as k8s.batch.v1.CronJobArgs;
    const spec = { ...(props.spec as k8s.types.input.batch.v1.CronJobSpec), startingDeadlineSeconds: deadline as number };
    return { ...base, props: { ...props, spec } };
}

describe("kubernetes-cronjob-require-starting-deadline", () => {
    it("passes a CronJob with a starting deadline", () => {
        expect(checkResource(policy, withDeadline(600)).violations).toEqual([]);
        expect(checkResource(policy, { ...withDeadline(300), type: "kubernetes:batch/v1beta1:CronJob" }).violations).toEqual([]);
    });

    it("fires when the deadline is omitted, saying what happens then", () => {
        expect(checkResource(policy, cronJob()).violations).toEqual([
            "CronJob 'app' omits spec.startingDeadlineSeconds, so after more than 100 missed schedules the controller stops starting it and a missed run may start at any time later: set spec.startingDeadlineSeconds to 10 or more.",
        ]);
    });

    it("fires on a deadline below the controller's 10-second check, and on one that is not a number", () => {
        expect(checkResource(policy, withDeadline(5)).violations).toEqual([
            "CronJob 'app' sets spec.startingDeadlineSeconds to 5 second(s), below the minimum 10: set spec.startingDeadlineSeconds to 10 or more.",
        ]);
        expect(checkResource(policy, withDeadline({})).violations).toEqual([expect.stringContaining("sets spec.startingDeadlineSeconds to a object, not a whole number")]);
    });

    it("takes the minimum from config", () => {
        expect(checkResource(policy, { ...withDeadline(60), config: { minimumSeconds: 300 } }).violations).toEqual([expect.stringContaining("below the minimum 300")]);
        expect(checkResource(policy, { ...withDeadline(5), config: { minimumSeconds: 1 } }).violations).toEqual([]);
    });

    it("judges only what a Patch sets", () => {
        const patch: k8s.batch.v1.CronJobPatchArgs = { metadata: { name: "app", namespace: "shop" }, spec: { suspend: true } };
        expect(checkResource(policy, { type: "kubernetes:batch/v1:CronJobPatch", props: patch }).violations).toEqual([]);
        expect(checkResource(policy, { type: "kubernetes:batch/v1:CronJobPatch", props: { ...patch, spec: { startingDeadlineSeconds: 0 } } }).violations).toHaveLength(1);
    });

    it("reports a deadline unknown during preview as unknown, not as a verdict", () => {
        const verdict = checkResource(policy, withDeadline(UNKNOWN));
        expect(verdict.unknown).toBeDefined();
        expect(verdict.violations).toEqual([]);
    });

    it("judges the deadline whatever the CronJob's name and namespace", () => {
        expect(checkResource(policy, cronJob(undefined, UNKNOWN_METADATA))).toEqual({ violations: [expect.stringContaining("CronJob 'subject' omits spec.startingDeadlineSeconds")] });
        expect(checkResource(policy, withDeadline(600, cronJob(undefined, UNKNOWN_METADATA)))).toEqual({ violations: [] });
        expect(cronJob().type).toBe(CRONJOB);
    });
});
