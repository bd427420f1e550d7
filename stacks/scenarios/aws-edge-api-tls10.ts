import * as aws from "@pulumi/aws";
import { scenario } from "../scenario";

export default scenario({
    description: "An API Gateway custom domain (REST) and an HTTP API domain accept TLS 1.0",
    violations: [
        ["aws-apigateway-require-tls12", "api-domain"],
        ["aws-apigateway-require-tls12", "api-v2-domain"],
    ],
    extra: () => {
        const certificateArn = "arn:aws:acm:us-east-1:123456789012:certificate/api";
        new aws.apigateway.DomainName("api-domain", {
            domainName: "api.shop.example.com",
            regionalCertificateArn: certificateArn,
            endpointConfiguration: { types: "REGIONAL" },
            securityPolicy: "TLS_1_0",
        });
        new aws.apigatewayv2.DomainName("api-v2-domain", {
            domainName: "ws.shop.example.com",
            domainNameConfiguration: { certificateArn, endpointType: "REGIONAL", securityPolicy: "TLS_1_0" },
        });
    },
});
