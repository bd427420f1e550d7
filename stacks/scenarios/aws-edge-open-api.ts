import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { patch, scenario } from "../scenario";

export default scenario({
    description: "APIs open and unobserved: the partner API stage without access logs or tracing and its GET method callable without a key; an events HTTP API stage without access logs and a route without authorization; an events Lambda function untraced, with its environment under the AWS managed key and a public function URL",
    violations: [
        ["aws-apigateway-require-access-logs", "partner-api-prod"],
        ["aws-apigateway-require-tracing", "partner-api-prod"],
        ["aws-apigateway-require-method-authorization", "partner-api-orders-get"],
        ["aws-apigatewayv2-require-access-logs", "events-http-prod"],
        ["aws-apigatewayv2-require-route-authorization", "events-http-list"],
        ["aws-lambda-require-tracing", "events-handler"],
        ["aws-lambda-require-environment-kms", "events-handler"],
        ["aws-lambda-require-function-url-auth", "events-handler-url"],
    ],
    patches: [
        patch<aws.apigateway.StageArgs>("aws:apigateway/stage:Stage", "partner-api-prod", (a) => {
            delete a.accessLogSettings;
            a.xrayTracingEnabled = false;
        }),
        patch<aws.apigateway.MethodArgs>("aws:apigateway/method:Method", "partner-api-orders-get", (a) => { a.apiKeyRequired = false; }),
    ],
    extra: () => {
        // The events HTTP API is managed with the platform team's stack; its routes and stage are declared here.
        const apiId = "h1t2t3p4a5";
        new aws.apigatewayv2.Route("events-http-list", { apiId, routeKey: "GET /events", authorizationType: "NONE" });
        new aws.apigatewayv2.Route("events-http-preflight", { apiId, routeKey: "OPTIONS /events" });
        new aws.apigatewayv2.Stage("events-http-prod", { apiId, name: "prod", autoDeploy: true, defaultRouteSettings: { throttlingRateLimit: 50, throttlingBurstLimit: 100 } });
        const handler = new aws.lambda.Function("events-handler", {
            role: "arn:aws:iam::123456789012:role/events-handler",
            runtime: "nodejs22.x",
            handler: "index.handler",
            code: new pulumi.asset.AssetArchive({ "index.js": new pulumi.asset.StringAsset("exports.handler = async () => ({ statusCode: 200 });") }),
            tracingConfig: { mode: "PassThrough" },
            environment: { variables: { NODE_ENV: "production", EVENTS_TABLE: "app-events" } },
        });
        new aws.lambda.FunctionUrl("events-handler-url", { functionName: handler.name, authorizationType: "NONE" });
    },
});
