import * as aws from "@pulumi/aws";
import type { Network } from "./network";

export interface Edge {
    loadBalancer: aws.lb.LoadBalancer;
    targetGroup: aws.lb.TargetGroup;
    httpsListener: aws.lb.Listener;
    certificate: aws.acm.Certificate;
}

export const DOMAIN = "shop.example.com";

/** An internet-facing ALB that serves HTTPS with TLS 1.2+ and only redirects plain HTTP. */
export function edge(net: Network): Edge {
    const certificate = new aws.acm.Certificate("app-cert", { domainName: DOMAIN, validationMethod: "DNS" });
    const loadBalancer = new aws.lb.LoadBalancer("app-alb", {
        loadBalancerType: "application",
        internal: false,
        subnets: net.publicSubnets.map((s) => s.id),
        securityGroups: [net.albSecurityGroup.id],
        dropInvalidHeaderFields: true,
        enableDeletionProtection: true,
    });
    const targetGroup = new aws.lb.TargetGroup("app-tg", {
        vpcId: net.vpc.id,
        port: 8080,
        protocol: "HTTP",
        targetType: "ip",
        healthCheck: { path: "/health", matcher: "200", interval: 15, healthyThreshold: 2, unhealthyThreshold: 3 },
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

/** A CloudFront distribution in front of the ALB: TLS 1.2 at the viewer, HTTP redirected to HTTPS. */
export function cdn(lb: Edge): aws.cloudfront.Distribution {
    return new aws.cloudfront.Distribution("app-cdn", {
        enabled: true,
        aliases: [`www.${DOMAIN}`],
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
        },
        restrictions: { geoRestriction: { restrictionType: "none" } },
        viewerCertificate: {
            acmCertificateArn: lb.certificate.arn,
            sslSupportMethod: "sni-only",
            minimumProtocolVersion: "TLSv1.2_2021",
        },
    });
}
