import policy from "../../../../policies/kubernetes/workload/disallow-default-namespace";
import { checkResource, UNKNOWN } from "../../../harness/policy";
import { daemonSet, deployment, deploymentPatch, job, pod, podSpec, SHAPES } from "./fixtures";

describe("kubernetes-workload-disallow-default-namespace", () => {
    it.each(Object.entries(SHAPES))("passes a %s in its own namespace", (_kind, shape) => {
        expect(checkResource(policy, shape()).violations).toEqual([]);
    });

    it("fires on namespace default", () => {
        expect(checkResource(policy, deployment(podSpec(), { name: "app", namespace: "default" })).violations).toEqual([
            "Deployment 'app' runs in namespace 'default': move it to a namespace of its own.",
        ]);
    });

    it("fires when the namespace is omitted (it lands in default)", () => {
        expect(checkResource(policy, job(podSpec(), { name: "app" })).violations).toEqual([
            "Job 'app' sets no metadata.namespace, so it lands in the default namespace: set metadata.namespace to the service's own namespace.",
        ]);
        expect(checkResource(policy, { ...pod(podSpec(), {}), name: "storefront" }).violations).toEqual([expect.stringContaining("Pod 'storefront' sets no metadata.namespace")]);
    });

    it("fires on a namespace that is not a string, without crashing", () => {
        expect(checkResource(policy, daemonSet(podSpec(), { name: "app", namespace: ["shop"] as never })).violations).toEqual([expect.stringContaining("to a list, not a name")]);
    });

    it("reports a namespace unknown during preview as unknown, not as a verdict", () => {
        const verdict = checkResource(policy, deployment(podSpec(), { name: "app", namespace: UNKNOWN }));
        expect(verdict.unknown).toBeDefined();
        expect(verdict.violations).toEqual([]);
    });

    it("takes the disallowed namespaces from config", () => {
        const system = deployment(podSpec(), { name: "app", namespace: "kube-system" });
        expect(checkResource(policy, system).violations).toEqual([]);
        expect(checkResource(policy, { ...system, config: { disallowedNamespaces: ["default", "kube-system"] } }).violations).toHaveLength(1);
    });

    it("leaves Patches alone: their namespace names the object they change", () => {
        expect(checkResource(policy, deploymentPatch({ terminationGracePeriodSeconds: 60 })).violations).toEqual([]);
    });
});
