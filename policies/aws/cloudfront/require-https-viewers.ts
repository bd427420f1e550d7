import { resourcePolicy } from "../../lib/define";
import { cacheBehaviours, DISTRIBUTION_TYPE } from "../../lib/edge";
import { judgeEach } from "../../lib/unknowns";
import { describeType } from "../../lib/values";

const HTTPS_ONLY = new Set(["redirect-to-https", "https-only"]);

export default resourcePolicy({
    name: "aws-cloudfront-require-https-viewers",
    description: "Every CloudFront cache behaviour, default and ordered, redirects viewers to HTTPS or accepts HTTPS only.",
    priority: "P0",
    severity: "high",
    checklist: ["000.authentication-security.https-enforced", "003.domain-ssl-tls.https-redirect", "004.network-security.https-redirect"],
    remediationSteps: "Set viewerProtocolPolicy to \"redirect-to-https\" (or \"https-only\") on defaultCacheBehavior and on every orderedCacheBehaviors entry.",
    tags: ["transport-security"],
    resourceTypes: [DISTRIBUTION_TYPE],
    validate: ({ name, props }, _config, report) => {
        // Each behaviour on its own: one unknown during preview hides no other's violation.
        judgeEach(cacheBehaviours(props), report, ({ where, behaviour }, report) => {
            const policy = behaviour?.viewerProtocolPolicy;
            if (typeof policy === "string" && HTTPS_ONLY.has(policy)) {
                return;
            }
            const value = typeof policy === "string" ? `'${policy}'` : describeType(policy);
            report(`CloudFront distribution '${name}' ${where} has viewerProtocolPolicy ${value}, which lets viewers use plain HTTP: set it to "redirect-to-https".`);
        });
    },
});
