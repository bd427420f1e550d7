import type * as k8s from "@pulumi/kubernetes";
import policy from "../../../../policies/kubernetes/availability/restrict-rollout-unavailability";
import { checkResource, UNKNOWN } from "../../../harness/policy";

type Strategy = k8s.types.input.apps.v1.DeploymentStrategy;

function deployment(strategy?: Strategy, replicas: number | string = 3, type = "kubernetes:apps/v1:Deployment") {
    const props: k8s.apps.v1.DeploymentArgs = {
        metadata: { name: "web", namespace: "shop" },
        spec: { replicas: replicas as number, strategy, selector: { matchLabels: { app: "web" } }, template: { metadata: { labels: { app: "web" } }, spec: { containers: [{ name: "app", image: "app:1" }] } } },
    };
    return { type, props };
}

const rolling = (maxUnavailable: number | string): Strategy => ({ type: "RollingUpdate", rollingUpdate: { maxUnavailable, maxSurge: 1 } });

describe("kubernetes-availability-restrict-rollout-unavailability", () => {
    it("passes rolling updates that keep a replica available, and the default strategy", () => {
        for (const strategy of [rolling(0), rolling(2), rolling("25%"), rolling("50%"), { type: "RollingUpdate" }, undefined]) {
            expect(checkResource(policy, deployment(strategy)).violations).toEqual([]);
        }
        expect(checkResource(policy, deployment(rolling("25%"), 1)).violations).toEqual([]); // rounds down to 0
    });

    it("fires on Recreate", () => {
        expect(checkResource(policy, deployment({ type: "Recreate" })).violations).toEqual([expect.stringContaining("Deployment 'web' uses strategy type Recreate")]);
        expect(checkResource(policy, deployment({ type: "Recreate" }, 3, "kubernetes:apps/v1beta1:Deployment")).violations).toHaveLength(1);
    });

    it("fires on maxUnavailable at or above the replica count, 100% included", () => {
        expect(checkResource(policy, deployment(rolling(3))).violations).toEqual([expect.stringContaining("may leave 0 available: set maxUnavailable to at most 2")]);
        expect(checkResource(policy, deployment(rolling("100%"))).violations).toHaveLength(1);
        expect(checkResource(policy, deployment(rolling(1), 1)).violations).toHaveLength(1);
    });

    it("fires on a maxUnavailable that is neither a count nor a percentage", () => {
        expect(checkResource(policy, deployment(rolling("half"))).violations).toEqual([expect.stringContaining("neither a count nor a percentage")]);
    });

    it("is unknown when the strategy is unknown during preview", () => {
        expect(checkResource(policy, deployment(rolling(UNKNOWN))).unknown).toBeDefined();
        expect(checkResource(policy, deployment(rolling(2), UNKNOWN)).unknown).toBeDefined();
    });

    it("follows allowRecreate and minimumAvailableReplicas", () => {
        expect(checkResource(policy, { ...deployment({ type: "Recreate" }), config: { allowRecreate: true } }).violations).toEqual([]);
        expect(checkResource(policy, { ...deployment(rolling(2)), config: { minimumAvailableReplicas: 2 } }).violations).toHaveLength(1);
    });
});
