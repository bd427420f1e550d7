import type * as aws from "@pulumi/aws";
import { patch, scenario } from "../scenario";

export default scenario({
    description: "The partner API opened to the internet (a REGIONAL endpoint without the VPC endpoint's resource policy) and its stage left without its WAF web ACL",
    violations: [
        ["aws-wafv2-require-web-acl", "partner-api-prod"],
        // A public API also needs its DNS record and a health check.
        ["aws-route53-require-endpoint-records", "partner-api"],
        ["aws-route53-require-health-checks", "partner-api"],
    ],
    omit: ["partner-api-prod-waf"],
    patches: [patch<aws.apigateway.RestApiArgs>("aws:apigateway/restApi:RestApi", "partner-api", (a) => {
        a.endpointConfiguration = { types: "REGIONAL" };
        delete a.policy;
    })],
});
