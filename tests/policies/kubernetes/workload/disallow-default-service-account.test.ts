import policy from "../../../../policies/kubernetes/workload/disallow-default-service-account";
import { checkResource, UNKNOWN } from "../../../harness/policy";
import { cronJob, deployment, deploymentPatch, pod, podSpec, rollout, UNKNOWN_METADATA } from "./fixtures";

describe("kubernetes-workload-disallow-default-service-account", () => {
    it("passes a dedicated ServiceAccount on every shape", () => {
        for (const shape of [deployment, cronJob, pod, rollout]) {
            expect(checkResource(policy, shape()).violations).toEqual([]);
        }
        expect(checkResource(policy, deployment(podSpec({ serviceAccountName: undefined, serviceAccount: "app" }))).violations).toEqual([]);
    });

    it("fires on serviceAccountName default, and on the deprecated serviceAccount default", () => {
        expect(checkResource(policy, deployment(podSpec({ serviceAccountName: "default" }))).violations).toEqual([expect.stringContaining("the pod template of Deployment 'app' runs as the namespace's default ServiceAccount")]);
        expect(checkResource(policy, cronJob(podSpec({ serviceAccountName: undefined, serviceAccount: "default" }))).violations).toHaveLength(1);
    });

    it("fires when omitted or blank (Kubernetes uses default), not on a patch that leaves it out", () => {
        expect(checkResource(policy, pod(podSpec({ serviceAccountName: undefined }))).violations).toEqual([expect.stringContaining("sets no serviceAccountName")]);
        expect(checkResource(policy, pod(podSpec({ serviceAccountName: "" }))).violations).toHaveLength(1);
        expect(checkResource(policy, deploymentPatch({ terminationGracePeriodSeconds: 30 })).violations).toEqual([]);
        expect(checkResource(policy, deploymentPatch({ serviceAccountName: "default" })).violations).toHaveLength(1);
    });

    it("is unknown when the account is unknown during preview", () => {
        expect(checkResource(policy, deployment(podSpec({ serviceAccountName: UNKNOWN }))).unknown).toBeDefined();
    });

    it("accepts workloads listed in allowedWorkloads", () => {
        expect(checkResource(policy, { ...deployment(podSpec({ serviceAccountName: "default" })), config: { allowedWorkloads: ["shop/*"] } }).violations).toEqual([]);
    });

    it("reads the namespace and name only when allowedWorkloads could exempt a violation", () => {
        const runsAsDefault = podSpec({ serviceAccountName: "default" });
        expect(checkResource(policy, deployment(runsAsDefault, UNKNOWN_METADATA))).toEqual({ violations: [expect.stringContaining("the pod template of Deployment 'subject' runs as the namespace's default ServiceAccount")] });
        expect(checkResource(policy, deployment(podSpec(), UNKNOWN_METADATA))).toEqual({ violations: [] });
        const config = { allowedWorkloads: ["shop/*"] };
        expect(checkResource(policy, { ...deployment(podSpec(), UNKNOWN_METADATA), config })).toEqual({ violations: [] });
        expect(checkResource(policy, { ...deployment(runsAsDefault, UNKNOWN_METADATA), config }).unknown).toBeDefined();
    });
});
