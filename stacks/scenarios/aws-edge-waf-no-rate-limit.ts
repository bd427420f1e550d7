import type * as aws from "@pulumi/aws";
import { patch, scenario } from "../scenario";

export default scenario({
    description: "The CloudFront web ACL keeps the managed rules but drops its rate-based rule",
    violations: [["aws-wafv2-require-web-acl", "app-edge-waf"]],
    patches: [patch<Omit<aws.wafv2.WebAclArgs, "rules"> & { rules: aws.types.input.wafv2.WebAclRule[] }>("aws:wafv2/webAcl:WebAcl", "app-edge-waf", (a) => {
        a.rules = a.rules.filter((r) => r.name !== "rate-limit-per-ip");
    })],
});
