import type { PolicyResource } from "@pulumi/policy";
import { BUCKET_TYPES, graphTargets, indexByName, indexLinks, ofTypes } from "../../lib/aws";
import { stackPolicy } from "../../lib/define";
import { bool, given, integer, isDeclared, isGiven, record, records, text } from "../../lib/values";

const TRAIL = "aws:cloudtrail/trail:Trail";
const LOG_GROUP = "aws:cloudwatch/logGroup:LogGroup";
const LIFECYCLE_TYPES = ["aws:s3/bucketLifecycleConfiguration:BucketLifecycleConfiguration", "aws:s3/bucketLifecycleConfigurationV2:BucketLifecycleConfigurationV2"];

/** An S3 lifecycle rule, as far as deleting log objects goes. */
interface ExpiryRule {
    where: string;
    enabled: boolean;
    prefix: string;
    /** Rules that select objects by tag never touch CloudTrail's objects, which carry none. */
    byTag: boolean;
    days: unknown;
    date: unknown;
}

function configurationRules(lifecycle: PolicyResource): ExpiryRule[] {
    return records(lifecycle.props.rules).map((rule, i) => {
        const filter = record(rule.filter);
        const and = record(filter?.and);
        const expiration = record(rule.expiration);
        return {
            where: `rule ${text(rule.id) ? `'${text(rule.id)}'` : `#${i + 1}`} of lifecycle configuration '${lifecycle.name}'`,
            enabled: text(rule.status) === "Enabled",
            prefix: text(given(filter?.prefix)) ?? text(given(and?.prefix)) ?? text(given(rule.prefix)) ?? "",
            byTag: isGiven(filter?.tag) || Object.keys(record(and?.tags) ?? {}).length > 0,
            days: expiration?.days,
            date: expiration?.date,
        };
    });
}

function inlineRules(bucket: PolicyResource): ExpiryRule[] {
    return records(bucket.props.lifecycleRules).map((rule, i) => {
        const expiration = record(rule.expiration);
        return {
            where: `lifecycle rule ${text(rule.id) ? `'${text(rule.id)}'` : `#${i + 1}`} of bucket '${bucket.name}'`,
            enabled: bool(rule.enabled) === true,
            prefix: text(given(rule.prefix)) ?? "",
            byTag: Object.keys(record(rule.tags) ?? {}).length > 0,
            days: expiration?.days,
            date: expiration?.date,
        };
    });
}

/** What deletes the trail's objects under `logPath` too early, or undefined. */
function expiryProblem(rule: ExpiryRule, logPath: string, minimum: number): string | undefined {
    if (!rule.enabled || rule.byTag || !(logPath.startsWith(rule.prefix) || rule.prefix.startsWith(logPath))) {
        return undefined;
    }
    if (isGiven(rule.date)) {
        return `${rule.where} deletes the logs on a fixed date`;
    }
    const days = integer(given(rule.days));
    return days !== undefined && days < minimum ? `${rule.where} deletes the logs after ${days} day(s)` : undefined;
}

/** The log group name in a CloudWatch Logs ARN ("arn:aws:logs:us-east-1:123456789012:log-group:audit:*"). */
function logGroupName(arn: string): string | undefined {
    return /:log-group:([^:]+)/.exec(arn)?.[1];
}

export default stackPolicy({
    name: "aws-cloudtrail-require-log-retention",
    description: "CloudTrail trails keep their audit logs at least the minimum number of days: no lifecycle rule of the trail's S3 bucket in the stack deletes its log objects sooner (rules by tag never match CloudTrail's untagged objects), and the CloudWatch log group it delivers to keeps them at least as long. Logs kept forever pass; a bucket or log group declared outside the stack is not judged.",
    priority: "P1",
    severity: "medium",
    checklist: ["000.compliance-audit.audit-logs-retained"],
    remediationSteps: "Raise the bucket's lifecycle expiration (expiration.days) for the AWSLogs/ prefix, and the delivery log group's retentionInDays, to the minimum or more; or remove the expiration to keep the audit logs forever.",
    tags: ["observability"],
    config: {
        minimumDays: {
            type: "integer", minimum: 1, maximum: 3653, default: 90,
            description: "Minimum days audit logs are kept. Default 90: 000 asks for audit logs retained \"per policy\" without a period, and 004 keeps logs 30-90 days; audit logs take the upper end. At most 3653, the longest finite retention CloudWatch Logs offers.",
        },
    },
    resourceTypes: [TRAIL, ...BUCKET_TYPES, ...LIFECYCLE_TYPES, LOG_GROUP],
    validate: (resources, config, report, context) => {
        const trails = ofTypes(resources, [TRAIL]);
        if (trails.length === 0) {
            return;
        }
        const buckets = ofTypes(resources, BUCKET_TYPES);
        const lifecycles = indexLinks(buckets, ofTypes(resources, LIFECYCLE_TYPES), "bucket", (b) => [b.props.bucket]);
        const logGroups = ofTypes(resources, [LOG_GROUP]);
        let bucketsByName: Map<string, PolicyResource[]> | undefined;
        let groupsByName: ReturnType<typeof indexByName> | undefined;
        for (const trail of trails) {
            context.judge(trail, () => {
                const problems: string[] = [];
                const bucketRef = graphTargets(trail, "s3BucketName", buckets);
                let bucket: PolicyResource | undefined = bucketRef.byGraph[0];
                if (bucketRef.needsValue) {
                    const named = text(given(trail.props.s3BucketName));
                    bucketsByName ??= new Map(buckets.flatMap((b) => {
                        const name = text(given(b.props.bucket));
                        return name ? [[name, [b]] as [string, PolicyResource[]]] : [];
                    }));
                    bucket = named ? bucketsByName.get(named)?.[0] : undefined;
                }
                if (bucket) {
                    if (lifecycles.unplaced.length > 0) {
                        throw lifecycles.unplaced[0].error; // a lifecycle configuration of unknown bucket may be this bucket's
                    }
                    const prefix = text(given(trail.props.s3KeyPrefix));
                    const logPath = `${prefix ? `${prefix.replace(/\/+$/, "")}/` : ""}AWSLogs/`;
                    const rules = [...inlineRules(bucket), ...lifecycles.of(bucket).flatMap(configurationRules)];
                    rules.forEach((rule) => {
                        const problem = expiryProblem(rule, logPath, config.minimumDays);
                        if (problem) {
                            problems.push(`${problem} from bucket '${bucket.name}'`);
                        }
                    });
                }
                // The group's ARN is often another resource's output, unknown during preview: the graph names it.
                if (isDeclared(trail.props, "cloudWatchLogsGroupArn")) {
                    const groupRef = graphTargets(trail, "cloudWatchLogsGroupArn", logGroups);
                    let group: PolicyResource | undefined = groupRef.byGraph[0];
                    if (groupRef.needsValue) {
                        groupsByName ??= indexByName(logGroups);
                        const name = logGroupName(text(trail.props.cloudWatchLogsGroupArn) ?? "");
                        group = name ? groupsByName.byName.get(name)?.[0] : undefined;
                        if (name && !group && groupsByName.unknownName !== undefined) {
                            throw groupsByName.unknownName;
                        }
                    }
                    const days = group ? integer(given(group.props.retentionInDays)) : undefined;
                    if (group && days !== undefined && days > 0 && days < config.minimumDays) {
                        problems.push(`log group '${group.name}' keeps its logs ${days} day(s)`);
                    }
                }
                if (problems.length > 0) {
                    report(`CloudTrail trail '${trail.name}' keeps its audit logs less than the minimum ${config.minimumDays} days: ${problems.join("; ")}. Keep them ${config.minimumDays} days or more (expiration.days, retentionInDays), or remove the expiration.`, trail.urn);
                }
            });
        }
    },
});
