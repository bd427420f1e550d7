import type * as aws from "@pulumi/aws";
import policy from "../../../../policies/aws/apigateway/require-method-authorization";
import { checkResource, UNKNOWN } from "../../../harness/policy";

const METHOD = "aws:apigateway/method:Method";
const method = (httpMethod: string, authorization: string, extra: Partial<aws.apigateway.MethodArgs> = {}): aws.apigateway.MethodArgs =>
    ({ restApi: "a1b2c3", resourceId: "r1", httpMethod, authorization, ...extra });

describe("aws-apigateway-require-method-authorization", () => {
    it("passes IAM, Cognito and Lambda authorizers, and NONE with a required API key", () => {
        for (const props of [
            method("GET", "AWS_IAM"),
            method("POST", "COGNITO_USER_POOLS", { authorizerId: "au1", authorizationScopes: ["orders/write"] }),
            method("ANY", "CUSTOM", { authorizerId: "au2" }),
            method("GET", "NONE", { apiKeyRequired: true }),
        ]) {
            expect(checkResource(policy, { type: METHOD, props }).violations).toEqual([]);
        }
    });
    it("passes an OPTIONS method (CORS preflight) without authorization", () => {
        expect(checkResource(policy, { type: METHOD, props: method("options", "NONE") }).violations).toEqual([]);
    });
    it("fires on NONE without an API key, also with apiKeyRequired false and on ANY", () => {
        expect(checkResource(policy, { type: METHOD, name: "orders-get", props: method("GET", "NONE") }).violations)
            .toEqual([expect.stringContaining("API Gateway method 'orders-get' (GET) uses authorization \"NONE\" without apiKeyRequired")]);
        expect(checkResource(policy, { type: METHOD, props: method("POST", "none", { apiKeyRequired: false }) }).violations).toHaveLength(1);
        expect(checkResource(policy, { type: METHOD, props: method("ANY", "NONE") }).violations).toEqual([expect.stringContaining("(ANY)")]);
    });
    it("fires when authorization is omitted or malformed", () => {
        expect(checkResource(policy, { type: METHOD, props: { restApi: "a", resourceId: "r", httpMethod: "GET" } }).violations).toEqual([expect.stringContaining("sets no authorization")]);
        expect(checkResource(policy, { type: METHOD, props: { ...method("GET", "NONE"), authorization: 3 } }).violations).toEqual([expect.stringContaining("a number")]);
    });
    it("reports a value unknown during preview as unknown", () => {
        expect(checkResource(policy, { type: METHOD, props: method("GET", UNKNOWN) }).unknown).toBeDefined();
        expect(checkResource(policy, { type: METHOD, props: method(UNKNOWN, "NONE") }).unknown).toBeDefined();
    });
    it("takes the exempt HTTP methods from config", () => {
        expect(checkResource(policy, { type: METHOD, props: method("OPTIONS", "NONE"), config: { exemptHttpMethods: [] } }).violations).toHaveLength(1);
        expect(checkResource(policy, { type: METHOD, props: method("HEAD", "NONE"), config: { exemptHttpMethods: ["OPTIONS", "HEAD"] } }).violations).toEqual([]);
    });
});
