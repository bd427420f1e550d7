import { resourcePolicy } from "../../lib/define";
import { DISTRIBUTION_TYPE } from "../../lib/edge";
import { bool, describeSetting, describeType, given, record, text } from "../../lib/values";

/**
 * Every viewer security policy CloudFront offers for minimumProtocolVersion, oldest first
 * (Amazon CloudFront Developer Guide, "Supported protocols and ciphers between viewers and CloudFront").
 */
export const CLOUDFRONT_SECURITY_POLICIES: readonly string[] = [
    "SSLv3", "TLSv1", "TLSv1_2016", "TLSv1.1_2016",
    "TLSv1.2_2018", "TLSv1.2_2019", "TLSv1.2_2021", "TLSv1.2_2025", "TLSv1.3_2025",
];

/** The security policies that accept TLS 1.2 or newer only. */
const TLS12_POLICIES = ["TLSv1.2_2018", "TLSv1.2_2019", "TLSv1.2_2021", "TLSv1.2_2025", "TLSv1.3_2025"] as const;
const RECOMMENDED = "TLSv1.2_2021";

export default resourcePolicy({
    name: "aws-cloudfront-require-tls12-viewer",
    description: `CloudFront distributions accept TLS 1.2 or newer from viewers: viewerCertificate.minimumProtocolVersion is one of the allowed security policies (by default every TLS 1.2+ policy CloudFront offers: ${TLS12_POLICIES.join(", ")}).`,
    priority: "P0",
    severity: "high",
    checklist: ["000.authentication-security.tls-1-2", "004.network-security.tls-1-2"],
    remediationSteps: `Serve the distribution with your own ACM certificate (viewerCertificate.acmCertificateArn, sslSupportMethod "sni-only") and set minimumProtocolVersion to one of the allowed security policies, such as "${RECOMMENDED}" (or "TLSv1.3_2025" when every viewer speaks TLS 1.3).`,
    tags: ["transport-security"],
    config: {
        allowedMinimumProtocolVersions: {
            type: "array",
            items: { type: "string", minLength: 1 },
            minItems: 1,
            default: TLS12_POLICIES,
            description: `Viewer security policies (minimumProtocolVersion) accepted. Default ${TLS12_POLICIES.join(", ")}: the CloudFront policies that accept TLS 1.2 or newer only, as 000 and 004 require.`,
        },
    },
    resourceTypes: [DISTRIBUTION_TYPE],
    validate: ({ name, props }, config, report) => {
        const where = `CloudFront distribution '${name}'`;
        const allowed = config.allowedMinimumProtocolVersions;
        const fix = `set viewerCertificate.minimumProtocolVersion to one of ${allowed.join(", ")}`;
        const certificate = record(props.viewerCertificate);
        if (!certificate) {
            report(`${where} ${describeSetting("viewerCertificate", props.viewerCertificate)}: set one with an ACM certificate (acmCertificateArn) and ${fix.replace("set viewerCertificate.", "")}.`);
            return;
        }
        if (bool(certificate.cloudfrontDefaultCertificate) === true) {
            report(`${where} uses the default *.cloudfront.net certificate, which forces minimum protocol TLSv1: use an ACM certificate (acmCertificateArn) and ${fix}.`);
            return;
        }
        const version = given(certificate.minimumProtocolVersion);
        if (version === undefined) {
            report(`${where} sets no viewerCertificate.minimumProtocolVersion, so CloudFront accepts TLSv1: ${fix}.`);
            return;
        }
        const value = text(version)?.trim();
        if (value !== undefined && allowed.includes(value)) {
            return;
        }
        if (value === undefined || !CLOUDFRONT_SECURITY_POLICIES.includes(value)) {
            report(`${where} sets viewerCertificate.minimumProtocolVersion to ${value !== undefined ? `'${value}'` : describeType(version)}, not a CloudFront security policy name: ${fix}.`);
        } else {
            report(`${where} accepts ${value} from viewers, which is not an allowed security policy: ${fix}.`);
        }
    },
});
