import type * as k8s from "@pulumi/kubernetes";
import policy from "../../../../policies/kubernetes/ingress/require-host";
import { checkResource, UNKNOWN } from "../../../harness/policy";

type Rule = k8s.types.input.networking.v1.IngressRule;
const PATHS: Rule["http"] = { paths: [{ path: "/", pathType: "Prefix", backend: { service: { name: "web", port: { name: "http" } } } }] };
function ingress(rules: Rule[]): { type: string; props: k8s.networking.v1.IngressArgs } {
    return { type: "kubernetes:networking.k8s.io/v1:Ingress", props: { metadata: { name: "web", namespace: "shop" }, spec: { rules } } };
}

describe("kubernetes-ingress-require-host", () => {
    it("passes rules that name a host", () => {
        expect(checkResource(policy, ingress([{ host: "shop.example.com", http: PATHS }, { host: "*.shop.example.com", http: PATHS }])).violations).toEqual([]);
    });

    it("fires on each rule without a host, blank included", () => {
        expect(checkResource(policy, ingress([{ host: "shop.example.com", http: PATHS }, { http: PATHS }])).violations).toEqual(["Ingress 'web' has rules[1] without a host, so it serves every domain that reaches the controller: set host to the production domain."]);
        expect(checkResource(policy, ingress([{ host: " ", http: PATHS }])).violations).toHaveLength(1);
        const legacy: k8s.extensions.v1beta1.IngressArgs = { metadata: { name: "old" }, spec: { rules: [{ http: { paths: [{ backend: { serviceName: "web", servicePort: 80 } }] } }] } };
        expect(checkResource(policy, { type: "kubernetes:extensions/v1beta1:Ingress", props: legacy }).violations).toHaveLength(1);
    });

    it("passes an Ingress without rules", () => {
        expect(checkResource(policy, ingress([])).violations).toEqual([]);
    });

    it("is unknown when a host is unknown during preview", () => {
        expect(checkResource(policy, ingress([{ host: UNKNOWN, http: PATHS }])).unknown).toBeDefined();
    });

    it("reports a rule without host next to a rule unknown during preview, and a name that is unknown", () => {
        const props: k8s.networking.v1.IngressArgs = { metadata: { name: UNKNOWN, namespace: UNKNOWN }, spec: { rules: [UNKNOWN as never, { http: PATHS }] } };
        expect(checkResource(policy, { type: "kubernetes:networking.k8s.io/v1:Ingress", name: "web", props })).toEqual({ violations: [expect.stringContaining("Ingress 'web' has rules[1] without a host")] });
        expect(checkResource(policy, { ...ingress([{ host: "shop.example.com", http: PATHS }]), props: { metadata: { name: UNKNOWN }, spec: { rules: [{ host: "shop.example.com", http: PATHS }] } } })).toEqual({ violations: [] });
    });
});
