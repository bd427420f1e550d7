import { resourcePolicy } from "../../lib/define";
import { bool, describeSetting, given, text } from "../../lib/values";

/**
 * The exempt HTTP methods setting of the REST and HTTP API authorization policies: CORS preflight
 * requests (OPTIONS) carry no credentials, so browsers could not send them to an authorized method.
 */
export const EXEMPT_HTTP_METHODS = {
    type: "array",
    items: { type: "string", minLength: 1 },
    default: ["OPTIONS"],
    description: "HTTP methods that may stay open without authorization. Default OPTIONS: browsers send CORS preflight requests without credentials, so a preflight method must not require any (003: least privilege still applies to every other method).",
} as const;

/** True when `method` is one of the exempt methods (HTTP methods are compared case-insensitively). */
export function isExemptMethod(method: string, exempt: readonly string[]): boolean {
    return exempt.some((m) => m.trim().toUpperCase() === method.trim().toUpperCase());
}

export default resourcePolicy({
    name: "aws-apigateway-require-method-authorization",
    description: "API Gateway REST API methods authorize their callers: an authorizer (IAM, Cognito or Lambda) or a required API key, except CORS preflight (OPTIONS) methods.",
    priority: "P0",
    severity: "high",
    checklist: ["003.security.least-privilege"],
    remediationSteps: "Set authorization to \"AWS_IAM\", \"COGNITO_USER_POOLS\" or \"CUSTOM\" (with authorizerId), or apiKeyRequired: true with the key in a usage plan, on every method other than OPTIONS.",
    tags: ["secrets-identity"],
    config: { exemptHttpMethods: EXEMPT_HTTP_METHODS },
    resourceTypes: ["aws:apigateway/method:Method"],
    validate: ({ name, props }, config, report) => {
        const where = `API Gateway method '${name}'`;
        const authorization = given(props.authorization);
        const value = text(authorization);
        if (value === undefined) {
            report(`${where} ${describeSetting("authorization", authorization)}: set it to "AWS_IAM", "COGNITO_USER_POOLS" or "CUSTOM".`);
            return;
        }
        if (value.trim().toUpperCase() !== "NONE" || bool(props.apiKeyRequired) === true) {
            return;
        }
        const method = text(given(props.httpMethod));
        if (method !== undefined && isExemptMethod(method, config.exemptHttpMethods)) {
            return;
        }
        const verb = method === undefined ? "" : ` (${/^[A-Za-z]{1,10}$/.test(method.trim()) ? method.trim().toUpperCase() : "an unreadable HTTP method"})`;
        report(`${where}${verb} uses authorization "NONE" without apiKeyRequired, so anyone who can reach the API can call it: set authorization to "AWS_IAM", "COGNITO_USER_POOLS" or "CUSTOM" (with authorizerId), or apiKeyRequired: true.`);
    },
});
