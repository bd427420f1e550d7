import type * as k8s from "@pulumi/kubernetes";
import policy from "../../../../policies/kubernetes/workload/disallow-zero-replicas";
import { checkResource, UNKNOWN } from "../../../harness/policy";
import type { Plain } from "../plain";

const DEPLOYMENT = "kubernetes:apps/v1:Deployment";
const LABELS = { app: "web" };

function deployment(mutate?: (args: Plain<k8s.apps.v1.DeploymentArgs>) => void): k8s.apps.v1.DeploymentArgs {
    const args: Plain<k8s.apps.v1.DeploymentArgs> = {
        metadata: { name: "web" },
        spec: {
            replicas: 2,
            selector: { matchLabels: LABELS },
            template: { metadata: { labels: LABELS }, spec: { containers: [{ name: "app", image: "app:1.2.3" }] } },
        },
    };
    mutate?.(args);
    return args;
}

describe("kubernetes-workload-disallow-zero-replicas", () => {
    it("passes a Deployment with replicas", () => {
        expect(checkResource(policy, { type: DEPLOYMENT, props: deployment() }).violations).toEqual([]);
    });

    it("fires on replicas: 0", () => {
        const { violations } = checkResource(policy, { type: DEPLOYMENT, props: deployment((d) => { d.spec.replicas = 0; }) });
        expect(violations).toEqual([expect.stringContaining("Deployment 'web' sets spec.replicas to 0")]);
    });

    it("fires on replicas below a configured minimum", () => {
        const props = deployment((d) => { d.spec.replicas = 1; });
        expect(checkResource(policy, { type: DEPLOYMENT, props }).violations).toEqual([]);
        expect(checkResource(policy, { type: DEPLOYMENT, props, config: { minimumReplicas: 2 } }).violations).toEqual([
            expect.stringContaining("sets spec.replicas to 1, below the minimum of 2"),
        ]);
    });

    it("fires on replicas that are not a number, without crashing", () => {
        const { violations } = checkResource(policy, { type: DEPLOYMENT, props: deployment((d) => { d.spec.replicas = "none" as unknown as number; }) });
        expect(violations).toEqual([expect.stringContaining("not a whole number")]);
    });

    it("reads omitted replicas as Kubernetes' default of 1", () => {
        const props = deployment((d) => { delete d.spec.replicas; });
        expect(checkResource(policy, { type: DEPLOYMENT, props }).violations).toEqual([]);
        expect(checkResource(policy, { type: DEPLOYMENT, props, config: { minimumReplicas: 2 } }).violations).toEqual([
            expect.stringContaining("leaves spec.replicas unset"),
        ]);
    });

    it("covers StatefulSets, ReplicaSets and ReplicationControllers", () => {
        const statefulSet: k8s.apps.v1.StatefulSetArgs = {
            metadata: { name: "db" },
            spec: { replicas: 0, serviceName: "db", selector: { matchLabels: LABELS }, template: { metadata: { labels: LABELS }, spec: { containers: [{ name: "db", image: "db:1" }] } } },
        };
        const controller: k8s.core.v1.ReplicationControllerArgs = {
            metadata: { name: "old" },
            spec: { replicas: 0, selector: LABELS, template: { metadata: { labels: LABELS }, spec: { containers: [{ name: "old", image: "old:1" }] } } },
        };
        expect(checkResource(policy, { type: "kubernetes:apps/v1:StatefulSet", props: statefulSet }).violations).toEqual([expect.stringContaining("StatefulSet 'db'")]);
        expect(checkResource(policy, { type: "kubernetes:apps/v1:ReplicaSet", props: statefulSet }).violations).toHaveLength(1);
        expect(checkResource(policy, { type: "kubernetes:core/v1:ReplicationController", props: controller }).violations).toEqual([expect.stringContaining("ReplicationController 'old'")]);
    });

    it("judges only what a Patch sets", () => {
        const type = "kubernetes:apps/v1:DeploymentPatch";
        expect(checkResource(policy, { type, props: { metadata: { name: "web" }, spec: {} } }).violations).toEqual([]);
        expect(checkResource(policy, { type, props: { metadata: { name: "web" }, spec: { replicas: 0 } } }).violations).toHaveLength(1);
    });

    it("reports a value unknown during preview as unknown, not as a verdict", () => {
        const verdict = checkResource(policy, { type: DEPLOYMENT, props: deployment((d) => { d.spec.replicas = UNKNOWN as unknown as number; }) });
        expect(verdict.unknown).toBeDefined();
        expect(verdict.violations).toEqual([]);
    });
});
