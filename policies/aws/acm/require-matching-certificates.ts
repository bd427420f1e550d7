import type { PolicyResource } from "@pulumi/policy";
import { stackPolicy } from "../../lib/define";
import { byType, DISTRIBUTION_TYPE, graphLinks, LISTENER_TYPES } from "../../lib/edge";
import { dnsName, ENDPOINT_TYPES, indexEndpoints, publicEndpoints } from "../../lib/endpoints";
import { bool, isDeclared, list, record, text } from "../../lib/values";

const CERTIFICATE = "aws:acm/certificate:Certificate";
const TLS_PROTOCOLS = new Set(["HTTPS", "TLS"]);

/** True when a certificate name (possibly a wildcard) covers a DNS name. */
function covers(pattern: string, name: string): boolean {
    if (pattern.startsWith("*.")) {
        const suffix = pattern.slice(1);
        return name.endsWith(suffix) && !name.slice(0, -suffix.length).includes(".");
    }
    return pattern === name;
}

export default stackPolicy({
    name: "aws-acm-require-matching-certificates",
    description: "HTTPS/TLS listeners and CloudFront distributions with their own domain names serve an ACM certificate of the stack that covers those names (distribution aliases, Route 53 records pointing at the load balancer); a distribution with aliases never uses the default *.cloudfront.net certificate.",
    priority: "P0",
    severity: "high",
    checklist: ["002.infrastructure-setup.ssl-certificate", "004.network-security.tls-certificate"],
    remediationSteps: "Declare an aws.acm.Certificate whose domainName or subjectAlternativeNames cover every name users reach the endpoint by, and set it as the listener's certificateArn or the distribution's viewerCertificate.acmCertificateArn (sslSupportMethod \"sni-only\").",
    tags: ["transport-security"],
    resourceTypes: [CERTIFICATE, ...LISTENER_TYPES, ...ENDPOINT_TYPES],
    validate: (resources, _config, report, context) => {
        const ofType = byType(resources);
        const certificates = ofType(CERTIFICATE);
        const certificateUrns = new Set(certificates.map((c) => c.urn));
        const certificateByUrn = new Map(certificates.map((c) => [c.urn, c]));
        const endpoints = publicEndpoints(resources);
        const index = indexEndpoints(resources, endpoints);
        const namesOfCertificate = (certificate: PolicyResource) =>
            [certificate.props.domainName, ...list(certificate.props.subjectAlternativeNames)].map(dnsName).filter((n): n is string => !!n);

        /** Reports the names `user` is reached by that its certificate does not cover. */
        const judgeCoverage = (user: PolicyResource, what: string, property: string, names: readonly string[]) => {
            if (names.length === 0) {
                return;
            }
            const linked = graphLinks(user, property, certificateUrns).byGraph.map((u) => certificateByUrn.get(u)!);
            if (linked.length === 0) {
                return; // a certificate outside the stack: aws-acm-require-dns-validated-certificates reports it
            }
            const covered = linked.flatMap(namesOfCertificate);
            const uncovered = names.filter((n) => !covered.some((c) => covers(c, n)));
            if (uncovered.length > 0) {
                report(`${what} is reached as ${uncovered.map((n) => `'${n}'`).join(", ")}, which its ACM certificate ('${linked[0].name}') does not cover, so browsers reject the connection: add ${uncovered.length > 1 ? "these names" : "the name"} to the certificate's domainName or subjectAlternativeNames.`, user.urn);
            }
        };

        for (const listener of ofType(...LISTENER_TYPES)) {
            context.judge(listener, () => {
                const protocol = text(listener.props.protocol)?.toUpperCase();
                if (!protocol || !TLS_PROTOCOLS.has(protocol)) {
                    return;
                }
                const where = `${protocol} listener '${listener.name}'`;
                // The graph names a certificate whose ARN is unknown during preview; the value is read only when it does not.
                if (graphLinks(listener, "certificateArn", certificateUrns).needsValue && !isDeclared(listener.props, "certificateArn")) {
                    report(`${where} sets no certificateArn, so it has no certificate to serve: set certificateArn to an ACM certificate of the domain.`, listener.urn);
                    return;
                }
                const loadBalancer = graphLinks(listener, "loadBalancerArn", new Set(endpoints.map((e) => e.resource.urn))).byGraph[0];
                if (loadBalancer) {
                    judgeCoverage(listener, where, "certificateArn", [...index.names({ urn: loadBalancer })].filter((n) => !n.endsWith(".elb.amazonaws.com")));
                }
            });
        }
        for (const distribution of ofType(DISTRIBUTION_TYPE)) {
            context.judge(distribution, () => {
                const where = `CloudFront distribution '${distribution.name}'`;
                const aliases = list(distribution.props.aliases).map(dnsName).filter((n): n is string => !!n);
                const viewer = record(distribution.props.viewerCertificate);
                if (aliases.length === 0) {
                    return;
                }
                if (bool(viewer?.cloudfrontDefaultCertificate) === true || (graphLinks(distribution, "viewerCertificate", certificateUrns).needsValue && !isDeclared(viewer, "acmCertificateArn") && !isDeclared(viewer, "iamCertificateId"))) {
                    report(`${where} has aliases (${aliases.map((a) => `'${a}'`).join(", ")}) but serves the default *.cloudfront.net certificate, which does not cover them: set viewerCertificate.acmCertificateArn to an ACM certificate (us-east-1) for those names, with sslSupportMethod "sni-only".`, distribution.urn);
                    return;
                }
                judgeCoverage(distribution, where, "viewerCertificate", aliases);
            });
        }
    },
});
