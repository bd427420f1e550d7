import type * as k8s from "@pulumi/kubernetes";
import policy from "../../../../policies/kubernetes/namespace/require-network-policy";
import { checkStack, StackResource, UNKNOWN, urnOf } from "../../../harness/policy";

const DEPLOYMENT = "kubernetes:apps/v1:Deployment";
const NETPOL = "kubernetes:networking.k8s.io/v1:NetworkPolicy";
const LABELS = { app: "web" };

function deployment(mutate?: (args: k8s.apps.v1.DeploymentArgs & any) => void): StackResource {
    const props = {
        metadata: { name: "web", namespace: "shop" },
        spec: { replicas: 2, selector: { matchLabels: LABELS }, template: { metadata: { labels: LABELS }, spec: { containers: [{ name: "app", image: "app:1" }] } } },
    } satisfies k8s.apps.v1.DeploymentArgs;
    mutate?.(props);
    return { type: DEPLOYMENT, name: "web", props };
}

function networkPolicy(mutate?: (args: k8s.networking.v1.NetworkPolicyArgs & any) => void): StackResource {
    const props = {
        metadata: { name: "web", namespace: "shop" },
        spec: { podSelector: { matchLabels: LABELS }, policyTypes: ["Ingress"], ingress: [{ ports: [{ port: 8080 }] }] },
    } satisfies k8s.networking.v1.NetworkPolicyArgs;
    mutate?.(props);
    return { type: NETPOL, name: "web-netpol", props };
}

const cronJob: StackResource = {
    type: "kubernetes:batch/v1:CronJob",
    name: "nightly",
    props: {
        metadata: { name: "nightly", namespace: "shop" },
        spec: { schedule: "0 3 * * *", jobTemplate: { spec: { template: { metadata: { labels: { app: "nightly" } }, spec: { restartPolicy: "Never", containers: [{ name: "job", image: "job:1" }] } } } } },
    } satisfies k8s.batch.v1.CronJobArgs,
};

const pod: StackResource = {
    type: "kubernetes:core/v1:Pod",
    name: "debug",
    props: { metadata: { name: "debug", labels: { app: "debug" } }, spec: { containers: [{ name: "sh", image: "busybox:1" }] } } satisfies k8s.core.v1.PodArgs,
};

describe("kubernetes-namespace-require-network-policy", () => {
    it("passes a workload whose pods a NetworkPolicy selects", () => {
        expect(checkStack(policy, [deployment(), networkPolicy()]).violations).toEqual([]);
    });

    it("fires on the workload when its namespace has no NetworkPolicy", () => {
        const verdict = checkStack(policy, [deployment()]);
        expect(verdict.violations).toEqual([expect.stringContaining("Deployment 'web' in namespace 'shop' has no NetworkPolicy")]);
        expect(verdict.urns).toEqual([urnOf(DEPLOYMENT, "web")]);
    });

    it("fires when the podSelector does not select the pods, or the policy is in another namespace", () => {
        expect(checkStack(policy, [deployment(), networkPolicy((n) => { n.spec.podSelector = { matchLabels: { app: "api" } }; })]).violations).toHaveLength(1);
        expect(checkStack(policy, [deployment(), networkPolicy((n) => { n.metadata.namespace = "other"; })]).violations).toHaveLength(1);
    });

    it("fires when the only policy restricts egress alone", () => {
        expect(checkStack(policy, [deployment(), networkPolicy((n) => { n.spec.policyTypes = ["Egress"]; })]).violations).toHaveLength(1);
    });

    it("treats an empty podSelector as every pod, and omitted policyTypes as Ingress", () => {
        const all = networkPolicy((n) => { n.spec.podSelector = {}; delete n.spec.policyTypes; });
        expect(checkStack(policy, [deployment(), cronJob, all]).violations).toEqual([]);
    });

    it("covers CronJobs and Pods, with an omitted namespace meaning default", () => {
        const verdict = checkStack(policy, [cronJob, pod, networkPolicy()]);
        expect(verdict.violations).toEqual([
            expect.stringContaining("CronJob 'nightly' in namespace 'shop'"),
            expect.stringContaining("Pod 'debug' in namespace 'default'"),
        ]);
    });

    it("skips namespaces exempted in config", () => {
        expect(checkStack(policy, [deployment()], { exemptNamespaces: ["shop"] }).violations).toEqual([]);
    });

    it("leaves a podSelector unknown during preview to the SDK's unknown reporting", () => {
        const verdict = checkStack(policy, [deployment(), networkPolicy((n) => { n.spec.podSelector = UNKNOWN; })]);
        expect(verdict.unknown).toBeDefined();
        expect(verdict.violations).toEqual([]);
    });
});
