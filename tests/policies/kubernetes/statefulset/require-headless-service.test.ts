import type * as k8s from "@pulumi/kubernetes";
import policy from "../../../../policies/kubernetes/statefulset/require-headless-service";
import { checkStack, StackResource, UNKNOWN, urnOf } from "../../../harness/policy";

const STATEFULSET = "kubernetes:apps/v1:StatefulSet";
const SERVICE = "kubernetes:core/v1:Service";
const LABELS = { app: "db" };

/** A StatefulSet whose pods carry LABELS; `serviceName: null` leaves it out. */
function statefulSet(serviceName: string | null = "db", namespace = "data", name = "db"): StackResource {
    const props: k8s.apps.v1.StatefulSetArgs = {
        metadata: { name, namespace },
        spec: {
            serviceName: serviceName ?? undefined,
            replicas: 3,
            selector: { matchLabels: LABELS },
            template: { metadata: { labels: LABELS }, spec: { containers: [{ name: "db", image: "postgres:16.4" }] } },
        },
    };
    return { type: STATEFULSET, name, props };
}

/** A headless Service selecting the StatefulSet's pods. */
function service(changes: { name?: string; namespace?: string; clusterIP?: string; selector?: Record<string, string> } = {}): StackResource {
    const name = changes.name ?? "db";
    const props: k8s.core.v1.ServiceArgs = {
        metadata: { name, namespace: changes.namespace ?? "data" },
        spec: { clusterIP: "clusterIP" in changes ? changes.clusterIP : "None", selector: changes.selector ?? LABELS, ports: [{ name: "postgres", port: 5432 }] },
    };
    return { type: SERVICE, name: `${name}-svc`, props };
}

describe("kubernetes-statefulset-require-headless-service", () => {
    it("passes a StatefulSet governed by a headless Service of its namespace that selects its pods", () => {
        expect(checkStack(policy, [statefulSet(), service()]).violations).toEqual([]);
        expect(checkStack(policy, [statefulSet(), service({ name: "db", clusterIP: undefined, selector: { app: "other" } }), service()]).violations).toEqual([]);
    });

    it("fires when serviceName names a Service the stack does not declare, on the StatefulSet's URN", () => {
        const verdict = checkStack(policy, [statefulSet("db-headless"), service()]);
        expect(verdict.violations).toEqual([
            "StatefulSet 'db' names Service 'db-headless' in spec.serviceName, but the stack declares no Service of that name: declare a headless Service (spec.clusterIP: None) whose selector matches the pod template labels in the StatefulSet's namespace, and set spec.serviceName to its name.",
        ]);
        expect(verdict.urns).toEqual([urnOf(STATEFULSET, "db")]);
    });

    it("fires when the Service is in another namespace", () => {
        expect(checkStack(policy, [statefulSet(), service({ namespace: "other" })]).violations).toEqual([
            expect.stringContaining("but the stack declares no Service of that name in namespace 'data'"),
        ]);
    });

    it("fires when the Service is not headless, or does not select the pods", () => {
        expect(checkStack(policy, [statefulSet(), service({ clusterIP: undefined })]).violations).toEqual([
            expect.stringContaining("names Service 'db' in spec.serviceName, but it is not headless (spec.clusterIP is not None)"),
        ]);
        expect(checkStack(policy, [statefulSet(), service({ selector: { app: "web" } })]).violations).toEqual([
            expect.stringContaining("but it does not select the StatefulSet's pods"),
        ]);
    });

    it("fires when serviceName is omitted or empty", () => {
        expect(checkStack(policy, [statefulSet(null), service()]).violations).toEqual([
            expect.stringContaining("StatefulSet 'db' sets no spec.serviceName, so its pods get no stable DNS names"),
        ]);
        expect(checkStack(policy, [statefulSet(""), service()]).violations).toHaveLength(1);
    });

    it("judges only StatefulSets: Deployments and Patches are left alone", () => {
        expect(checkStack(policy, [{ ...statefulSet("none"), type: "kubernetes:apps/v1:Deployment" }]).violations).toEqual([]);
        expect(checkStack(policy, [{ ...statefulSet("none"), type: "kubernetes:apps/v1:StatefulSetPatch" }]).violations).toEqual([]);
    });

    it("judges each StatefulSet on its own when a Service's clusterIP is unknown during preview", () => {
        const unknownIp = service({ name: "cache", clusterIP: UNKNOWN });
        const verdict = checkStack(policy, [statefulSet("cache", "data", "cache"), statefulSet("missing", "data", "bad"), statefulSet(), service(), unknownIp]);
        expect(verdict.violations).toEqual([expect.stringContaining("StatefulSet 'bad' names Service 'missing'")]);
        expect(verdict.unknownUrns).toEqual([urnOf(STATEFULSET, "cache")]);
    });

    it("makes unknown only the StatefulSets a Service of unknown name could govern", () => {
        const unnamed = service();
        unnamed.props = { ...unnamed.props, metadata: { name: UNKNOWN, namespace: "data" } };
        const verdict = checkStack(policy, [statefulSet("db"), unnamed]);
        expect(verdict.violations).toEqual([]);
        expect(verdict.unknownUrns).toEqual([urnOf(STATEFULSET, "db")]);
        expect(checkStack(policy, [statefulSet("db"), unnamed, service()])).toEqual({ violations: [], urns: [] });
    });

    it("reads the StatefulSet's namespace only when a Service of its serviceName exists", () => {
        const unplaced = statefulSet("db-headless");
        unplaced.props = { ...unplaced.props, metadata: { name: UNKNOWN, namespace: UNKNOWN } };
        expect(checkStack(policy, [unplaced, service()]).violations).toEqual([expect.stringContaining("StatefulSet 'db' names Service 'db-headless'")]);
        const governed = statefulSet();
        governed.props = { ...governed.props, metadata: { name: UNKNOWN, namespace: UNKNOWN } };
        expect(checkStack(policy, [governed, service()]).unknownUrns).toEqual([urnOf(STATEFULSET, "db")]);
    });
});
