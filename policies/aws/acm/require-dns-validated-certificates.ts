import type { PolicyResource } from "@pulumi/policy";
import { graphTargets, ofTypes } from "../../lib/aws";
import { stackPolicy } from "../../lib/define";
import { DISTRIBUTION_TYPE, isSet, LISTENER_TYPES } from "../../lib/edge";
import { record, text } from "../../lib/values";

const CERTIFICATE = "aws:acm/certificate:Certificate";
const LISTENER_CERTIFICATE_TYPES = ["aws:lb/listenerCertificate:ListenerCertificate", "aws:alb/listenerCertificate:ListenerCertificate"];

/** Why a certificate will not renew by itself, or undefined when ACM renews it (DNS validation or a private CA). */
function renewalProblem(certificate: PolicyResource): string | undefined {
    const props = certificate.props;
    if (props.privateKey !== undefined || props.privateKeyWo !== undefined || props.certificateBody !== undefined) {
        return "is imported (privateKey/certificateBody), so ACM never renews it: request it from ACM with validationMethod \"DNS\" instead";
    }
    if (props.certificateAuthorityArn !== undefined) {
        return undefined;
    }
    const method = text(props.validationMethod);
    if (method !== "DNS") {
        return `uses validationMethod ${method ? `'${method}'` : "unset"}, so renewal waits on someone clicking an email: set validationMethod: "DNS" and publish its validation records`;
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
    validate: (resources, _config, report) => {
        const certificates = ofTypes(resources, [CERTIFICATE]);
        const judged = new Set<string>();
        const check = (user: PolicyResource, property: string, read: () => unknown, what: string) => {
            const ref = graphTargets(user, property, certificates);
            for (const certificate of ref.byGraph) {
                if (judged.has(certificate.urn)) {
                    continue;
                }
                judged.add(certificate.urn);
                const problem = renewalProblem(certificate);
                if (problem) {
                    report(`ACM certificate '${certificate.name}', served by ${user.name}, ${problem}.`, certificate.urn);
                }
            }
            if (ref.needsValue) {
                const arn = read();
                report(`${what} serves certificate ${typeof arn === "string" ? `'${arn}'` : "(unreadable)"}, which is not an ACM certificate of this stack, so its renewal cannot be checked: declare it as an aws.acm.Certificate with validationMethod "DNS" and reference its arn.`, user.urn);
            }
        };
        for (const listener of ofTypes(resources, [...LISTENER_TYPES, ...LISTENER_CERTIFICATE_TYPES])) {
            if (isSet(listener.props, "certificateArn")) {
                check(listener, "certificateArn", () => listener.props.certificateArn, `Listener '${listener.name}'`);
            }
        }
        for (const distribution of ofTypes(resources, [DISTRIBUTION_TYPE])) {
            const viewer = record(distribution.props.viewerCertificate);
            const where = `CloudFront distribution '${distribution.name}'`;
            if (isSet(viewer, "iamCertificateId")) {
                report(`${where} serves an IAM server certificate (viewerCertificate.iamCertificateId), which nothing renews: use an ACM certificate with validationMethod "DNS" (acmCertificateArn).`, distribution.urn);
            } else if (isSet(viewer, "acmCertificateArn")) {
                check(distribution, "viewerCertificate", () => viewer?.acmCertificateArn, where);
            }
        }
    },
});
