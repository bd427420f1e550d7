import type * as k8s from "@pulumi/kubernetes";
import policy from "../../../../policies/kubernetes/ingress/require-existing-backend";
import { checkStack, UNKNOWN, urnOf } from "../../../harness/policy";
import { ingress, service, TYPES } from "../stack-fixtures";

describe("kubernetes-ingress-require-existing-backend", () => {
    it("passes backends naming a declared Service and one of its ports", () => {
        expect(checkStack(policy, [service(), ingress()]).violations).toEqual([]);
        expect(checkStack(policy, [service(), ingress({ name: "web", port: { number: 80 } })]).violations).toEqual([]);
    });

    it("fires on a Service the stack does not declare in the Ingress's namespace", () => {
        const verdict = checkStack(policy, [service(), ingress({ name: "api", port: { number: 80 } })]);
        expect(verdict.violations).toEqual([expect.stringContaining("Ingress 'web' routes rules[0].http.paths[0] to Service 'api', which the stack does not declare in namespace 'shop'")]);
        expect(verdict.urns).toEqual([urnOf(TYPES.Ingress, "web-ingress")]);
        expect(checkStack(policy, [service(undefined, undefined, "other"), ingress()]).violations).toHaveLength(1);
    });

    it("fires on a port the Service does not declare", () => {
        expect(checkStack(policy, [service(), ingress({ name: "web", port: { name: "https" } })]).violations).toEqual([expect.stringContaining("port 'https' of Service 'web'")]);
        expect(checkStack(policy, [service(), ingress({ name: "web", port: { number: 8443 } })]).violations).toHaveLength(1);
    });

    it("reads the default backend and the v1beta1 shape", () => {
        const props: k8s.networking.v1beta1.IngressArgs = { metadata: { name: "legacy", namespace: "shop" }, spec: { backend: { serviceName: "gone", servicePort: 80 } } };
        expect(checkStack(policy, [service(), { type: "kubernetes:networking.k8s.io/v1beta1:Ingress", name: "legacy", props }]).violations).toEqual([expect.stringContaining("routes the default backend to Service 'gone'")]);
    });

    it("is unknown for the Ingress when its backend is unknown during preview, or an unknown Service could be the one", () => {
        expect(checkStack(policy, [service(), ingress({ name: UNKNOWN })]).unknownUrns).toEqual([urnOf(TYPES.Ingress, "web-ingress")]);
        expect(checkStack(policy, [service(undefined, undefined, "shop", UNKNOWN), ingress()]).unknownUrns).toEqual([urnOf(TYPES.Ingress, "web-ingress")]);
    });

    it("accepts Services listed in externalServices", () => {
        expect(checkStack(policy, [ingress({ name: "api", port: { number: 80 } })], { externalServices: ["shop/api"] }).violations).toEqual([]);
    });

    it("reads the Ingress's namespace only to find the Services it may reach, and judges each backend on its own", () => {
        const routed = ingress({ name: "web", port: { name: "http" } });
        const spec = (routed.props as { spec: Record<string, unknown> }).spec;
        const unplaced = { ...routed, props: { metadata: { name: UNKNOWN, namespace: UNKNOWN }, spec: { ...spec, rules: [UNKNOWN, ...(spec.rules as unknown[])] } } };
        // No Service in the stack: the missing backend is reported, in words that need no namespace.
        expect(checkStack(policy, [unplaced]).violations).toEqual([
            "Ingress 'web-ingress' routes rules[1].http.paths[0] to Service 'web', which the stack does not declare in the Ingress's namespace: declare the Service, correct the name, or list it in externalServices.",
        ]);
        // A Service that may be in its namespace decides.
        expect(checkStack(policy, [service(), unplaced]).unknownUrns).toEqual([urnOf(TYPES.Ingress, "web-ingress")]);
        expect(checkStack(policy, [{ ...unplaced, props: { ...unplaced.props, spec } }], { externalServices: ["web"] })).toEqual({ violations: [], urns: [] });
    });
});
