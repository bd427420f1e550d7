import type * as aws from "@pulumi/aws";
import { patch, scenario } from "../scenario";

export default scenario({
    description: "CloudFront serves the default cache behaviour over plain HTTP too (allow-all)",
    violations: [["aws-cloudfront-require-https-viewers", "app-cdn"]],
    patches: [patch<aws.cloudfront.DistributionArgs & { defaultCacheBehavior: aws.types.input.cloudfront.DistributionDefaultCacheBehavior }>("aws:cloudfront/distribution:Distribution", "app-cdn", (a) => {
        a.defaultCacheBehavior.viewerProtocolPolicy = "allow-all";
    })],
});
