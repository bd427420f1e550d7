import { resourcePolicy } from "../../lib/define";
import { cacheBehaviours, DISTRIBUTION_TYPE } from "../../lib/edge";
import { judgeEach } from "../../lib/unknowns";
import { describeType } from "../../lib/values";

export default resourcePolicy({
    name: "aws-cloudfront-require-compression",
    description: "Every CloudFront cache behaviour, default and ordered, compresses what it serves (gzip and Brotli).",
    priority: "P2",
    severity: "low",
    checklist: ["002.performance-optimization.compression"],
    remediationSteps: "Set compress: true on defaultCacheBehavior and on every orderedCacheBehaviors entry.",
    tags: ["network"],
    resourceTypes: [DISTRIBUTION_TYPE],
    validate: ({ name, props }, _config, report) => {
        // Each behaviour on its own: one unknown during preview hides no other's violation.
        judgeEach(cacheBehaviours(props), report, ({ where, behaviour }, report) => {
            if (behaviour === undefined) {
                return;
            }
            const compress = behaviour.compress;
            if (compress === true || compress === "true") {
                return;
            }
            // The provider's default is false: CloudFront then serves every object uncompressed.
            const state = compress === undefined || compress === null ? "omits compress, which defaults to false" : compress === false || compress === "false" ? "sets compress to false" : `sets compress to ${describeType(compress)}, not a boolean`;
            report(`CloudFront distribution '${name}' ${where} ${state}, so text assets are served uncompressed: set compress: true.`);
        });
    },
});
