import { resourcePolicy } from "../../lib/define";
import { describeWorkload, isPatch, kindTypes } from "../../lib/kubernetes";
import { attempt, knownItems, knownOr, Parts } from "../../lib/unknowns";
import { at, list, Props, record, text } from "../../lib/values";

// Controller annotations that turn the HTTP→HTTPS redirect off or serve plain HTTP only. Kept short
// on purpose: the controllers most clusters run, and only settings that cannot mean anything else.
//  - ingress-nginx: `nginx.ingress.kubernetes.io/ssl-redirect: "false"` (the redirect is on by default
//    once the Ingress has TLS). `force-ssl-redirect: "false"` is its default and is not flagged.
//  - AWS Load Balancer Controller: `alb.ingress.kubernetes.io/listen-ports` with no HTTPS listener, or
//    with an HTTP listener and no `alb.ingress.kubernetes.io/ssl-redirect`. With
//    `alb.ingress.kubernetes.io/certificate-arn` the ALB terminates TLS for every host without spec.tls.
//  - Traefik: `traefik.ingress.kubernetes.io/router.entrypoints` naming only `web` (the HTTP entry
//    point), unless `traefik.ingress.kubernetes.io/router.tls: "true"`.
const NGINX_SSL_REDIRECT = "nginx.ingress.kubernetes.io/ssl-redirect";
const ALB_LISTEN_PORTS = "alb.ingress.kubernetes.io/listen-ports";
const ALB_SSL_REDIRECT = "alb.ingress.kubernetes.io/ssl-redirect";
const ALB_CERTIFICATE = "alb.ingress.kubernetes.io/certificate-arn";
const TRAEFIK_ENTRYPOINTS = "traefik.ingress.kubernetes.io/router.entrypoints";
const TRAEFIK_TLS = "traefik.ingress.kubernetes.io/router.tls";

/** Whether a TLS host (possibly a `*.` wildcard, which covers one DNS label) covers a rule host. */
function covers(tlsHost: string, host: string): boolean {
    const a = tlsHost.toLowerCase();
    const b = host.toLowerCase();
    if (a === b) {
        return true;
    }
    if (a.startsWith("*.")) {
        const dot = b.indexOf(".");
        return dot > 0 && b.slice(dot) === a.slice(1) && !b.startsWith("*.");
    }
    return false;
}

/** Protocols of an ALB listen-ports annotation (`[{"HTTP": 80}, {"HTTPS": 443}]`), or undefined if it is not that JSON. */
function albProtocols(value: string): string[] | undefined {
    try {
        const parsed: unknown = JSON.parse(value);
        if (!Array.isArray(parsed)) {
            return undefined;
        }
        return parsed.flatMap((entry) => (record(entry) ? Object.keys(entry as Props) : [])).map((p) => p.toUpperCase());
    } catch {
        return undefined;
    }
}

export default resourcePolicy({
    name: "kubernetes-ingress-require-tls",
    description: "Ingresses terminate TLS for every host they route and do not turn the HTTP-to-HTTPS redirect off.",
    priority: "P0",
    severity: "high",
    checklist: [
        "003.infrastructure.load-balancer-tls-termination",
        "003.domain-ssl-tls.https-redirect",
        "004.network-security.https-redirect",
        "004.network-security.tls-certificate",
        "000.authentication-security.https-enforced",
    ],
    remediationSteps: "List every rules[].host in spec.tls[].hosts with a certificate secretName, and remove annotations that disable the HTTPS redirect (e.g. nginx.ingress.kubernetes.io/ssl-redirect: \"false\").",
    tags: ["transport-security"],
    config: {
        allowHttpOnlyHosts: {
            type: "array",
            items: { type: "string" },
            default: [],
            description: "Hosts allowed to be served without TLS (e.g. an ACME HTTP-01 solver host). Default none: 003 and 004 ask for HTTPS with HTTP redirected.",
        },
    },
    resourceTypes: kindTypes("Ingress", ["networking.k8s.io/v1", "networking.k8s.io/v1beta1", "extensions/v1beta1"]),
    validate: ({ type, name, props }, config, report) => {
        const ingress = describeWorkload(type, name, props);
        const annotations = record(at(props, "metadata", "annotations")) ?? {};
        // The certificate ARN is often another resource's output, unknown during preview: being set is what counts.
        const albCertificate = knownOr(() => !!text(annotations[ALB_CERTIFICATE]), true);
        // The TLS hosts and each annotation on their own: a value unknown during preview in one hides no violation of another.
        const parts = new Parts(report);

        // 1. TLS for every routed host. A Patch that does not set spec.tls keeps the live TLS list.
        parts.judge(() => {
            const spec = record(props.spec) ?? {};
            if ((isPatch(type) && spec.tls === undefined) || albCertificate) {
                return;
            }
            // A rule host unknown during preview decides only when the known ones leave nothing to
            // report; a TLS host unknown during preview, only whether a known rule host is covered.
            const tls = knownItems(spec.tls);
            let tlsUnknown = tls.unknown;
            const tlsHosts = tls.items.flatMap((entry) => {
                const hosts = attempt(() => knownItems(record(entry)?.hosts));
                tlsUnknown ??= hosts.unknown ?? hosts.value?.unknown;
                return (hosts.value?.items ?? []).map(text).filter((h): h is string => !!h);
            });
            const allowed = (host: string) => config.allowHttpOnlyHosts.some((h) => covers(h, host));
            const uncovered: string[] = [];
            let hostless = spec.defaultBackend !== undefined || spec.backend !== undefined;
            const rules = knownItems(spec.rules);
            let ruleUnknown = rules.unknown;
            for (const rule of rules.items) {
                const read = attempt(() => text(record(rule)?.host));
                if (read.unknown !== undefined) {
                    ruleUnknown ??= read.unknown;
                    continue;
                }
                const host = read.value;
                if (!host) {
                    hostless = true;
                } else if (!tlsHosts.some((t) => covers(t, host)) && !allowed(host) && !uncovered.includes(host)) {
                    uncovered.push(host);
                }
            }
            if (uncovered.length > 0 && tlsUnknown === undefined) {
                const hosts = uncovered.map((h) => `'${h}'`).join(", ");
                parts.report(`${ingress} routes ${hosts} without TLS: add ${uncovered.length > 1 ? "them" : "it"} to spec.tls[].hosts with a certificate secretName.`);
            }
            if (hostless && list(spec.tls).length === 0) {
                parts.report(`${ingress} routes requests for any host (a rule without host or a default backend) and sets no spec.tls: add a spec.tls entry with a certificate secretName.`);
            }
            const unknown = (uncovered.length > 0 ? tlsUnknown : undefined) ?? ruleUnknown;
            if (unknown !== undefined) {
                throw unknown;
            }
        });

        // 2. Well-known controller annotations that serve plain HTTP.
        parts.judge(() => {
            if (text(annotations[NGINX_SSL_REDIRECT])?.trim().toLowerCase() === "false") {
                parts.report(`${ingress} sets ${NGINX_SSL_REDIRECT}: "false", so HTTP is served without redirect: remove it or set it to "true".`);
            }
        });
        parts.judge(() => {
            const listenPorts = annotations[ALB_LISTEN_PORTS];
            if (listenPorts === undefined) {
                return;
            }
            const protocols = albProtocols(text(listenPorts) ?? "");
            if (!protocols) {
                parts.report(`${ingress} sets ${ALB_LISTEN_PORTS} to something other than a JSON list such as [{"HTTP": 80}, {"HTTPS": 443}]: list an HTTPS listener.`);
            } else if (!protocols.includes("HTTPS")) {
                parts.report(`${ingress} sets ${ALB_LISTEN_PORTS} with no HTTPS listener: add {"HTTPS": 443} and ${ALB_SSL_REDIRECT}: "443".`);
            } else if (protocols.includes("HTTP") && annotations[ALB_SSL_REDIRECT] === undefined) {
                parts.report(`${ingress} listens on HTTP as well as HTTPS without ${ALB_SSL_REDIRECT}: set ${ALB_SSL_REDIRECT}: "443" or drop the HTTP listener.`);
            }
        });
        parts.judge(() => {
            const entrypoints = text(annotations[TRAEFIK_ENTRYPOINTS]);
            if (entrypoints !== undefined) {
                const names = entrypoints.split(",").map((e) => e.trim()).filter(Boolean);
                const tlsRouter = text(annotations[TRAEFIK_TLS])?.trim().toLowerCase() === "true";
                if (names.length > 0 && names.every((e) => e === "web") && !tlsRouter) {
                    parts.report(`${ingress} sets ${TRAEFIK_ENTRYPOINTS}: web only, so Traefik serves it over plain HTTP: use websecure and ${TRAEFIK_TLS}: "true".`);
                }
            }
        });
        parts.settle();
    },
});
