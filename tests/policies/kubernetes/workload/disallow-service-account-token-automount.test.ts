import policy from "../../../../policies/kubernetes/workload/disallow-service-account-token-automount";
import { checkResource, UNKNOWN } from "../../../harness/policy";
import { cronJob, deployment, deploymentPatch, pod, podSpec, SHAPES, statefulSet } from "./fixtures";

describe("kubernetes-workload-disallow-service-account-token-automount", () => {
    it.each(Object.entries(SHAPES))("passes a %s with automountServiceAccountToken: false", (_kind, shape) => {
        expect(checkResource(policy, shape()).violations).toEqual([]);
    });

    it("fires on automountServiceAccountToken: true", () => {
        expect(checkResource(policy, statefulSet(podSpec({ automountServiceAccountToken: true }))).violations).toEqual([
            "StatefulSet 'app' mounts the API token of service account 'app' (automountServiceAccountToken: true): set it to false, or list 'app' in allowAutomount if it calls the Kubernetes API.",
        ]);
    });

    it("fires when it is omitted, naming the default service account when none is set", () => {
        const spec = podSpec({ automountServiceAccountToken: undefined, serviceAccountName: undefined });
        expect(checkResource(policy, cronJob(spec)).violations).toEqual([
            "CronJob 'app' does not set automountServiceAccountToken, so its pods mount the API token of service account 'default': set automountServiceAccountToken: false.",
        ]);
    });

    it("fires on a value that is not a boolean, without crashing", () => {
        expect(checkResource(policy, pod(podSpec({ automountServiceAccountToken: "no" as never }))).violations).toEqual([expect.stringContaining("not a boolean")]);
    });

    it("reports a value unknown during preview as unknown, not as a verdict", () => {
        const verdict = checkResource(policy, deployment(podSpec({ automountServiceAccountToken: UNKNOWN as never })));
        expect(verdict.unknown).toBeDefined();
        expect(verdict.violations).toEqual([]);
    });

    it("lets the service accounts listed in allowAutomount mount their token", () => {
        const operator = deployment(podSpec({ serviceAccountName: "operator", automountServiceAccountToken: true }));
        expect(checkResource(policy, operator).violations).toHaveLength(1);
        expect(checkResource(policy, { ...operator, config: { allowAutomount: ["operator"] } }).violations).toEqual([]);
    });

    it("judges only what a Patch sets", () => {
        expect(checkResource(policy, deploymentPatch({ terminationGracePeriodSeconds: 60 })).violations).toEqual([]);
        expect(checkResource(policy, deploymentPatch({ automountServiceAccountToken: true })).violations).toHaveLength(1);
    });
});
