import type * as k8s from "@pulumi/kubernetes";
import policy from "../../../../policies/kubernetes/namespace/require-resource-governance";
import { checkStack, StackResource, UNKNOWN, urnOf } from "../../../harness/policy";

const DEPLOYMENT = "kubernetes:apps/v1:Deployment";
const NAMESPACE = "kubernetes:core/v1:Namespace";
const LABELS = { app: "web" };

function deployment(namespace?: string, name = "web"): StackResource {
    const props: k8s.apps.v1.DeploymentArgs = {
        metadata: { name, namespace },
        spec: { selector: { matchLabels: LABELS }, template: { metadata: { labels: LABELS }, spec: { containers: [{ name: "app", image: "app:1" }] } } },
    };
    return { type: DEPLOYMENT, name, props };
}

const namespace: StackResource = { type: NAMESPACE, name: "shop-ns", props: { metadata: { name: "shop" } } satisfies k8s.core.v1.NamespaceArgs };

const limitRange: StackResource = {
    type: "kubernetes:core/v1:LimitRange",
    name: "shop-limits",
    props: { metadata: { name: "defaults", namespace: "shop" }, spec: { limits: [{ type: "Container", default: { cpu: "500m", memory: "256Mi" } }] } } satisfies k8s.core.v1.LimitRangeArgs,
};

const quota: StackResource = {
    type: "kubernetes:core/v1:ResourceQuota",
    name: "shop-quota",
    props: { metadata: { name: "quota", namespace: "shop" }, spec: { hard: { "limits.cpu": "8", "limits.memory": "16Gi" } } } satisfies k8s.core.v1.ResourceQuotaArgs,
};

describe("kubernetes-namespace-require-resource-governance", () => {
    it("passes a namespace with a LimitRange or a ResourceQuota", () => {
        expect(checkStack(policy, [namespace, deployment("shop"), limitRange]).violations).toEqual([]);
        expect(checkStack(policy, [namespace, deployment("shop"), quota]).violations).toEqual([]);
    });

    it("fires once on the declared Namespace when it has neither", () => {
        const job: StackResource = { type: "kubernetes:batch/v1:Job", name: "migrate", props: { metadata: { name: "migrate", namespace: "shop" }, spec: { template: { spec: { restartPolicy: "Never", containers: [{ name: "m", image: "m:1" }] } } } } };
        const verdict = checkStack(policy, [namespace, deployment("shop"), job]);
        expect(verdict.violations).toEqual([expect.stringContaining("Namespace 'shop' runs Deployment 'web', Job 'migrate' with no LimitRange or ResourceQuota")]);
        expect(verdict.urns).toEqual([urnOf(NAMESPACE, "shop-ns")]);
    });

    it("fires on each workload when the namespace is not declared (omitted means default)", () => {
        const verdict = checkStack(policy, [deployment(undefined), limitRange]);
        expect(verdict.violations).toEqual([expect.stringContaining("runs in namespace 'default'")]);
        expect(verdict.urns).toEqual([urnOf(DEPLOYMENT, "web")]);
    });

    it("ignores namespaces without workloads", () => {
        expect(checkStack(policy, [namespace]).violations).toEqual([]);
    });

    it("skips namespaces exempted in config", () => {
        expect(checkStack(policy, [namespace, deployment("shop")], { exemptNamespaces: ["shop"] }).violations).toEqual([]);
    });

    it("judges each workload on its own when one's namespace is unknown during preview", () => {
        const verdict = checkStack(policy, [deployment(UNKNOWN, "unknown"), deployment("other", "bad"), deployment("shop", "good"), limitRange]);
        expect(verdict.violations).toEqual([expect.stringContaining("Deployment 'bad' runs in namespace 'other'")]);
        expect(verdict.unknownUrns).toEqual([urnOf(DEPLOYMENT, "unknown")]);
    });

    it("makes unknown only the ungoverned workloads a LimitRange with an unknown namespace could govern", () => {
        const floating: StackResource = { ...limitRange, name: "floating", props: { ...limitRange.props, metadata: { name: "defaults", namespace: UNKNOWN } } };
        const verdict = checkStack(policy, [deployment("other", "maybe"), deployment("shop", "good"), limitRange, floating]);
        expect(verdict.violations).toEqual([]);
        expect(verdict.unknownUrns).toEqual([urnOf(DEPLOYMENT, "maybe")]);
    });

    it("leaves a namespace unknown during preview to the SDK's unknown reporting", () => {
        const verdict = checkStack(policy, [namespace, deployment(UNKNOWN), limitRange]);
        expect(verdict.unknown).toBeDefined();
        expect(verdict.violations).toEqual([]);
    });

    it("reads the namespace only where it decides: a LimitRange or ResourceQuota that may govern it, or exemptNamespaces", () => {
        const unplaced = deployment(UNKNOWN);
        expect(checkStack(policy, [unplaced]).violations).toEqual([
            "Deployment 'web' runs in a namespace that has no LimitRange or ResourceQuota in the stack: add a LimitRange with default requests and limits, or a ResourceQuota.",
        ]);
        expect(checkStack(policy, [unplaced, limitRange]).unknownUrns).toEqual([urnOf(DEPLOYMENT, "web")]);
        expect(checkStack(policy, [unplaced], { exemptNamespaces: ["tools"] }).unknownUrns).toEqual([urnOf(DEPLOYMENT, "web")]);
    });
});
