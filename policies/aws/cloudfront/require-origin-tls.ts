import { resourcePolicy } from "../../lib/define";
import { cacheBehaviours, DISTRIBUTION_TYPE } from "../../lib/edge";
import { describeType, given, list, record, text } from "../../lib/values";

/** Viewer protocol policies under which every request CloudFront forwards arrived over HTTPS. */
const HTTPS_VIEWERS = new Set(["https-only", "redirect-to-https"]);

export default resourcePolicy({
    name: "aws-cloudfront-require-origin-tls",
    description: "CloudFront distributions reach their custom origins over HTTPS with TLS 1.2: originProtocolPolicy \"https-only\" (\"match-viewer\" only when every cache behaviour sends viewers to HTTPS) and originSslProtocols limited to the allowed versions.",
    priority: "P0",
    severity: "high",
    checklist: ["000.authentication-security.tls-1-2", "004.network-security.tls-1-2", "004.data-security.encryption-in-transit", "003.security.data-encryption"],
    remediationSteps: "Set customOriginConfig.originProtocolPolicy: \"https-only\" and originSslProtocols: [\"TLSv1.2\"] on every custom origin, and serve the origin with a certificate for its domain.",
    tags: ["transport-security"],
    config: {
        allowedOriginSslProtocols: {
            type: "array",
            items: { type: "string", enum: ["SSLv3", "TLSv1", "TLSv1.1", "TLSv1.2"] },
            default: ["TLSv1.2"],
            description: "SSL/TLS versions CloudFront may use to reach a custom origin. Default TLSv1.2: 000 and 004 require TLS 1.2 or newer (CloudFront negotiates TLS 1.3 with an origin that offers it whenever TLSv1.2 is allowed).",
        },
    },
    resourceTypes: [DISTRIBUTION_TYPE],
    validate: ({ name, props }, config, report) => {
        const allowed = new Set<string>(config.allowedOriginSslProtocols);
        const allowedText = config.allowedOriginSslProtocols.map((p) => `"${p}"`).join(", ");
        // Read only when an origin says "match-viewer": a viewer policy unknown during preview then matters.
        let viewersHttps: boolean | undefined;
        const everyViewerHttps = () => viewersHttps ??= cacheBehaviours(props).every(({ behaviour }) => HTTPS_VIEWERS.has(text(behaviour?.viewerProtocolPolicy)?.trim() ?? ""));
        list(props.origins).forEach((entry, i) => {
            const origin = record(entry);
            const custom = given(origin?.customOriginConfig);
            if (custom === undefined) {
                return;
            }
            const id = text(origin?.originId);
            const where = `CloudFront distribution '${name}' origin ${id && /^[\w.-]{1,64}$/.test(id) ? `'${id}'` : `#${i + 1}`}`;
            const settings = record(custom);
            if (settings === undefined) {
                report(`${where} sets customOriginConfig to ${describeType(custom)}, not an object: set it with originProtocolPolicy: "https-only" and originSslProtocols: ["TLSv1.2"].`);
                return;
            }
            const policy = given(settings.originProtocolPolicy);
            const value = text(policy)?.trim();
            if (value === "http-only") {
                report(`${where} uses originProtocolPolicy "http-only", so requests travel to the origin unencrypted: set originProtocolPolicy: "https-only".`);
            } else if (value === "match-viewer") {
                if (!everyViewerHttps()) {
                    report(`${where} uses originProtocolPolicy "match-viewer" while a cache behaviour accepts HTTP viewers, so their requests reach the origin unencrypted: set originProtocolPolicy: "https-only" (or viewerProtocolPolicy "redirect-to-https" on every cache behaviour).`);
                }
            } else if (value !== "https-only") {
                report(`${where} sets originProtocolPolicy to ${value === undefined ? describeType(policy) : "a value CloudFront does not accept"}: set originProtocolPolicy: "https-only".`);
            }
            const protocols = given(settings.originSslProtocols);
            if (protocols === undefined) {
                report(`${where} omits originSslProtocols: set originSslProtocols to ${allowedText}.`);
                return;
            }
            const versions = (Array.isArray(protocols) ? protocols : [protocols]).map((p) => text(p)?.trim());
            const refused = versions.filter((v) => v === undefined || !allowed.has(v));
            if (refused.length > 0) {
                const shown = refused.map((v) => v !== undefined && /^(SSLv3|TLSv1(\.[0-3])?)$/.test(v) ? v : "an unreadable value").join(", ");
                report(`${where} lets CloudFront reach the origin with ${shown} (originSslProtocols): keep only ${allowedText}.`);
            }
        });
    },
});
