import type * as aws from "@pulumi/aws";
import { patch, scenario } from "../scenario";

export default scenario({
    description: "The CloudFront response headers policy sends HSTS for five minutes only",
    violations: [["aws-cloudfront-require-hsts", "app-headers"]],
    patches: [patch<aws.cloudfront.ResponseHeadersPolicyArgs & { securityHeadersConfig: { strictTransportSecurity: { accessControlMaxAgeSec: number } } }>(
        "aws:cloudfront/responseHeadersPolicy:ResponseHeadersPolicy", "app-headers", (a) => {
            a.securityHeadersConfig.strictTransportSecurity.accessControlMaxAgeSec = 300;
        })],
});
