import policy from "../../../../policies/kubernetes/workload/require-priority-class";
import { checkResource, UNKNOWN } from "../../../harness/policy";
import { cronJob, deployment, deploymentPatch, pod, podSpec, rollout, statefulSet, UNKNOWN_METADATA } from "./fixtures";

describe("kubernetes-workload-require-priority-class", () => {
    it("passes a priority class on every long-running shape", () => {
        for (const shape of [deployment, statefulSet, pod, rollout]) {
            expect(checkResource(policy, shape(podSpec({ priorityClassName: "production" }))).violations).toEqual([]);
        }
    });

    it("fires when omitted or blank, and on the system classes", () => {
        expect(checkResource(policy, deployment()).violations).toEqual([expect.stringContaining("the pod template of Deployment 'app' sets no priorityClassName")]);
        expect(checkResource(policy, pod(podSpec({ priorityClassName: " " }))).violations).toHaveLength(1);
        expect(checkResource(policy, statefulSet(podSpec({ priorityClassName: "system-node-critical" }))).violations).toEqual([expect.stringContaining("reserved for cluster components")]);
    });

    it("does not judge Jobs and CronJobs, nor a patch that leaves it out", () => {
        expect(checkResource(policy, cronJob()).violations).toEqual([]);
        expect(checkResource(policy, deploymentPatch({ terminationGracePeriodSeconds: 30 })).violations).toEqual([]);
    });

    it("is unknown when the class is unknown during preview", () => {
        expect(checkResource(policy, deployment(podSpec({ priorityClassName: UNKNOWN }))).unknown).toBeDefined();
    });

    it("follows allowedPriorityClasses and allowedWorkloads", () => {
        const config = { allowedPriorityClasses: ["shop-critical"] };
        expect(checkResource(policy, { ...deployment(podSpec({ priorityClassName: "production" })), config }).violations).toEqual([expect.stringContaining("one of shop-critical")]);
        expect(checkResource(policy, { ...deployment(podSpec({ priorityClassName: "shop-critical" })), config }).violations).toEqual([]);
        expect(checkResource(policy, { ...deployment(), config: { allowedWorkloads: ["app"] } }).violations).toEqual([]);
    });

    it("reads the namespace and name only when allowedWorkloads could exempt a violation", () => {
        const classed = podSpec({ priorityClassName: "production" });
        expect(checkResource(policy, deployment(podSpec(), UNKNOWN_METADATA))).toEqual({ violations: [expect.stringContaining("the pod template of Deployment 'subject' sets no priorityClassName")] });
        expect(checkResource(policy, deployment(classed, UNKNOWN_METADATA))).toEqual({ violations: [] });
        const config = { allowedWorkloads: ["app"] };
        expect(checkResource(policy, { ...deployment(classed, UNKNOWN_METADATA), config })).toEqual({ violations: [] });
        expect(checkResource(policy, { ...deployment(podSpec(), UNKNOWN_METADATA), config }).unknown).toBeDefined();
    });
});
