import type * as aws from "@pulumi/aws";
import policy from "../../../../policies/aws/lb/require-https-redirect";
import { checkResource, UNKNOWN } from "../../../harness/policy";

const LISTENER = "aws:lb/listener:Listener";
const TARGET = "arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/web/1";

function listener(mutate?: (args: aws.lb.ListenerArgs & { defaultActions: aws.types.input.lb.ListenerDefaultAction[] }) => void): aws.lb.ListenerArgs {
    const args = {
        loadBalancerArn: "arn:aws:elasticloadbalancing:us-east-1:123456789012:loadbalancer/app/web/1",
        port: 80,
        protocol: "HTTP",
        defaultActions: [{ type: "redirect", redirect: { protocol: "HTTPS", port: "443", statusCode: "HTTP_301" } }] as aws.types.input.lb.ListenerDefaultAction[],
    };
    mutate?.(args);
    return args;
}

describe("aws-lb-require-https-redirect", () => {
    it("passes an HTTP listener that only redirects to HTTPS", () => {
        expect(checkResource(policy, { type: LISTENER, props: listener() }).violations).toEqual([]);
    });

    it("fires on an HTTP listener that forwards, on the aws.alb alias too", () => {
        const props = listener((l) => { l.defaultActions = [{ type: "forward", targetGroupArn: TARGET }]; });
        expect(checkResource(policy, { type: "aws:alb/listener:Listener", name: "web", props }).violations).toEqual([
            expect.stringContaining("HTTP listener 'web' default action #1 is 'forward'"),
        ]);
    });

    it("fires on a redirect that keeps plain HTTP", () => {
        const props = listener((l) => { l.defaultActions = [{ type: "redirect", redirect: { port: "8080", statusCode: "HTTP_302" } }]; });
        expect(checkResource(policy, { type: LISTENER, props }).violations).toEqual([expect.stringContaining("redirect.protocol unset")]);
        const http = listener((l) => { l.defaultActions = [{ type: "redirect", redirect: { protocol: "HTTP", statusCode: "HTTP_302" } }]; });
        expect(checkResource(policy, { type: LISTENER, props: http }).violations).toEqual([expect.stringContaining("protocol 'HTTP'")]);
    });

    it("fires on a fixed response next to the redirect", () => {
        const props = listener((l) => { l.defaultActions.push({ type: "fixed-response", fixedResponse: { contentType: "text/plain", statusCode: "200" } }); });
        expect(checkResource(policy, { type: LISTENER, props }).violations).toEqual([expect.stringContaining("default action #2 is 'fixed-response'")]);
    });

    it("treats an omitted protocol as HTTP (the provider's default)", () => {
        const props = listener((l) => { delete l.protocol; l.defaultActions = [{ type: "forward", targetGroupArn: TARGET }]; });
        expect(checkResource(policy, { type: LISTENER, props }).violations).toHaveLength(1);
    });

    it("fires when defaultActions is empty or not a list, without crashing", () => {
        expect(checkResource(policy, { type: LISTENER, props: { ...listener(), defaultActions: [] } }).violations).toEqual([expect.stringContaining("no defaultActions")]);
        expect(checkResource(policy, { type: LISTENER, props: { ...listener(), defaultActions: "redirect" } }).violations).toEqual([expect.stringContaining("a string defaultActions")]);
    });

    it("leaves HTTPS, TCP and UDP listeners alone", () => {
        for (const protocol of ["HTTPS", "TCP", "UDP", "TLS"]) {
            const props = listener((l) => { l.protocol = protocol; l.defaultActions = [{ type: "forward", targetGroupArn: TARGET }]; });
            expect(checkResource(policy, { type: LISTENER, props }).violations).toEqual([]);
        }
    });

    it("reports a redirect protocol unknown during preview as unknown", () => {
        const props = listener((l) => { l.defaultActions = [{ type: "redirect", redirect: { protocol: UNKNOWN, statusCode: "HTTP_301" } }]; });
        const verdict = checkResource(policy, { type: LISTENER, props });
        expect(verdict.unknown).toBeDefined();
        expect(verdict.violations).toEqual([]);
    });

    it("reports a forward action next to one unknown during preview", () => {
        const props = listener((l) => { l.defaultActions = [UNKNOWN as never, { type: "forward", targetGroupArn: TARGET }]; });
        expect(checkResource(policy, { type: LISTENER, name: "http", props }).violations).toEqual([expect.stringContaining("HTTP listener 'http' default action #2 is 'forward'")]);
        expect(checkResource(policy, { type: LISTENER, props: listener((l) => { l.defaultActions = [UNKNOWN as never]; }) }).unknown).toBeDefined();
    });
});
