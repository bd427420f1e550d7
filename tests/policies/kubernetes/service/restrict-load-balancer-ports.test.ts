import type * as k8s from "@pulumi/kubernetes";
import policy from "../../../../policies/kubernetes/service/restrict-load-balancer-ports";
import { checkResource, UNKNOWN } from "../../../harness/policy";
import type { Plain } from "../plain";

const SERVICE = "kubernetes:core/v1:Service";

function service(mutate?: (args: Plain<k8s.core.v1.ServiceArgs>) => void): k8s.core.v1.ServiceArgs {
    const args: Plain<k8s.core.v1.ServiceArgs> = {
        metadata: { name: "web", namespace: "shop" },
        spec: {
            type: "LoadBalancer",
            selector: { app: "web" },
            ports: [{ name: "http", port: 80, targetPort: 8080 }, { name: "https", port: 443, targetPort: 8443 }],
        },
    };
    mutate?.(args);
    return args;
}

const check = (props: object, config?: Record<string, unknown>, type = SERVICE) => checkResource(policy, { type, props, config });

describe("kubernetes-service-restrict-load-balancer-ports", () => {
    it("passes a LoadBalancer on 80 and 443", () => {
        expect(check(service()).violations).toEqual([]);
    });

    it("fires on each other port", () => {
        const { violations } = check(service((s) => { s.spec!.ports!.push({ name: "ssh", port: 22 }, { port: 5432 }); }));
        expect(violations).toEqual([
            expect.stringContaining("Service 'web' exposes port 22 (port 'ssh')"),
            expect.stringContaining("exposes port 5432 (spec.ports[3])"),
        ]);
    });

    it("fires on a port that is not a number, without crashing", () => {
        expect(check(service((s) => { s.spec!.ports![0].port = "http" as unknown as number; })).violations).toEqual([expect.stringContaining("not a port number")]);
    });

    it("ignores Services of other types, an omitted type being ClusterIP", () => {
        expect(check(service((s) => { s.spec!.type = "ClusterIP"; s.spec!.ports!.push({ port: 22 }); })).violations).toEqual([]);
        expect(check(service((s) => { delete s.spec!.type; s.spec!.ports!.push({ port: 22 }); })).violations).toEqual([]);
    });

    it("takes the allowed ports from config", () => {
        expect(check(service(), { allowedPorts: [443] }).violations).toEqual([expect.stringContaining("exposes port 80")]);
    });

    it("requires source ranges when config says so", () => {
        expect(check(service(), { requireSourceRanges: true }).violations).toEqual([expect.stringContaining("set spec.loadBalancerSourceRanges")]);
        expect(check(service((s) => { s.spec!.loadBalancerSourceRanges = ["10.0.0.0/8"]; }), { requireSourceRanges: true }).violations).toEqual([]);
        const annotated = service((s) => { s.metadata!.annotations = { "service.beta.kubernetes.io/load-balancer-source-ranges": "10.0.0.0/8" }; });
        expect(check(annotated, { requireSourceRanges: true }).violations).toEqual([]);
    });

    it("judges only what a Patch sets", () => {
        const type = "kubernetes:core/v1:ServicePatch";
        expect(check({ metadata: { name: "web" }, spec: { ports: [{ port: 22 }] } }, undefined, type).violations).toEqual([]);
        expect(check({ metadata: { name: "web" }, spec: { type: "LoadBalancer", ports: [{ port: 22 }] } }, { requireSourceRanges: true }, type).violations).toHaveLength(1);
    });

    it("reports a value unknown during preview as unknown, not as a verdict", () => {
        const verdict = check(service((s) => { s.spec!.ports![1].port = UNKNOWN as unknown as number; }));
        expect(verdict.unknown).toBeDefined();
        expect(verdict.violations).toEqual([]);
    });

    it("reports an exposed port next to a port unknown during preview, naming it without its unknown name", () => {
        const props = service((s) => { s.metadata = { name: UNKNOWN }; s.spec!.ports = [UNKNOWN as never, { name: UNKNOWN, port: 22, targetPort: 22 }]; });
        expect(checkResource(policy, { type: SERVICE, name: "web", props }).violations).toEqual([expect.stringContaining("Service 'web' exposes port 22 (spec.ports[1]) on its load balancer")]);
        expect(check(service((s) => { s.metadata = { name: UNKNOWN }; }))).toEqual({ violations: [] });
    });
});
