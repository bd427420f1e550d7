import type * as k8s from "@pulumi/kubernetes";
import policy from "../../../../policies/kubernetes/service/require-load-balancer-tls";
import { checkResource, UNKNOWN } from "../../../harness/policy";
import type { Plain } from "../plain";

const SERVICE = "kubernetes:core/v1:Service";
const SSL_CERT = "service.beta.kubernetes.io/aws-load-balancer-ssl-cert";
const SSL_PORTS = "service.beta.kubernetes.io/aws-load-balancer-ssl-ports";
const CERTIFICATE = "arn:aws:acm:eu-west-1:123456789012:certificate/0b1c2d3e";

/** A LoadBalancer Service on 443 and 8443, TLS terminated on both by an ACM certificate. */
function service(mutate?: (args: Plain<k8s.core.v1.ServiceArgs>) => void): k8s.core.v1.ServiceArgs {
    const args: Plain<k8s.core.v1.ServiceArgs> = {
        metadata: { name: "web", namespace: "shop", annotations: { [SSL_CERT]: CERTIFICATE } },
        spec: {
            type: "LoadBalancer",
            selector: { app: "web" },
            ports: [{ name: "https", port: 443, targetPort: 8080 }, { name: "admin", port: 8443, targetPort: 9090 }],
        },
    };
    mutate?.(args);
    return args;
}

/** The Service with plain HTTP on port 80 next to its TLS ports. */
const withHttp = (mutate?: (args: Plain<k8s.core.v1.ServiceArgs>) => void) => service((s) => {
    s.spec!.ports!.push({ name: "http", port: 80, targetPort: 8080 });
    mutate?.(s);
});

const check = (props: object, config?: Record<string, unknown>, type = SERVICE) => checkResource(policy, { type, props, config });

describe("kubernetes-service-require-load-balancer-tls", () => {
    it("passes a LoadBalancer that exposes no plain-HTTP port, and one that terminates TLS on every port", () => {
        expect(check(service()).violations).toEqual([]);
        expect(check(withHttp()).violations).toEqual([]);
    });

    it("fires on port 80 without a certificate, naming the annotation to set", () => {
        expect(check(withHttp((s) => { s.metadata!.annotations = {}; })).violations).toEqual([
            `Service 'web' exposes port 80 (port 'http') on its load balancer without TLS, so requests and credentials cross the network in plain HTTP: terminate TLS on it (on AWS, set the ${SSL_CERT} annotation to an ACM certificate ARN and list 80 in ${SSL_PORTS}), or serve HTTPS on 443 through an Ingress with TLS.`,
        ]);
    });

    it("fires on 8080 left out of ssl-ports, and accepts a port listed by number or by name", () => {
        const direct = (ports: string) => service((s) => {
            s.metadata!.annotations![SSL_PORTS] = ports;
            s.spec!.ports!.push({ name: "direct", port: 8080 });
        });
        expect(check(direct("443")).violations).toEqual([expect.stringContaining("exposes port 8080 (port 'direct')")]);
        expect(check(direct("443, 8080")).violations).toEqual([]);
        expect(check(direct("https,direct")).violations).toEqual([]);
    });

    it("reads ssl-ports `*` as every port for the built-in controller, and as none for the AWS Load Balancer Controller", () => {
        expect(check(withHttp((s) => { s.metadata!.annotations![SSL_PORTS] = "*"; })).violations).toEqual([]);
        const external = withHttp((s) => { s.metadata!.annotations = { [SSL_CERT]: CERTIFICATE, [SSL_PORTS]: "*", "service.beta.kubernetes.io/aws-load-balancer-type": "external" }; });
        expect(check(external).violations).toEqual([expect.stringContaining("exposes port 80 (port 'http')")]);
        const nlbClass = withHttp((s) => { s.metadata!.annotations![SSL_PORTS] = "*"; s.spec!.loadBalancerClass = "service.k8s.aws/nlb"; });
        expect(check(nlbClass).violations).toHaveLength(1);
    });

    it("fires when the annotations are omitted altogether, once per plain-HTTP port", () => {
        const open = withHttp((s) => {
            delete s.metadata!.annotations;
            s.spec!.ports!.push({ port: 8080 });
        });
        expect(check(open).violations).toEqual([expect.stringContaining("exposes port 80 (port 'http')"), expect.stringContaining("exposes port 8080 (spec.ports[3])")]);
    });

    it("ignores Services of other types, and Patches that do not set the type", () => {
        expect(check(withHttp((s) => { s.spec!.type = "ClusterIP"; s.metadata!.annotations = {}; })).violations).toEqual([]);
        expect(check(withHttp((s) => { delete s.spec!.type; s.metadata!.annotations = {}; })).violations).toEqual([]);
        expect(check({ metadata: { name: "web" }, spec: { ports: [{ port: 80 }] } }, undefined, "kubernetes:core/v1:ServicePatch").violations).toEqual([]);
    });

    it("takes the plain-HTTP ports and the allowed Services from config", () => {
        const open = withHttp((s) => { s.metadata!.annotations = {}; });
        expect(check(open, { plainHttpPorts: [8080] }).violations).toEqual([]);
        expect(check(service((s) => { s.metadata!.annotations = {}; }), { plainHttpPorts: [8443] }).violations).toEqual([expect.stringContaining("exposes port 8443 (port 'admin')")]);
        expect(check(open, { allowedServices: ["shop/web"] }).violations).toEqual([]);
        expect(check(open, { allowedServices: ["ingress-nginx/*"] }).violations).toHaveLength(1);
    });

    it("counts a certificate unknown during preview as set: it is an ARN the stack creates", () => {
        expect(check(withHttp((s) => { s.metadata!.annotations![SSL_CERT] = UNKNOWN; })).violations).toEqual([]);
    });

    it("reports ssl-ports unknown during preview as unknown, not as a verdict", () => {
        const verdict = check(withHttp((s) => { s.metadata!.annotations![SSL_PORTS] = UNKNOWN; }));
        expect(verdict.unknown).toBeDefined();
        expect(verdict.violations).toEqual([]);
    });

    it("reports a plain-HTTP port next to a port unknown during preview, whatever the Service's name and namespace", () => {
        const open = withHttp((s) => {
            s.metadata = { name: UNKNOWN, namespace: UNKNOWN };
            s.spec!.ports!.push(UNKNOWN as never);
        });
        expect(check(open)).toEqual({ violations: [expect.stringContaining("Service 'subject' exposes port 80 (port 'http')")] });
        expect(check(service((s) => { s.metadata!.name = UNKNOWN; s.metadata!.namespace = UNKNOWN; }))).toEqual({ violations: [] });
    });
});
