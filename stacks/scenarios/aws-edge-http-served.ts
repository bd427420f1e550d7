import type * as aws from "@pulumi/aws";
import { patch, scenario } from "../scenario";

export default scenario({
    description: "The HTTP listener answers itself instead of redirecting to HTTPS",
    violations: [["aws-lb-require-https-redirect", "app-http"]],
    patches: [patch<aws.lb.ListenerArgs>("aws:lb/listener:Listener", "app-http", (a) => {
        a.defaultActions = [{ type: "fixed-response", fixedResponse: { contentType: "text/plain", statusCode: "200", messageBody: "ok" } }];
    })],
});
