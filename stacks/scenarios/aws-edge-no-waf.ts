import { scenario } from "../scenario";

export default scenario({
    description: "The public ALB is not associated with its WAF web ACL",
    violations: [["aws-wafv2-require-web-acl", "app-alb"]],
    omit: ["app-waf-alb"],
});
