import type * as k8s from "@pulumi/kubernetes";
import policy from "../../../../policies/kubernetes/ingress/require-tls";
import { checkResource, UNKNOWN } from "../../../harness/policy";
import type { Plain } from "../plain";

const INGRESS = "kubernetes:networking.k8s.io/v1:Ingress";
const backend = { service: { name: "web", port: { number: 80 } } };

function ingress(mutate?: (args: Plain<k8s.networking.v1.IngressArgs>) => void): k8s.networking.v1.IngressArgs {
    const args: Plain<k8s.networking.v1.IngressArgs> = {
        metadata: { name: "web", namespace: "shop", annotations: { "nginx.ingress.kubernetes.io/ssl-redirect": "true" } as Record<string, string> },
        spec: {
            ingressClassName: "nginx",
            tls: [{ hosts: ["shop.example.com", "*.api.example.com"], secretName: "web-tls" }],
            rules: [
                { host: "shop.example.com", http: { paths: [{ path: "/", pathType: "Prefix", backend }] } },
                { host: "v1.api.example.com", http: { paths: [{ path: "/", pathType: "Prefix", backend }] } },
            ],
        },
    };
    mutate?.(args);
    return args;
}

function check(props: object, config?: Record<string, unknown>, type = INGRESS) {
    return checkResource(policy, { type, props, config });
}

describe("kubernetes-ingress-require-tls", () => {
    it("passes when every host is in spec.tls (wildcards cover one label)", () => {
        expect(check(ingress()).violations).toEqual([]);
    });

    it("fires when spec.tls is omitted", () => {
        const { violations } = check(ingress((i) => { delete i.spec!.tls; }));
        expect(violations).toEqual([expect.stringContaining("Ingress 'web' routes 'shop.example.com', 'v1.api.example.com' without TLS")]);
    });

    it("fires on a host that no TLS entry lists", () => {
        const { violations } = check(ingress((i) => { i.spec!.rules!.push({ host: "admin.example.com", http: { paths: [{ path: "/", pathType: "Prefix", backend }] } }); }));
        expect(violations).toEqual([expect.stringContaining("routes 'admin.example.com' without TLS")]);
    });

    it("does not let a wildcard cover deeper subdomains", () => {
        const { violations } = check(ingress((i) => { i.spec!.rules![1].host = "a.b.api.example.com"; }));
        expect(violations).toEqual([expect.stringContaining("'a.b.api.example.com'")]);
    });

    it("fires on a rule without host when there is no TLS entry", () => {
        const { violations } = check(ingress((i) => {
            delete i.spec!.tls;
            i.spec!.rules = [{ http: { paths: [{ path: "/", pathType: "Prefix", backend }] } }];
        }));
        expect(violations).toEqual([expect.stringContaining("routes requests for any host")]);
    });

    it("fires on a default backend without TLS", () => {
        const { violations } = check({ metadata: { name: "catch-all" }, spec: { defaultBackend: backend } } satisfies k8s.networking.v1.IngressArgs);
        expect(violations).toEqual([expect.stringContaining("Ingress 'catch-all' routes requests for any host")]);
    });

    it("fires when ingress-nginx's redirect is turned off", () => {
        const { violations } = check(ingress((i) => { i.metadata!.annotations!["nginx.ingress.kubernetes.io/ssl-redirect"] = "false"; }));
        expect(violations).toEqual([expect.stringContaining("nginx.ingress.kubernetes.io/ssl-redirect: \"false\"")]);
    });

    it("fires on an ALB that listens on HTTP only, or on HTTP without redirect", () => {
        const alb = (annotations: Record<string, string>) => ingress((i) => { i.metadata!.annotations = annotations; i.spec!.ingressClassName = "alb"; });
        expect(check(alb({ "alb.ingress.kubernetes.io/listen-ports": "[{\"HTTP\": 80}]" })).violations).toEqual([expect.stringContaining("no HTTPS listener")]);
        expect(check(alb({ "alb.ingress.kubernetes.io/listen-ports": "[{\"HTTP\": 80}, {\"HTTPS\": 443}]" })).violations).toEqual([expect.stringContaining("without alb.ingress.kubernetes.io/ssl-redirect")]);
        expect(check(alb({ "alb.ingress.kubernetes.io/listen-ports": "80" })).violations).toEqual([expect.stringContaining("JSON list")]);
        expect(check(alb({
            "alb.ingress.kubernetes.io/listen-ports": "[{\"HTTP\": 80}, {\"HTTPS\": 443}]",
            "alb.ingress.kubernetes.io/ssl-redirect": "443",
        })).violations).toEqual([]);
    });

    it("accepts an ALB certificate annotation instead of spec.tls", () => {
        const props = ingress((i) => {
            delete i.spec!.tls;
            i.metadata!.annotations = { "alb.ingress.kubernetes.io/certificate-arn": "arn:aws:acm:eu-west-1:123456789012:certificate/abc", "alb.ingress.kubernetes.io/listen-ports": "[{\"HTTPS\": 443}]" };
        });
        expect(check(props).violations).toEqual([]);
    });

    it("fires on a Traefik router on the web entry point only", () => {
        const props = ingress((i) => { i.metadata!.annotations = { "traefik.ingress.kubernetes.io/router.entrypoints": "web" }; });
        expect(check(props).violations).toEqual([expect.stringContaining("router.entrypoints: web only")]);
        props.metadata = { name: "web", annotations: { "traefik.ingress.kubernetes.io/router.entrypoints": "websecure" } };
        expect(check(props).violations).toEqual([]);
    });

    it("covers networking.k8s.io/v1beta1 and extensions/v1beta1", () => {
        const legacy: k8s.extensions.v1beta1.IngressArgs = {
            metadata: { name: "legacy" },
            spec: { rules: [{ host: "old.example.com", http: { paths: [{ path: "/", backend: { serviceName: "old", servicePort: 80 } }] } }] },
        };
        for (const type of ["kubernetes:extensions/v1beta1:Ingress", "kubernetes:networking.k8s.io/v1beta1:Ingress"]) {
            expect(check(legacy, undefined, type).violations).toEqual([expect.stringContaining("Ingress 'legacy' routes 'old.example.com' without TLS")]);
        }
    });

    it("judges only what a Patch sets", () => {
        const type = "kubernetes:networking.k8s.io/v1:IngressPatch";
        expect(check({ metadata: { name: "web" }, spec: { rules: [{ host: "x.example.com" }] } }, undefined, type).violations).toEqual([]);
        expect(check({ metadata: { name: "web", annotations: { "nginx.ingress.kubernetes.io/ssl-redirect": "false" } } }, undefined, type).violations).toHaveLength(1);
    });

    it("lets config allow a plain-HTTP host", () => {
        const props = ingress((i) => { i.spec!.rules!.push({ host: "acme.example.com", http: { paths: [{ path: "/", pathType: "Prefix", backend }] } }); });
        expect(check(props).violations).toHaveLength(1);
        expect(check(props, { allowHttpOnlyHosts: ["acme.example.com"] }).violations).toEqual([]);
    });

    it("reports a value unknown during preview as unknown, not as a verdict", () => {
        const verdict = check(ingress((i) => { i.spec!.tls![0].hosts = UNKNOWN as unknown as string[]; }));
        expect(verdict.unknown).toBeDefined();
        expect(verdict.violations).toEqual([]);
    });

    it("judges hosts, annotations and the certificate apart, reading only what decides", () => {
        // An ALB certificate whose ARN is unknown during preview terminates TLS for every host.
        const alb = ingress((i) => { i.spec!.tls = undefined; i.metadata = { name: UNKNOWN, annotations: { "alb.ingress.kubernetes.io/certificate-arn": UNKNOWN } }; });
        expect(check(alb)).toEqual({ violations: [] });
        // A host without TLS is reported next to a rule unknown during preview; a disabled redirect next to an unknown annotation.
        const uncovered = ingress((i) => {
            i.metadata = { name: UNKNOWN, annotations: { "nginx.ingress.kubernetes.io/ssl-redirect": "false", "traefik.ingress.kubernetes.io/router.entrypoints": UNKNOWN } };
            i.spec!.rules = [UNKNOWN as never, { host: "admin.example.com", http: { paths: [{ path: "/", pathType: "Prefix", backend }] } }];
        });
        expect(check(uncovered).violations).toEqual([
            expect.stringContaining("routes 'admin.example.com' without TLS"),
            expect.stringContaining("sets nginx.ingress.kubernetes.io/ssl-redirect: \"false\""),
        ]);
        // A TLS host unknown during preview may cover a host: that host is then unknown, not reported.
        expect(check(ingress((i) => { i.spec!.tls = [{ hosts: [UNKNOWN], secretName: "web-tls" }]; })).unknown).toBeDefined();
    });
});
