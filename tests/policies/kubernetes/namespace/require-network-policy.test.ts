import type * as k8s from "@pulumi/kubernetes";
import policy from "../../../../policies/kubernetes/namespace/require-network-policy";
import { checkStack, StackResource, UNKNOWN, urnOf } from "../../../harness/policy";

const DEPLOYMENT = "kubernetes:apps/v1:Deployment";
const NETPOL = "kubernetes:networking.k8s.io/v1:NetworkPolicy";
const LABELS = { app: "web" };

type DeploymentArgs = k8s.apps.v1.DeploymentArgs;
type NetworkPolicySpec = k8s.types.input.networking.v1.NetworkPolicySpec;

function deployment(name = "web", labels: Record<string, string> | typeof UNKNOWN = LABELS, namespace = "shop"): StackResource {
    const props: DeploymentArgs = {
        metadata: { name, namespace },
        spec: { replicas: 2, selector: { matchLabels: LABELS }, template: { metadata: { labels: labels as Record<string, string> }, spec: { containers: [{ name: "app", image: "app:1" }] } } },
    };
    return { type: DEPLOYMENT, name, props };
}

function networkPolicy(spec: Partial<NetworkPolicySpec> = {}, namespace = "shop"): StackResource {
    const props: k8s.networking.v1.NetworkPolicyArgs = {
        metadata: { name: "web", namespace },
        spec: { podSelector: { matchLabels: LABELS }, policyTypes: ["Ingress"], ingress: [{ ports: [{ port: 8080 }] }], ...spec },
    };
    return { type: NETPOL, name: `web-netpol-${namespace}`, props };
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
        expect(verdict.violations).toEqual([expect.stringContaining("Deployment 'web' in namespace 'shop' has no NetworkPolicy restricting ingress")]);
        expect(verdict.urns).toEqual([urnOf(DEPLOYMENT, "web")]);
    });

    it("fires when the podSelector does not select the pods, or the policy is in another namespace", () => {
        expect(checkStack(policy, [deployment(), networkPolicy({ podSelector: { matchLabels: { app: "api" } } })]).violations).toHaveLength(1);
        expect(checkStack(policy, [deployment(), networkPolicy({}, "other")]).violations).toHaveLength(1);
    });

    it("fires when the only policy restricts egress alone", () => {
        expect(checkStack(policy, [deployment(), networkPolicy({ policyTypes: ["Egress"] })]).violations).toHaveLength(1);
    });

    it("treats an empty podSelector as every pod, and omitted or empty policyTypes as Ingress", () => {
        expect(checkStack(policy, [deployment(), cronJob, networkPolicy({ podSelector: {}, policyTypes: undefined })]).violations).toEqual([]);
        expect(checkStack(policy, [deployment(), networkPolicy({ policyTypes: [] })]).violations).toEqual([]);
    });

    it("accepts a default-deny policy: policyTypes [Ingress], an empty podSelector and no ingress rules", () => {
        expect(checkStack(policy, [deployment(), cronJob, networkPolicy({ podSelector: {}, ingress: undefined })]).violations).toEqual([]);
    });

    it("covers CronJobs and Pods, with an omitted namespace meaning default", () => {
        const verdict = checkStack(policy, [cronJob, pod, networkPolicy()]);
        expect(verdict.violations).toEqual([
            expect.stringContaining("CronJob 'nightly' in namespace 'shop'"),
            expect.stringContaining("Pod 'debug' in namespace 'default'"),
        ]);
    });

    describe("with requireEgressIsolation", () => {
        const egress = { requireEgressIsolation: true };

        it("fires when no policy restricts egress", () => {
            expect(checkStack(policy, [deployment(), networkPolicy()]).violations).toEqual([]);
            expect(checkStack(policy, [deployment(), networkPolicy()], egress).violations).toEqual([
                expect.stringContaining("has no NetworkPolicy restricting egress to its pods: add one whose podSelector matches its pod labels, with policyTypes [\"Egress\"]"),
            ]);
            expect(checkStack(policy, [deployment()], egress).violations).toEqual([expect.stringContaining("restricting ingress or egress")]);
        });

        it("passes egress listed in policyTypes, with rules or denying all", () => {
            expect(checkStack(policy, [deployment(), networkPolicy({ policyTypes: ["Ingress", "Egress"], egress: [{ ports: [{ port: 443 }] }] })], egress).violations).toEqual([]);
            expect(checkStack(policy, [deployment(), networkPolicy(), networkPolicy({ podSelector: {}, policyTypes: ["Egress"] }, "shop")], egress).violations).toEqual([]);
        });

        it("reads omitted policyTypes as Egress only when the policy has egress rules", () => {
            expect(checkStack(policy, [deployment(), networkPolicy({ policyTypes: undefined, egress: [{ ports: [{ port: 443 }] }] })], egress).violations).toEqual([]);
            expect(checkStack(policy, [deployment(), networkPolicy({ policyTypes: undefined })], egress).violations).toHaveLength(1);
        });
    });

    it("skips namespaces exempted in config", () => {
        expect(checkStack(policy, [deployment()], { exemptNamespaces: ["shop"] }).violations).toEqual([]);
    });

    it("judges each workload on its own when one's pod labels are unknown during preview", () => {
        const verdict = checkStack(policy, [
            deployment("unknown", UNKNOWN),
            deployment("bad", { app: "api" }),
            deployment("good"),
            networkPolicy(),
        ]);
        expect(verdict.violations).toEqual([expect.stringContaining("Deployment 'bad'")]);
        expect(verdict.unknownUrns).toEqual([urnOf(DEPLOYMENT, "unknown")]);
    });

    it("makes unknown only the workloads a policy with an unknown podSelector could isolate", () => {
        const verdict = checkStack(policy, [
            deployment("shop-web"),
            deployment("other-web", LABELS, "other"),
            deployment("covered", LABELS, "covered"),
            networkPolicy({ podSelector: UNKNOWN as never }),
            networkPolicy({}, "covered"),
        ]);
        expect(verdict.violations).toEqual([expect.stringContaining("Deployment 'other-web' in namespace 'other'")]);
        expect(verdict.unknownUrns).toEqual([urnOf(DEPLOYMENT, "shop-web")]);
    });

    it("reads the namespace only where it decides: a NetworkPolicy that may select the pods, or exemptNamespaces", () => {
        const unplaced = deployment("web", LABELS, UNKNOWN);
        expect(checkStack(policy, [unplaced]).violations).toEqual([
            "Deployment 'web' has no NetworkPolicy restricting ingress to its pods: add one whose podSelector matches its pod labels, with policyTypes [\"Ingress\"].",
        ]);
        expect(checkStack(policy, [unplaced, networkPolicy()]).unknownUrns).toEqual([urnOf(DEPLOYMENT, "web")]);
        expect(checkStack(policy, [unplaced], { exemptNamespaces: ["tools"] }).unknownUrns).toEqual([urnOf(DEPLOYMENT, "web")]);
        expect(checkStack(policy, [deployment("web", LABELS, "tools"), networkPolicy({ podSelector: UNKNOWN as never })], { exemptNamespaces: ["tools"] })).toEqual({ violations: [], urns: [] });
    });
});
