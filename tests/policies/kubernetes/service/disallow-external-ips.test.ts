import type * as k8s from "@pulumi/kubernetes";
import policy from "../../../../policies/kubernetes/service/disallow-external-ips";
import { checkResource, UNKNOWN } from "../../../harness/policy";

const SERVICE = "kubernetes:core/v1:Service";
function service(externalIPs?: string[]): { type: string; props: k8s.core.v1.ServiceArgs } {
    return { type: SERVICE, props: { metadata: { name: "web", namespace: "shop" }, spec: { selector: { app: "web" }, ports: [{ port: 80, targetPort: 8080 }], externalIPs } } };
}

describe("kubernetes-service-disallow-external-ips", () => {
    it("passes a Service without externalIPs, or with an empty list", () => {
        expect(checkResource(policy, service()).violations).toEqual([]);
        expect(checkResource(policy, service([])).violations).toEqual([]);
    });

    it("fires on externalIPs, and on a value that is not a list", () => {
        expect(checkResource(policy, service(["203.0.113.10"])).violations).toEqual([expect.stringContaining("Service 'web' claims externalIPs 203.0.113.10")]);
        expect(checkResource(policy, { type: SERVICE, props: { spec: { externalIPs: "203.0.113.10" } } }).violations).toEqual([expect.stringContaining("not a list")]);
        expect(checkResource(policy, { type: `${SERVICE}Patch`, props: { spec: { externalIPs: ["203.0.113.10"] } } }).violations).toHaveLength(1);
    });

    it("is unknown when the addresses are unknown during preview", () => {
        expect(checkResource(policy, service(UNKNOWN as unknown as string[])).unknown).toBeDefined();
    });

    it("accepts addresses listed in allowedExternalIPs", () => {
        expect(checkResource(policy, { ...service(["203.0.113.10"]), config: { allowedExternalIPs: ["203.0.113.10"] } }).violations).toEqual([]);
    });

    it("reads an address unknown during preview only when the known ones are allowed", () => {
        const props: k8s.core.v1.ServiceArgs = { ...service().props, metadata: { name: UNKNOWN }, spec: { ...service().props.spec as object, externalIPs: [UNKNOWN, "203.0.113.10"] } };
        expect(checkResource(policy, { type: SERVICE, name: "web", props })).toEqual({ violations: [expect.stringContaining("Service 'web' claims externalIPs 203.0.113.10")] });
        // With no address allowed, an unknown one is claimed too; with some allowed, it decides.
        const unknownOnly: k8s.core.v1.ServiceArgs = { ...props, spec: { ...props.spec as object, externalIPs: [UNKNOWN] } };
        expect(checkResource(policy, { type: SERVICE, name: "web", props: unknownOnly }).violations).toEqual([expect.stringContaining("Service 'web' claims externalIPs, taking traffic")]);
        expect(checkResource(policy, { type: SERVICE, props: unknownOnly, config: { allowedExternalIPs: ["203.0.113.10"] } }).unknown).toBeDefined();
        expect(checkResource(policy, { type: SERVICE, props: { ...service().props, metadata: { name: UNKNOWN } } })).toEqual({ violations: [] });
    });
});
