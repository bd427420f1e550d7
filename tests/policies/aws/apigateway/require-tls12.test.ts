import type * as aws from "@pulumi/aws";
import policy from "../../../../policies/aws/apigateway/require-tls12";
import { checkResource, UNKNOWN } from "../../../harness/policy";

const REST = "aws:apigateway/domainName:DomainName";
const V2 = "aws:apigatewayv2/domainName:DomainName";
const CERT = "arn:aws:acm:us-east-1:123456789012:certificate/1";

const rest = (securityPolicy?: string): aws.apigateway.DomainNameArgs => ({ domainName: "api.example.com", regionalCertificateArn: CERT, endpointConfiguration: { types: "REGIONAL" }, securityPolicy });
const v2 = (securityPolicy: string): aws.apigatewayv2.DomainNameArgs => ({ domainName: "api.example.com", domainNameConfiguration: { certificateArn: CERT, endpointType: "REGIONAL", securityPolicy } });

describe("aws-apigateway-require-tls12", () => {
    it("passes TLS_1_2 on REST and HTTP API domain names, and enhanced TLS 1.3 policies", () => {
        expect(checkResource(policy, { type: REST, props: rest("TLS_1_2") }).violations).toEqual([]);
        expect(checkResource(policy, { type: REST, props: rest("SecurityPolicy_TLS13_1_3_2025_09") }).violations).toEqual([]);
        expect(checkResource(policy, { type: V2, props: v2("TLS_1_2") }).violations).toEqual([]);
    });
    it("fires on TLS_1_0", () => {
        expect(checkResource(policy, { type: REST, name: "api", props: rest("TLS_1_0") }).violations).toEqual([expect.stringContaining("API Gateway domain name 'api' uses securityPolicy 'TLS_1_0'")]);
        expect(checkResource(policy, { type: V2, props: v2("TLS_1_0") }).violations).toEqual([expect.stringContaining("domainNameConfiguration.securityPolicy 'TLS_1_0'")]);
    });
    it("fires when the REST securityPolicy is omitted (API Gateway then accepts TLS 1.0)", () => {
        expect(checkResource(policy, { type: REST, props: rest() }).violations).toEqual([expect.stringContaining("leaves securityPolicy unset")]);
    });
    it("fires on malformed values, without crashing", () => {
        expect(checkResource(policy, { type: REST, props: { ...rest(), securityPolicy: 12 } }).violations).toEqual([expect.stringContaining("a number")]);
        expect(checkResource(policy, { type: V2, props: { domainName: "api.example.com" } }).violations).toEqual([expect.stringContaining("sets no domainNameConfiguration.securityPolicy")]);
    });
    it("treats an empty securityPolicy as omitted", () => {
        expect(checkResource(policy, { type: REST, props: rest("") }).violations).toEqual([expect.stringContaining("leaves securityPolicy unset")]);
        expect(checkResource(policy, { type: V2, props: v2("") }).violations).toEqual([expect.stringContaining("sets no domainNameConfiguration.securityPolicy")]);
    });
    it("reports a value unknown during preview as unknown", () => {
        expect(checkResource(policy, { type: V2, props: v2(UNKNOWN) }).unknown).toBeDefined();
    });
});
