import { resourcePolicy } from "../../lib/define";
import { cacheBehaviours, DISTRIBUTION_TYPE } from "../../lib/edge";
import { anyPasses, judgeItems, knownItems, knownOr, Parts } from "../../lib/unknowns";
import { describeSetting, describeType, given, record, showSetting, text } from "../../lib/values";

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
        // A behaviour that accepts HTTP, known during preview, decides before one that is unknown.
        let viewersHttps: boolean | undefined;
        const everyViewerHttps = () => viewersHttps ??= !anyPasses(cacheBehaviours(props), ({ behaviour }) => !HTTPS_VIEWERS.has(text(behaviour?.viewerProtocolPolicy)?.trim() ?? ""));
        // Each origin on its own: one unknown during preview hides no other's violation. Its id only names it.
        judgeItems(props.origins, report, (entry, i, report) => {
            const origin = record(entry);
            const custom = given(origin?.customOriginConfig);
            if (custom === undefined) {
                return;
            }
            const id = knownOr(() => text(origin?.originId), undefined);
            const where = `CloudFront distribution '${name}' origin ${id && /^[\w.-]{1,64}$/.test(id) ? `'${id}'` : `#${i + 1}`}`;
            const settings = record(custom);
            if (settings === undefined) {
                report(`${where} sets customOriginConfig to ${describeType(custom)}, not an object: set it with originProtocolPolicy: "https-only" and originSslProtocols: ["TLSv1.2"].`);
                return;
            }
            // The protocol policy and the TLS versions apart: one unknown during preview hides no violation of the other.
            const parts = new Parts(report);
            parts.judge(() => {
                const policy = given(settings.originProtocolPolicy);
                const value = text(policy)?.trim();
                if (value === "http-only") {
                    parts.report(`${where} uses originProtocolPolicy "http-only", so requests travel to the origin unencrypted: set originProtocolPolicy: "https-only".`);
                } else if (value === "match-viewer") {
                    if (!everyViewerHttps()) {
                        parts.report(`${where} uses originProtocolPolicy "match-viewer" while a cache behaviour accepts HTTP viewers, so their requests reach the origin unencrypted: set originProtocolPolicy: "https-only" (or viewerProtocolPolicy "redirect-to-https" on every cache behaviour).`);
                    }
                } else if (value !== "https-only") {
                    parts.report(`${where} ${value === undefined ? describeSetting("originProtocolPolicy", policy) : `sets originProtocolPolicy to ${showSetting(value)}, which CloudFront does not accept (it takes http-only, match-viewer or https-only)`}: set originProtocolPolicy: "https-only".`);
                }
            });
            parts.judge(() => {
                const protocols = given(settings.originSslProtocols);
                if (protocols === undefined) {
                    parts.report(`${where} omits originSslProtocols: set originSslProtocols to ${allowedText}.`);
                    return;
                }
                // A version known during preview that CloudFront must refuse decides before one that is unknown.
                const { items, unknown } = knownItems(Array.isArray(protocols) ? protocols : [protocols]);
                const refused = items.filter((p) => text(p) === undefined || !allowed.has(text(p)!.trim()));
                if (refused.length > 0) {
                    const shown = refused.map((p) => (text(p) !== undefined && /^(SSLv3|TLSv1(\.[0-3])?)$/.test(text(p)!.trim()) ? text(p)!.trim() : text(p) !== undefined ? showSetting(text(p)) : `${describeType(p)} (not a protocol name)`)).join(", ");
                    parts.report(`${where} lets CloudFront reach the origin with ${shown} (originSslProtocols): keep only ${allowedText}.`);
                } else if (unknown !== undefined) {
                    throw unknown;
                }
            });
            parts.settle();
        });
    },
});
