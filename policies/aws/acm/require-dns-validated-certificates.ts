import type { PolicyResource } from "@pulumi/policy";
import { stackPolicy } from "../../lib/define";
import { byType, DISTRIBUTION_TYPE, graphLinks, isSet, LISTENER_TYPES } from "../../lib/edge";
import { given, isDeclared, record, text } from "../../lib/values";

const CERTIFICATE = "aws:acm/certificate:Certificate";
const LISTENER_CERTIFICATE_TYPES = ["aws:lb/listenerCertificate:ListenerCertificate", "aws:alb/listenerCertificate:ListenerCertificate"];

/** Why a certificate will not renew by itself, or undefined when ACM renews it (DNS validation or a private CA). */
function renewalProblem(certificate: PolicyResource): string | undefined {
    const props = certificate.props;
    if (isDeclared(props, "privateKey") || isDeclared(props, "privateKeyWo") || isDeclared(props, "certificateBody")) {
        return "is imported (privateKey/certificateBody), so ACM never renews it: request it from ACM with validationMethod \"DNS\" instead";
    }
    if (isDeclared(props, "certificateAuthorityArn")) {
        return undefined;
    }
    const method = text(given(props.validationMethod));
    if (method !== "DNS") {
        return `${method ? `uses validationMethod '${method}'` : "sets no validationMethod"}, so renewal waits on someone clicking an email: set validationMethod: "DNS" and publish its validation records`;
    }
    return undefined;
}

export default stackPolicy({
    name: "aws-acm-require-dns-validated-certificates",
    description: "Load balancer listeners and CloudFront distributions serve ACM certificates of the stack that are DNS-validated, so ACM renews them automatically.",
    priority: "P0",
    severity: "high",
    checklist: ["003.domain-ssl-tls.certificate-auto-renewal", "004.network-security.certificate-auto-renewal", "003.domain-ssl-tls.ssl-tls-certificate"],
    remediationSteps: "Declare the certificate as aws.acm.Certificate with validationMethod \"DNS\" (with its Route 53 validation records and an aws.acm.CertificateValidation) and reference its arn from the listener or distribution.",
    tags: ["transport-security"],
    resourceTypes: [CERTIFICATE, ...LISTENER_TYPES, ...LISTENER_CERTIFICATE_TYPES, DISTRIBUTION_TYPE],
    validate: (resources, _config, report, context) => {
        const ofType = byType(resources);
        const certificates = new Set(ofType(CERTIFICATE).map((c) => c.urn));
        const judged = new Set<string>();
        const judgeCertificate = (certificate: PolicyResource, user: PolicyResource) => {
            if (judged.has(certificate.urn)) {
                return;
            }
            judged.add(certificate.urn);
            context.judge(certificate, () => {
                const problem = renewalProblem(certificate);
                if (problem) {
                    report(`ACM certificate '${certificate.name}', served by ${user.name}, ${problem}.`, certificate.urn);
                }
            });
        };
        /** Judges the certificates `user` serves through `property`; reads the value only when the graph does not name one. */
        const check = (user: PolicyResource, property: string, read: () => unknown, what: string) => {
            const graph = graphLinks(user, property, certificates);
            graph.byGraph.forEach((urn) => judgeCertificate(byUrn.get(urn)!, user));
            if (!graph.needsValue) {
                return;
            }
            const arn = given(read());
            if (arn !== undefined) {
                report(`${what} serves certificate ${typeof arn === "string" ? `'${arn}'` : "(unreadable)"}, which is not an ACM certificate of this stack, so its renewal cannot be checked: declare it as an aws.acm.Certificate with validationMethod "DNS" and reference its arn.`, user.urn);
            }
        };
        const byUrn = new Map(ofType(CERTIFICATE).map((c) => [c.urn, c]));
        for (const listener of ofType(...LISTENER_TYPES, ...LISTENER_CERTIFICATE_TYPES)) {
            context.judge(listener, () => {
                if (isSet(listener.props, "certificateArn")) {
                    check(listener, "certificateArn", () => listener.props.certificateArn, `Listener '${listener.name}'`);
                }
            });
        }
        for (const distribution of ofType(DISTRIBUTION_TYPE)) {
            context.judge(distribution, () => {
                const viewer = record(distribution.props.viewerCertificate);
                const where = `CloudFront distribution '${distribution.name}'`;
                if (isDeclared(viewer, "iamCertificateId")) {
                    report(`${where} serves an IAM server certificate (viewerCertificate.iamCertificateId), which nothing renews: use an ACM certificate with validationMethod "DNS" (acmCertificateArn).`, distribution.urn);
                } else if (isSet(viewer, "acmCertificateArn")) {
                    check(distribution, "viewerCertificate", () => viewer?.acmCertificateArn, where);
                }
            });
        }
    },
});
