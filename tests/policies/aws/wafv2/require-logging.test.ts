import type * as aws from "@pulumi/aws";
import policy from "../../../../policies/aws/wafv2/require-logging";
import { checkStack, UNKNOWN, urnOf } from "../../../harness/policy";

const ACL = "aws:wafv2/webAcl:WebAcl";
const LOGGING = "aws:wafv2/webAclLoggingConfiguration:WebAclLoggingConfiguration";
const visibility = { cloudwatchMetricsEnabled: true, metricName: "app-waf", sampledRequestsEnabled: true };
const acl = (name: string): aws.wafv2.WebAclArgs => ({ name, scope: "REGIONAL", defaultAction: { allow: {} }, visibilityConfig: visibility });
const logging = (resourceArn: string): aws.wafv2.WebAclLoggingConfigurationArgs => ({
    resourceArn, logDestinationConfigs: ["arn:aws:logs:us-east-1:123456789012:log-group:aws-waf-logs-app"],
});
const ARN = "arn:aws:wafv2:us-east-1:123456789012:regional/webacl/app-waf/a1b2c3d4";

describe("aws-wafv2-require-logging", () => {
    it("passes a web ACL with a logging configuration joined through the graph, its ARN unknown", () => {
        const verdict = checkStack(policy, [
            { type: ACL, name: "app-waf", props: { ...acl("app-waf"), name: UNKNOWN } },
            { type: LOGGING, name: "app-waf-logging", props: logging(UNKNOWN), propertyDependencies: { resourceArn: [urnOf(ACL, "app-waf")] } },
        ]);
        expect(verdict).toEqual({ violations: [], urns: [] });
    });
    it("passes a web ACL named in a logging configuration's ARN", () => {
        expect(checkStack(policy, [{ type: ACL, name: "waf", props: acl("app-waf") }, { type: LOGGING, name: "waf-logging", props: logging(ARN) }]).violations).toEqual([]);
    });
    it("fires on a web ACL without a logging configuration, on the ACL", () => {
        const verdict = checkStack(policy, [
            { type: ACL, name: "app-waf", props: acl("app-waf") },
            { type: ACL, name: "edge-waf", props: acl("edge-waf") },
            { type: LOGGING, name: "app-waf-logging", props: logging(ARN) },
        ]);
        expect(verdict.violations).toEqual([expect.stringContaining("WAF web ACL 'edge-waf' has no logging configuration")]);
        expect(verdict.urns).toEqual([urnOf(ACL, "edge-waf")]);
    });
    it("passes a stack without web ACLs", () => expect(checkStack(policy, [{ type: LOGGING, name: "orphan", props: logging(ARN) }]).violations).toEqual([]));
    it("reports a web ACL as unknown when a logging configuration names an ACL unknown during preview", () => {
        const verdict = checkStack(policy, [
            { type: ACL, name: "app-waf", props: acl("app-waf") },
            { type: LOGGING, name: "some-logging", props: logging(UNKNOWN) },
        ]);
        expect(verdict.violations).toEqual([]);
        expect(verdict.unknownUrns).toEqual([urnOf(ACL, "app-waf")]);
    });
    it("is exempted by config", () => {
        const verdict = checkStack(policy, [{ type: ACL, name: "staging-waf", props: acl("staging-waf") }], { exemptions: [{ resource: "staging-*", reason: "count mode only" }] });
        expect(verdict.violations).toEqual([]);
    });
});
