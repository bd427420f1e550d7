import * as aws from "@pulumi/aws";
import { included } from "../../scenario";
import { wafLogging } from "./audit-logs";
import { cdnAccessLogs } from "./edge-logs";
import { ACCOUNT_ID } from "./account";
import { logBucket } from "./governance";
import type { Network } from "./network";

export interface Edge {
    loadBalancer: aws.lb.LoadBalancer;
    targetGroup: aws.lb.TargetGroup;
    httpsListener: aws.lb.Listener;
    certificate: aws.acm.Certificate;
}

export const DOMAIN = "shop.example.com";

// The Elastic Load Balancing account that writes access logs in us-east-1.
const ELB_LOG_WRITER = "arn:aws:iam::127311923021:root";

const visibility = (metricName: string) => ({ cloudwatchMetricsEnabled: true, metricName, sampledRequestsEnabled: true });

/** A web ACL that blocks clients above 60 requests a minute (300 per 5-minute window), applies AWS's common rule set and logs its requests. */
function webAcl(name: string, scope: "REGIONAL" | "CLOUDFRONT"): aws.wafv2.WebAcl {
    return wafLogging(name, new aws.wafv2.WebAcl(name, {
        scope,
        defaultAction: { allow: {} },
        visibilityConfig: visibility(name),
        rules: [
            {
                name: "rate-limit-per-ip",
                priority: 1,
                action: { block: {} },
                statement: { rateBasedStatement: { limit: 300, evaluationWindowSec: 300, aggregateKeyType: "IP" } },
                visibilityConfig: visibility(`${name}-rate`),
            },
            {
                name: "aws-common-rules",
                priority: 2,
                overrideAction: { none: {} },
                statement: { managedRuleGroupStatement: { vendorName: "AWS", name: "AWSManagedRulesCommonRuleSet" } },
                visibilityConfig: visibility(`${name}-common`),
            },
        ],
    }));
}

/** An internet-facing ALB that serves HTTPS with TLS 1.2+, only redirects plain HTTP, logs to S3 and sits behind WAF. */
export function edge(net: Network): Edge {
    const certificate = new aws.acm.Certificate("app-cert", { domainName: DOMAIN, subjectAlternativeNames: [`www.${DOMAIN}`], validationMethod: "DNS" });
    const accessLogs = logBucket("app-alb-logs", [{ sid: "AllowElbLogDelivery", principal: { AWS: ELB_LOG_WRITER }, prefix: `alb/AWSLogs/${ACCOUNT_ID}` }]);
    const loadBalancer = new aws.lb.LoadBalancer("app-alb", {
        loadBalancerType: "application",
        internal: false,
        subnets: net.publicSubnets.map((s) => s.id),
        securityGroups: [net.albSecurityGroup.id],
        dropInvalidHeaderFields: true,
        enableDeletionProtection: true,
        accessLogs: { bucket: accessLogs.bucket.bucket, prefix: "alb", enabled: true },
    }, { dependsOn: [accessLogs.policy] });
    if (included("app-waf-alb")) {
        new aws.wafv2.WebAclAssociation("app-waf-alb", { resourceArn: loadBalancer.arn, webAclArn: webAcl("app-waf", "REGIONAL").arn });
    }
    const targetGroup = new aws.lb.TargetGroup("app-tg", {
        vpcId: net.vpc.id,
        port: 8080,
        protocol: "HTTPS",
        targetType: "ip",
        healthCheck: { path: "/health", protocol: "HTTPS", matcher: "200", interval: 15, healthyThreshold: 2, unhealthyThreshold: 3 },
    });
    const httpsListener = new aws.lb.Listener("app-https", {
        loadBalancerArn: loadBalancer.arn,
        port: 443,
        protocol: "HTTPS",
        sslPolicy: "ELBSecurityPolicy-TLS13-1-2-2021-06",
        certificateArn: certificate.arn,
        defaultActions: [{ type: "forward", targetGroupArn: targetGroup.arn }],
    });
    new aws.lb.Listener("app-http", {
        loadBalancerArn: loadBalancer.arn,
        port: 80,
        protocol: "HTTP",
        defaultActions: [{ type: "redirect", redirect: { protocol: "HTTPS", port: "443", statusCode: "HTTP_301" } }],
    });
    return { loadBalancer, targetGroup, httpsListener, certificate };
}

/** A CloudFront distribution in front of the ALB: TLS 1.2 at the viewer, HTTP redirected to HTTPS, HSTS, WAF. */
export function cdn(lb: Edge): aws.cloudfront.Distribution {
    const headers = new aws.cloudfront.ResponseHeadersPolicy("app-headers", {
        comment: "HSTS and the other security headers",
        securityHeadersConfig: {
            strictTransportSecurity: { accessControlMaxAgeSec: 31536000, includeSubdomains: true, preload: true, override: true },
            contentTypeOptions: { override: true },
            frameOptions: { frameOption: "SAMEORIGIN", override: true },
            referrerPolicy: { referrerPolicy: "strict-origin-when-cross-origin", override: true },
            xssProtection: { protection: true, modeBlock: true, override: true },
        },
    });
    return cdnAccessLogs("app-cdn", new aws.cloudfront.Distribution("app-cdn", {
        enabled: true,
        aliases: [`www.${DOMAIN}`],
        webAclId: webAcl("app-edge-waf", "CLOUDFRONT").arn,
        origins: [{
            originId: "alb",
            domainName: lb.loadBalancer.dnsName,
            customOriginConfig: { httpPort: 80, httpsPort: 443, originProtocolPolicy: "https-only", originSslProtocols: ["TLSv1.2"] },
        }],
        defaultCacheBehavior: {
            targetOriginId: "alb",
            viewerProtocolPolicy: "redirect-to-https",
            allowedMethods: ["GET", "HEAD", "OPTIONS"],
            cachedMethods: ["GET", "HEAD"],
            forwardedValues: { queryString: true, cookies: { forward: "none" } },
            responseHeadersPolicyId: headers.id,
            compress: true,
        },
        restrictions: { geoRestriction: { restrictionType: "none" } },
        viewerCertificate: {
            acmCertificateArn: lb.certificate.arn,
            sslSupportMethod: "sni-only",
            minimumProtocolVersion: "TLSv1.2_2021",
        },
    }));
}
