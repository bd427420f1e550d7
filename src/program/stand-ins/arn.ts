import { kebab, StandInContext } from "./naming";

/**
 * ARNs shaped like AWS's: `arn:aws:<service>:<region>:<account>:<resource-type>/<name>`, the service
 * taken from the token's module and the resource type from the class or function noun. The tables
 * hold only the services whose ARNs depart from that shape; anything not listed gets the general one,
 * which is plausible if not exact.
 */

/** Token modules whose ARN service has another name. */
const SERVICES: Record<string, string> = {
    alb: "elasticloadbalancing",
    lb: "elasticloadbalancing",
    elb: "elasticloadbalancing",
    applicationloadbalancing: "elasticloadbalancing",
    elasticloadbalancing: "elasticloadbalancing",
    elasticloadbalancingv2: "elasticloadbalancing",
    appautoscaling: "application-autoscaling",
    cfg: "config",
    cognito: "cognito-idp",
    efs: "elasticfilesystem",
    elasticsearch: "es",
    opensearch: "es",
    msk: "kafka",
    sfn: "states",
    ssoadmin: "sso",
    apigatewayv2: "apigateway",
};

/** Nouns whose ARN belongs to another service than their module (`aws:cloudwatch/logGroup` is `logs`). */
const NOUN_SERVICES: Record<string, string> = {
    logGroup: "logs",
    logStream: "logs",
    eventBus: "events",
    eventRule: "events",
    role: "iam",
    instanceProfile: "iam",
    user: "iam",
    bucket: "s3",
    topic: "sns",
    queue: "sqs",
    function: "lambda",
    kmsKey: "kms",
    key: "kms",
    certificate: "acm",
    targetGroup: "elasticloadbalancing",
    loadBalancer: "elasticloadbalancing",
    secret: "secretsmanager",
    stateMachine: "states",
    callerIdentity: "sts",
};

/** Services whose ARNs name no region: IAM and other global services. */
const NO_REGION = new Set(["iam", "route53", "cloudfront", "organizations", "s3", "sts", "waf", "globalaccelerator"]);
/** Services whose ARNs name no account either. */
const NO_ACCOUNT = new Set(["route53", "s3"]);
/** Services whose resource part is the name alone. */
const NAME_ONLY = new Set(["s3", "sns", "sqs"]);
/** Services that separate the resource type from the name with a colon. */
const COLON = new Set(["lambda", "rds", "logs", "elasticache", "states", "secretsmanager", "cloudwatch", "redshift", "docdb", "neptune", "codedeploy"]);
/** `service:noun` to the resource type AWS writes, where kebab-casing the noun does not give it. */
const RESOURCE_TYPES: Record<string, string> = {
    "route53:zone": "hostedzone",
    "route53:hostedZone": "hostedzone",
    "cloudwatch:metricAlarm": "alarm",
    "cloudwatch:compositeAlarm": "alarm",
    "rds:instance": "db",
    "docdb:clusterInstance": "db",
    "neptune:clusterInstance": "db",
    "rds:clusterInstance": "db",
    "states:stateMachine": "stateMachine",
    "elasticloadbalancing:loadBalancer": "loadbalancer/app",
    "elasticloadbalancing:targetGroup": "targetgroup",
    "elasticloadbalancing:listener": "listener/app",
    "elasticloadbalancing:listenerRule": "listener-rule/app",
    "kms:kmsKey": "key",
    "sts:callerIdentity": "assumed-role",
    "secretsmanager:secretVersion": "secret",
};

/** The ARN service of a token module (`ec2`, `lb`) or, where it says more, of the noun. */
export function arnService(module: string, noun: string): string {
    return NOUN_SERVICES[noun] ?? SERVICES[module] ?? (module === "index" ? "iam" : module);
}

export function arn(service: string, noun: string, name: string, context: StandInContext, path = "/"): string {
    const region = NO_REGION.has(service) ? "" : context.region;
    const account = NO_ACCOUNT.has(service) ? "" : context.accountId;
    const partition = context.region.startsWith("cn-") ? "aws-cn" : context.region.startsWith("us-gov-") ? "aws-us-gov" : "aws";
    const type = RESOURCE_TYPES[`${service}:${noun}`] ?? kebab(noun);
    let resource: string;
    if (NAME_ONLY.has(service)) {
        resource = name;
    } else if (COLON.has(service)) {
        resource = `${type}:${name}`;
    } else {
        // IAM paths sit between the type and the name: `role/service-role/name`.
        resource = `${type}${service === "iam" ? path : "/"}${name}`;
    }
    return `arn:${partition}:${service}:${region}:${account}:${resource}`;
}
