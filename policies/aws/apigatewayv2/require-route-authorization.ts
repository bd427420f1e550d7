import type { PolicyResource } from "@pulumi/policy";
import { EXEMPT_HTTP_METHODS, isExemptMethod } from "../apigateway/require-method-authorization";
import { stackPolicy } from "../../lib/define";
import { byType, graphLinks } from "../../lib/edge";
import { bool, describeSetting, given, text } from "../../lib/values";

const API = "aws:apigatewayv2/api:Api";
const ROUTE = "aws:apigatewayv2/route:Route";

/**
 * The API's protocol: from the aws.apigatewayv2.Api the route's apiId was built from (the
 * dependency graph links them while the API id is unknown), else from the route key's shape
 * ("GET /orders" is HTTP; "$connect", "$disconnect" and action names are WebSocket). "$default"
 * exists in both and is judged as HTTP's catch-all route, the stricter reading.
 */
function protocolOf(route: PolicyResource, apis: ReadonlyMap<string, PolicyResource>, key: string): "HTTP" | "WEBSOCKET" {
    const linked = graphLinks(route, "apiId", new Set(apis.keys())).byGraph;
    if (linked.length === 1) {
        const protocol = text(apis.get(linked[0])?.props.protocolType)?.trim().toUpperCase();
        if (protocol === "HTTP" || protocol === "WEBSOCKET") {
            return protocol;
        }
    }
    return key === "$default" || /\s/.test(key) ? "HTTP" : "WEBSOCKET";
}

export default stackPolicy({
    name: "aws-apigatewayv2-require-route-authorization",
    description: "API Gateway HTTP API routes authorize their callers (JWT, IAM or Lambda authorizer), except CORS preflight (OPTIONS) routes; a WebSocket API authorizes the connection on its $connect route, the only route that can take a Lambda authorizer, so the other WebSocket routes are not judged.",
    priority: "P0",
    severity: "high",
    checklist: ["003.security.least-privilege"],
    remediationSteps: "Set authorizationType to \"JWT\", \"AWS_IAM\" or \"CUSTOM\" (with authorizerId) on every HTTP API route other than OPTIONS, and on the $connect route of a WebSocket API (or apiKeyRequired: true there).",
    tags: ["secrets-identity"],
    config: { exemptHttpMethods: EXEMPT_HTTP_METHODS },
    resourceTypes: [API, ROUTE],
    validate: (resources, config, report, context) => {
        const ofType = byType(resources);
        const apis = new Map(ofType(API).map((api) => [api.urn, api]));
        for (const route of ofType(ROUTE)) {
            context.judge(route, () => {
                const where = `API Gateway v2 route '${route.name}'`;
                const type = given(route.props.authorizationType) ?? "NONE";
                const authorization = text(type)?.trim().toUpperCase();
                if (authorization === undefined) {
                    report(`${where} ${describeSetting("authorizationType", type)}: set it to "JWT", "AWS_IAM" or "CUSTOM".`, route.urn);
                    return;
                }
                if (authorization !== "NONE") {
                    return;
                }
                const key = text(given(route.props.routeKey))?.trim() ?? "";
                const protocol = protocolOf(route, apis, key);
                if (protocol === "WEBSOCKET") {
                    // Messages of every other route travel on a connection authorized at $connect.
                    if (key === "$connect" && bool(route.props.apiKeyRequired) !== true) {
                        report(`${where} ($connect of a WebSocket API) uses authorizationType "NONE" without apiKeyRequired, so anyone can open a connection and send every route's messages: set authorizationType to "AWS_IAM" or "CUSTOM" (a Lambda REQUEST authorizer) on $connect.`, route.urn);
                    }
                    return;
                }
                const method = key.split(/\s+/)[0];
                if (key !== "$default" && isExemptMethod(method, config.exemptHttpMethods)) {
                    return;
                }
                const shown = key === "$default" ? "$default, the catch-all route" : /^[A-Z]{1,10}$|^ANY$/.test(method) ? method : "an HTTP route";
                report(`${where} (${shown}) uses authorizationType "NONE", so anyone who can reach the API can call it: set authorizationType to "JWT", "AWS_IAM" or "CUSTOM" (with authorizerId).`, route.urn);
            });
        }
    },
});
