import type * as aws from "@pulumi/aws";
import { patch, scenario } from "../scenario";

export default scenario({
    description: "The HTTPS listener falls back to the AWS default policy ELBSecurityPolicy-2016-08, which accepts TLS 1.0",
    violations: [["aws-lb-require-tls12-listener", "app-https"]],
    patches: [patch<aws.lb.ListenerArgs>("aws:lb/listener:Listener", "app-https", (a) => { a.sslPolicy = "ELBSecurityPolicy-2016-08"; })],
});
