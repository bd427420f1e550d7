import policy from "../../../../policies/kubernetes/workload/disallow-zero-termination-grace";
import { checkResource, UNKNOWN } from "../../../harness/policy";
import { cronJob, deployment, deploymentPatch, pod, podSpec, SHAPES, statefulSet, UNKNOWN_METADATA } from "./fixtures";

describe("kubernetes-workload-disallow-zero-termination-grace", () => {
    it.each(Object.entries(SHAPES))("passes a %s with a 30 s grace period", (_kind, shape) => {
        expect(checkResource(policy, shape()).violations).toEqual([]);
    });

    it("passes when the grace period is omitted (Kubernetes gives 30 s)", () => {
        expect(checkResource(policy, deployment(podSpec({ terminationGracePeriodSeconds: undefined }))).violations).toEqual([]);
    });

    it("fires on a zero grace period", () => {
        expect(checkResource(policy, statefulSet(podSpec({ terminationGracePeriodSeconds: 0 }))).violations).toEqual([
            "StatefulSet 'app' gives its pods 0s to shut down (terminationGracePeriodSeconds), below the minimum 1s: set it to the time the service needs to drain, at least 1.",
        ]);
        expect(checkResource(policy, cronJob(podSpec({ terminationGracePeriodSeconds: 0 }))).violations).toHaveLength(1);
    });

    it("fires on a value that is not a number, without crashing", () => {
        expect(checkResource(policy, pod(podSpec({ terminationGracePeriodSeconds: "soon" as never }))).violations).toEqual([expect.stringContaining("not a number of seconds")]);
    });

    it("reports a value unknown during preview as unknown, not as a verdict", () => {
        const verdict = checkResource(policy, deployment(podSpec({ terminationGracePeriodSeconds: UNKNOWN as never })));
        expect(verdict.unknown).toBeDefined();
        expect(verdict.violations).toEqual([]);
    });

    it("takes the minimum from config", () => {
        expect(checkResource(policy, { ...deployment(), config: { minimumSeconds: 60 } }).violations).toEqual([expect.stringContaining("gives its pods 30s to shut down")]);
    });

    it("judges only what a Patch sets", () => {
        expect(checkResource(policy, deploymentPatch({ hostNetwork: false })).violations).toEqual([]);
        expect(checkResource(policy, deploymentPatch({ terminationGracePeriodSeconds: 0 })).violations).toHaveLength(1);
    });

    it("reports a zero grace period whatever the workload's name and namespace, unknown during preview", () => {
        expect(checkResource(policy, deployment(podSpec({ terminationGracePeriodSeconds: 0 }), UNKNOWN_METADATA))).toEqual({ violations: [expect.stringContaining("Deployment 'subject' gives its pods 0s to shut down")] });
        expect(checkResource(policy, deployment(podSpec(), UNKNOWN_METADATA))).toEqual({ violations: [] });
    });
});
