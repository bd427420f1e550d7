import { indexLinks, ofTypes } from "../../lib/aws";
import { stackPolicy } from "../../lib/define";

const WEB_ACL = "aws:wafv2/webAcl:WebAcl";
const LOGGING = "aws:wafv2/webAclLoggingConfiguration:WebAclLoggingConfiguration";

export default stackPolicy({
    name: "aws-wafv2-require-logging",
    description: "Every WAF web ACL in the stack logs the requests it inspects: an aws.wafv2.WebAclLoggingConfiguration names it in resourceArn (joined through the dependency graph, or by the ACL's name in the ARN), so blocked and rate-limited requests can be searched and alarmed on.",
    priority: "P1",
    severity: "medium",
    checklist: ["003.monitoring-logging.log-aggregation", "004.logging.log-aggregation", "002.monitoring-and-logging.log-aggregation"],
    remediationSteps: "Declare an aws.wafv2.WebAclLoggingConfiguration with resourceArn: webAcl.arn and logDestinationConfigs: [<arn of a CloudWatch log group, S3 bucket or Firehose stream whose name starts with aws-waf-logs->].",
    tags: ["observability"],
    resourceTypes: [WEB_ACL, LOGGING],
    validate: (resources, _config, report, context) => {
        const acls = ofTypes(resources, [WEB_ACL]);
        if (acls.length === 0) {
            return;
        }
        const logging = indexLinks(acls, ofTypes(resources, [LOGGING]), "resourceArn", (acl) => [acl.props.name]);
        for (const acl of acls) {
            context.judge(acl, () => {
                if (logging.of(acl).length > 0) {
                    return;
                }
                if (logging.unplaced.length > 0) {
                    throw logging.unplaced[0].error; // a logging configuration of unknown web ACL may be this one's
                }
                const keyError = logging.keyErrors.get(acl.urn);
                if (keyError !== undefined) {
                    throw keyError;
                }
                report(`WAF web ACL '${acl.name}' has no logging configuration, so the requests it blocks are not recorded: declare an aws.wafv2.WebAclLoggingConfiguration with resourceArn: the web ACL's arn and a log destination named aws-waf-logs-*.`, acl.urn);
            });
        }
    },
});
