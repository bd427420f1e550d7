import type * as k8s from "@pulumi/kubernetes";
import policy from "../../../../policies/kubernetes/service/disallow-node-port";
import { checkResource, UNKNOWN } from "../../../harness/policy";

const SERVICE = "kubernetes:core/v1:Service";

function service(type?: string): k8s.core.v1.ServiceArgs {
    return { metadata: { name: "web" }, spec: { type, selector: { app: "web" }, ports: [{ port: 80, targetPort: 8080 }] } };
}

describe("kubernetes-service-disallow-node-port", () => {
    it("passes ClusterIP and LoadBalancer Services, and an omitted type (ClusterIP)", () => {
        for (const type of ["ClusterIP", "LoadBalancer", undefined]) {
            expect(checkResource(policy, { type: SERVICE, props: service(type) }).violations).toEqual([]);
        }
    });

    it("fires on type NodePort, Patches included", () => {
        expect(checkResource(policy, { type: SERVICE, props: service("NodePort") }).violations).toEqual([expect.stringContaining("Service 'web' is of type NodePort")]);
        expect(checkResource(policy, { type: "kubernetes:core/v1:ServicePatch", props: service("NodePort") }).violations).toHaveLength(1);
    });

    it("has no threshold to configure", () => {
        // Every policy takes `exemptions` and `exemptionsFromResources` (policies/lib/exemptions.ts); this one has nothing else.
        expect(Object.keys(policy.configSchema?.properties ?? {})).toEqual(["exemptions", "exemptionsFromResources", "allowUnknown"]);
    });

    it("reports a type unknown during preview as unknown, not as a verdict", () => {
        const verdict = checkResource(policy, { type: SERVICE, props: service(UNKNOWN) });
        expect(verdict.unknown).toBeDefined();
        expect(verdict.violations).toEqual([]);
    });
});
