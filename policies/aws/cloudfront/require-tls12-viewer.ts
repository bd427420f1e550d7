import { resourcePolicy } from "../../lib/define";
import { DISTRIBUTION_TYPE, tlsVersion } from "../../lib/edge";
import { bool, describeType, record } from "../../lib/values";

/** The TLS (or SSL) version a CloudFront minimumProtocolVersion starts at: "TLSv1.2_2021" → 1.2, "TLSv1" → 1.0, "SSLv3" → 0. */
export function viewerProtocolVersion(name: string): number | undefined {
    if (name === "SSLv3") {
        return 0;
    }
    const match = /^TLSv(\d)(?:\.(\d))?(?:_\d{4})?$/.exec(name);
    return match ? Number(`${match[1]}.${match[2] ?? "0"}`) : undefined;
}

export default resourcePolicy({
    name: "aws-cloudfront-require-tls12-viewer",
    description: "CloudFront distributions accept TLS 1.2 or newer from viewers (viewerCertificate.minimumProtocolVersion TLSv1.2_2021 or later).",
    priority: "P0",
    severity: "high",
    checklist: ["000.authentication-security.tls-1-2", "004.network-security.tls-1-2"],
    remediationSteps: "Serve the distribution with your own ACM certificate (viewerCertificate.acmCertificateArn, sslSupportMethod \"sni-only\") and set minimumProtocolVersion to \"TLSv1.2_2021\".",
    tags: ["transport-security"],
    config: {
        minimumTlsVersion: {
            type: "string",
            enum: ["1.0", "1.1", "1.2", "1.3"],
            default: "1.2",
            description: "Lowest TLS version viewers may negotiate. Default 1.2: 000 and 004 require TLS 1.2 or newer.",
        },
    },
    resourceTypes: [DISTRIBUTION_TYPE],
    validate: ({ name, props }, config, report) => {
        const where = `CloudFront distribution '${name}'`;
        const minimum = tlsVersion(config.minimumTlsVersion) ?? 1.2;
        const certificate = record(props.viewerCertificate);
        if (!certificate) {
            report(`${where} sets ${describeType(props.viewerCertificate)} viewerCertificate: set one with an ACM certificate and minimumProtocolVersion "TLSv1.2_2021".`);
            return;
        }
        if (bool(certificate.cloudfrontDefaultCertificate) === true) {
            report(`${where} uses the default *.cloudfront.net certificate, which forces minimum protocol TLSv1: use an ACM certificate (acmCertificateArn) with minimumProtocolVersion "TLSv1.2_2021".`);
            return;
        }
        const version = certificate.minimumProtocolVersion;
        if (version === undefined) {
            report(`${where} sets no viewerCertificate.minimumProtocolVersion, so CloudFront accepts TLSv1: set it to "TLSv1.2_2021".`);
            return;
        }
        const parsed = typeof version === "string" ? viewerProtocolVersion(version) : undefined;
        if (parsed === undefined) {
            report(`${where} sets viewerCertificate.minimumProtocolVersion to ${typeof version === "string" ? `'${version}'` : describeType(version)}, not a CloudFront protocol version: set it to "TLSv1.2_2021".`);
        } else if (parsed < minimum) {
            report(`${where} accepts ${version} from viewers: set viewerCertificate.minimumProtocolVersion to "TLSv1.2_2021" (TLS ${config.minimumTlsVersion}+).`);
        }
    },
});
