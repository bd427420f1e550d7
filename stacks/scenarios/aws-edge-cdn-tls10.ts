import type * as aws from "@pulumi/aws";
import { patch, scenario } from "../scenario";

export default scenario({
    description: "CloudFront accepts TLS 1.0 from viewers",
    violations: [["aws-cloudfront-require-tls12-viewer", "app-cdn"]],
    patches: [patch<aws.cloudfront.DistributionArgs & { viewerCertificate: aws.types.input.cloudfront.DistributionViewerCertificate }>("aws:cloudfront/distribution:Distribution", "app-cdn", (a) => {
        a.viewerCertificate.minimumProtocolVersion = "TLSv1";
    })],
});
