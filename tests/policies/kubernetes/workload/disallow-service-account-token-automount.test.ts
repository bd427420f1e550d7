import type * as k8s from "@pulumi/kubernetes";
import policy from "../../../../policies/kubernetes/workload/disallow-service-account-token-automount";
import { checkStack, StackResource, UNKNOWN, urnOf } from "../../../harness/policy";
import { cronJob, deployment, deploymentPatch, pod, podSpec, SHAPES, statefulSet, UNKNOWN_METADATA } from "./fixtures";
import type { ResourceCase } from "../../../harness/policy";

const SERVICE_ACCOUNT = "kubernetes:core/v1:ServiceAccount";

/** A workload of the stack under its own Pulumi name. */
function named(shape: ResourceCase, name: string, metadataName = name): StackResource {
    const props = shape.props as { metadata?: k8s.types.input.meta.v1.ObjectMeta };
    return { type: shape.type, name, props: { ...props, metadata: { ...props.metadata, name: metadataName } } };
}

function serviceAccount(name: string, automount: boolean | undefined | typeof UNKNOWN, namespace = "shop"): StackResource {
    const props: k8s.core.v1.ServiceAccountArgs = { metadata: { name, namespace }, automountServiceAccountToken: automount as boolean | undefined };
    return { type: SERVICE_ACCOUNT, name: `${name}-sa`, props };
}

const check = (resources: StackResource[], config?: Record<string, unknown>) => checkStack(policy, resources, config);
const one = (shape: ResourceCase, config?: Record<string, unknown>) => check([named(shape, "app")], config);
const inherit = podSpec({ automountServiceAccountToken: undefined });

describe("kubernetes-workload-disallow-service-account-token-automount", () => {
    it.each(Object.entries(SHAPES))("passes a %s with automountServiceAccountToken: false", (_kind, shape) => {
        expect(one(shape()).violations).toEqual([]);
    });

    it("fires on automountServiceAccountToken: true, on the workload", () => {
        const verdict = one(statefulSet(podSpec({ automountServiceAccountToken: true })));
        expect(verdict.violations).toEqual([
            "StatefulSet 'app' mounts the API token of service account 'app' (automountServiceAccountToken: true): set it to false, or list 'app' in allowAutomount if it calls the Kubernetes API.",
        ]);
        expect(verdict.urns).toEqual([urnOf("kubernetes:apps/v1:StatefulSet", "app")]);
    });

    it("fires when it is omitted and no ServiceAccount of the stack turns it off, naming the default service account", () => {
        const spec = podSpec({ automountServiceAccountToken: undefined, serviceAccountName: undefined });
        expect(one(cronJob(spec)).violations).toEqual([
            "CronJob 'app' does not set automountServiceAccountToken and service account 'default' of namespace 'shop' is not declared in the stack, so its pods mount the API token of service account 'default': set automountServiceAccountToken: false on the pod spec or on the ServiceAccount.",
        ]);
        expect(one(cronJob(podSpec({ automountServiceAccountToken: undefined, serviceAccountName: "" }))).violations).toEqual([expect.stringContaining("service account 'default'")]);
    });

    it("passes a pod that leaves it unset when its ServiceAccount sets it to false", () => {
        expect(check([serviceAccount("app", false), named(deployment(inherit), "app")]).violations).toEqual([]);
        const defaulted = podSpec({ automountServiceAccountToken: undefined, serviceAccountName: undefined });
        expect(check([serviceAccount("default", false), named(pod(defaulted), "app")]).violations).toEqual([]);
    });

    it("fires when the ServiceAccount leaves it on, or is in another namespace", () => {
        expect(check([serviceAccount("app", undefined), named(deployment(inherit), "app")]).violations).toEqual([
            expect.stringContaining("Deployment 'app' does not set automountServiceAccountToken and its ServiceAccount 'app' does not set it to false"),
        ]);
        expect(check([serviceAccount("app", true), named(deployment(inherit), "app")]).violations).toHaveLength(1);
        expect(check([serviceAccount("app", false, "other"), named(deployment(inherit), "app")]).violations).toEqual([
            expect.stringContaining("service account 'app' of namespace 'shop' is not declared in the stack"),
        ]);
    });

    it("lets the pod's own true win over its ServiceAccount's false", () => {
        expect(check([serviceAccount("app", false), named(deployment(podSpec({ automountServiceAccountToken: true })), "app")]).violations).toHaveLength(1);
    });

    it("fires on a value that is not a boolean, without crashing", () => {
        expect(one(pod(podSpec({ automountServiceAccountToken: "no" as never }))).violations).toEqual([expect.stringContaining("not a boolean")]);
    });

    it("judges each workload on its own when one value is unknown during preview", () => {
        const verdict = check([
            serviceAccount("app", false),
            named(deployment(podSpec({ automountServiceAccountToken: UNKNOWN as never })), "unknown"),
            named(deployment(podSpec({ automountServiceAccountToken: true })), "bad"),
            named(deployment(inherit), "good"),
        ]);
        expect(verdict.violations).toEqual([expect.stringContaining("Deployment 'bad' mounts the API token")]);
        expect(verdict.unknownUrns).toEqual([urnOf("kubernetes:apps/v1:Deployment", "unknown")]);
    });

    it("makes unknown only the pods that inherit a ServiceAccount setting unknown during preview", () => {
        const verdict = check([
            serviceAccount("app", UNKNOWN),
            named(deployment(inherit), "inherits"),
            named(deployment(podSpec()), "own"),
            named(deployment(podSpec({ automountServiceAccountToken: true })), "bad"),
        ]);
        expect(verdict.violations).toEqual([expect.stringContaining("Deployment 'bad'")]);
        expect(verdict.unknownUrns).toEqual([urnOf("kubernetes:apps/v1:Deployment", "inherits")]);
    });

    it("lets the service accounts listed in allowAutomount mount their token, by name or namespace/name", () => {
        const operator = named(deployment(podSpec({ serviceAccountName: "operator", automountServiceAccountToken: true })), "app");
        expect(check([operator]).violations).toHaveLength(1);
        expect(check([operator], { allowAutomount: ["operator"] }).violations).toEqual([]);
        expect(check([operator], { allowAutomount: ["shop/operator"] }).violations).toEqual([]);
        expect(check([operator], { allowAutomount: ["other/operator"] }).violations).toHaveLength(1);
    });

    it("judges only what a Patch sets, and ignores resources without a pod template", () => {
        expect(one(deploymentPatch({ terminationGracePeriodSeconds: 60 })).violations).toEqual([]);
        expect(one(deploymentPatch({ automountServiceAccountToken: true })).violations).toHaveLength(1);
        const configMap: k8s.core.v1.ConfigMapArgs = { metadata: { name: "settings", namespace: "shop" }, data: { mode: "on" } };
        expect(check([{ type: "kubernetes:core/v1:ConfigMap", name: "settings", props: configMap }]).violations).toEqual([]);
    });

    it("reads the namespace only where it decides: a namespaced allowAutomount entry or a ServiceAccount of the stack", () => {
        const mounting = { type: "kubernetes:apps/v1:Deployment", name: "app", props: deployment(podSpec({ automountServiceAccountToken: true }), UNKNOWN_METADATA).props };
        expect(check([mounting])).toEqual({ violations: [expect.stringContaining("Deployment 'app' mounts the API token of service account 'app'")], urns: [urnOf("kubernetes:apps/v1:Deployment", "app")] });
        // Inherited, with no ServiceAccount in the stack: the message names no namespace.
        const inheriting = { ...mounting, props: deployment(inherit, UNKNOWN_METADATA).props };
        expect(check([inheriting]).violations).toEqual([expect.stringContaining("service account 'app' is not declared in the stack")]);
        expect(check([{ ...mounting, props: deployment(podSpec(), UNKNOWN_METADATA).props }]).violations).toEqual([]);
        // A namespaced entry or a ServiceAccount that may be the pod's: the unknown namespace decides.
        expect(check([mounting], { allowAutomount: ["shop/app"] }).unknownUrns).toEqual([urnOf("kubernetes:apps/v1:Deployment", "app")]);
        expect(check([mounting], { allowAutomount: ["app"] }).violations).toEqual([]);
        expect(check([inheriting, serviceAccount("app", false)]).unknownUrns).toEqual([urnOf("kubernetes:apps/v1:Deployment", "app")]);
    });
});
