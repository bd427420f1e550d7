import type * as aws from "@pulumi/aws";
import policy from "../../../../policies/aws/ssm/require-secure-string";
import { checkResource, UNKNOWN } from "../../../harness/policy";

const PARAMETER = "aws:ssm/parameter:Parameter";
const parameter = (name: string, type: string): aws.ssm.ParameterArgs => ({ name, type, value: "x" });

describe("aws-ssm-require-secure-string", () => {
    it("passes a secret-named SecureString and a plain String that is no secret", () => {
        expect(checkResource(policy, { type: PARAMETER, props: parameter("/app/prod/db-password", "SecureString") }).violations).toEqual([]);
        expect(checkResource(policy, { type: PARAMETER, props: parameter("/app/prod/log-level", "String") }).violations).toEqual([]);
    });
    it("fires on a secret-named String or StringList, whatever the separators", () => {
        for (const name of ["/app/prod/db-password", "/app/API_KEY", "/app/jwt.secret", "/app/github-token", "/app/private-key"]) {
            expect(checkResource(policy, { type: PARAMETER, name: "p", props: parameter(name, "String") }).violations).toEqual([expect.stringContaining(`SSM parameter 'p' (${name}) looks like a secret`)]);
        }
        expect(checkResource(policy, { type: PARAMETER, props: parameter("/app/tokens", "StringList") }).violations).toHaveLength(1);
    });
    it("uses the resource name when the parameter name is omitted", () => {
        expect(checkResource(policy, { type: PARAMETER, name: "stripe-api-key", props: { type: "String", value: "x" } }).violations).toHaveLength(1);
    });
    it("fires on a type that is not a string, without crashing", () => {
        expect(checkResource(policy, { type: PARAMETER, props: { name: "/app/password", type: 3 } }).violations).toEqual([expect.stringContaining("type is a number")]);
    });
    it("never prints the value", () => {
        const [message] = checkResource(policy, { type: PARAMETER, props: { name: "/app/password", type: "String", value: "hunter2" } }).violations;
        expect(message).not.toContain("hunter2");
    });
    it("reports a type unknown during preview as unknown", () => {
        expect(checkResource(policy, { type: PARAMETER, props: parameter("/app/password", UNKNOWN) }).unknown).toBeDefined();
    });
    it("takes the secret words from config", () => {
        const props = parameter("/app/webhook-signature", "String");
        expect(checkResource(policy, { type: PARAMETER, props }).violations).toEqual([]);
        expect(checkResource(policy, { type: PARAMETER, props, config: { secretWords: ["signature"] } }).violations).toHaveLength(1);
    });

    it("passes a SecureString without reading its name, which may be unknown during preview", () => {
        expect(checkResource(policy, { type: PARAMETER, props: parameter(UNKNOWN, "SecureString") })).toEqual({ violations: [] });
        expect(checkResource(policy, { type: PARAMETER, props: parameter(UNKNOWN, "String") }).unknown).toBeDefined();
    });
});
