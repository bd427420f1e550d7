import * as aws from "@pulumi/aws";
import { patch, scenario } from "../scenario";

/** Adds a statement to a policy document written as a JSON string. */
function withStatement(document: unknown, statement: aws.iam.PolicyStatement): string {
    const parsed = JSON.parse(String(document)) as { Statement: aws.iam.PolicyStatement[] };
    return JSON.stringify({ ...parsed, Statement: [...parsed.Statement, statement] });
}

export default scenario({
    description: "Trust and transport loosened: the webhook role assumable by any AWS principal and granted IAMFullAccess, the edge key usable by anyone, and the CDN reaching its origin with TLS 1.1 and writing no access logs",
    violations: [
        ["aws-iam-restrict-trust-policy", "app-webhook-role"],
        ["aws-iam-disallow-wildcard-admin", "app-webhook-role-iam"],
        ["aws-kms-restrict-key-policy", "app-edge-key"],
        ["aws-cloudfront-require-origin-tls", "app-cdn"],
        ["aws-cloudfront-require-access-logs", "app-cdn"],
    ],
    omit: ["app-cdn-access"],
    patches: [
        patch<aws.iam.RoleArgs>("aws:iam/role:Role", "app-webhook-role", (a) => {
            a.assumeRolePolicy = withStatement(a.assumeRolePolicy, { Sid: "AnyCaller", Effect: "Allow", Principal: { AWS: "*" }, Action: "sts:AssumeRole" });
        }),
        patch<aws.kms.KeyArgs>("aws:kms/key:Key", "app-edge-key", (a) => {
            a.policy = withStatement(a.policy, { Sid: "AnyDecrypt", Effect: "Allow", Principal: "*", Action: "kms:Decrypt", Resource: "*" });
        }),
        patch<aws.cloudfront.DistributionArgs & { origins: aws.types.input.cloudfront.DistributionOrigin[] }>("aws:cloudfront/distribution:Distribution", "app-cdn", (a) => {
            a.origins = a.origins.map((o) => ({ ...o, customOriginConfig: { httpPort: 80, httpsPort: 443, originProtocolPolicy: "https-only", originSslProtocols: ["TLSv1.1", "TLSv1.2"] } }));
        }),
    ],
    extra: () => {
        new aws.iam.RolePolicyAttachment("app-webhook-role-iam", { role: "app-webhook-role", policyArn: "arn:aws:iam::aws:policy/IAMFullAccess" });
    },
});
