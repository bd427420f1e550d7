import type * as aws from "@pulumi/aws";
import policy from "../../../../policies/aws/apigatewayv2/require-route-authorization";
import { checkStack, UNKNOWN, urnOf } from "../../../harness/policy";

const API = "aws:apigatewayv2/api:Api";
const ROUTE = "aws:apigatewayv2/route:Route";
const http: aws.apigatewayv2.ApiArgs = { protocolType: "HTTP" };
const ws: aws.apigatewayv2.ApiArgs = { protocolType: "WEBSOCKET", routeSelectionExpression: "$request.body.action" };
const route = (routeKey: string, extra: Partial<aws.apigatewayv2.RouteArgs> = {}): aws.apigatewayv2.RouteArgs => ({ apiId: UNKNOWN, routeKey, ...extra });
const onApi = (api: string, name: string, props: aws.apigatewayv2.RouteArgs) => ({ type: ROUTE, name, props, dependencies: [urnOf(API, api)], propertyDependencies: { apiId: [urnOf(API, api)] } });

describe("aws-apigatewayv2-require-route-authorization", () => {
    it("passes authorized HTTP routes, an OPTIONS route, and an authorized $connect", () => {
        const verdict = checkStack(policy, [
            { type: API, name: "http", props: http },
            { type: API, name: "ws", props: ws },
            onApi("http", "get", route("GET /orders", { authorizationType: "JWT", authorizerId: "au1" })),
            onApi("http", "post", route("POST /orders", { authorizationType: "AWS_IAM" })),
            onApi("http", "preflight", route("OPTIONS /{proxy+}")),
            onApi("ws", "connect", route("$connect", { authorizationType: "CUSTOM", authorizerId: "au2" })),
            onApi("ws", "send", route("sendMessage")),
            onApi("ws", "default", route("$default")),
            onApi("ws", "disconnect", route("$disconnect")),
        ]);
        expect(verdict.violations).toEqual([]);
        expect(verdict.unknownUrns).toBeUndefined();
    });
    it("passes a WebSocket $connect with a required API key", () => {
        expect(checkStack(policy, [{ type: API, name: "ws", props: ws }, onApi("ws", "connect", route("$connect", { apiKeyRequired: true }))]).violations).toEqual([]);
    });
    it("fires on open HTTP routes, the $default catch-all included, when authorizationType is NONE or omitted", () => {
        const verdict = checkStack(policy, [
            { type: API, name: "http", props: http },
            onApi("http", "get", route("GET /orders", { authorizationType: "NONE" })),
            onApi("http", "catch-all", route("$default")),
        ]);
        expect(verdict.violations).toEqual([
            expect.stringContaining("API Gateway v2 route 'get' (GET) uses authorizationType \"NONE\""),
            expect.stringContaining("route 'catch-all' ($default, the catch-all route)"),
        ]);
        expect(verdict.urns).toEqual([urnOf(ROUTE, "get"), urnOf(ROUTE, "catch-all")]);
    });
    it("fires on an open WebSocket $connect, found by its key when the API is not in the stack", () => {
        const verdict = checkStack(policy, [{ type: ROUTE, name: "connect", props: route("$connect") }, { type: ROUTE, name: "ping", props: route("ping") }]);
        expect(verdict.violations).toEqual([expect.stringContaining("route 'connect' ($connect of a WebSocket API)")]);
    });
    it("judges $default of an API outside the stack as HTTP's catch-all", () => {
        expect(checkStack(policy, [{ type: ROUTE, name: "d", props: { apiId: "abc123", routeKey: "$default" } }]).violations).toHaveLength(1);
    });
    it("fires on a malformed authorizationType", () => {
        expect(checkStack(policy, [{ type: ROUTE, name: "r", props: { ...route("GET /x"), authorizationType: 1 } }]).violations).toEqual([expect.stringContaining("a number")]);
    });
    it("reports only the route whose values are unknown during preview", () => {
        const verdict = checkStack(policy, [
            { type: ROUTE, name: "unknown", props: route("GET /a", { authorizationType: UNKNOWN }) },
            { type: ROUTE, name: "open", props: route("GET /b") },
        ]);
        expect(verdict.violations).toEqual([expect.stringContaining("route 'open'")]);
        expect(verdict.unknownUrns).toEqual([urnOf(ROUTE, "unknown")]);
    });
    it("takes the exempt HTTP methods from config", () => {
        const resources = [{ type: ROUTE, name: "preflight", props: route("OPTIONS /x") }, { type: ROUTE, name: "head", props: route("HEAD /x") }];
        expect(checkStack(policy, resources).violations).toEqual([expect.stringContaining("'head'")]);
        expect(checkStack(policy, resources, { exemptHttpMethods: ["HEAD"] }).violations).toEqual([expect.stringContaining("'preflight'")]);
    });
});
