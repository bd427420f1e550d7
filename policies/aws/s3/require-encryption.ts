import type { PolicyResource } from "@pulumi/policy";
import { BUCKET_TYPES, indexLinks, linkJudge, ofTypes } from "../../lib/aws";
import { stackPolicy } from "../../lib/define";
import { attempt } from "../../lib/unknowns";
import { describeSetting, given, isRecord, list, record, records, text } from "../../lib/values";

const ENCRYPTION_TYPES = [
    "aws:s3/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration",
    "aws:s3/bucketServerSideEncryptionConfigurationV2:BucketServerSideEncryptionConfigurationV2",
];

/** The algorithms S3 default encryption accepts: SSE-S3, SSE-KMS and dual-layer SSE-KMS. */
const ALGORITHMS = ["AES256", "aws:kms", "aws:kms:dsse"] as const;

/** The `sseAlgorithm` of each default-encryption rule, wherever a resource type nests it. */
function algorithms(rules: unknown[]): unknown[] {
    return rules.filter(isRecord).flatMap((rule) => {
        const byDefault = given(rule.applyServerSideEncryptionByDefault ?? rule.applyServerSideEncryptionByDefaults);
        return byDefault === undefined ? [] : (Array.isArray(byDefault) ? byDefault : [byDefault]).map((d) => record(d)?.sseAlgorithm);
    });
}

/** The rules of a bucket's inline (deprecated) configuration; undefined when it declares none. */
function inlineRules(bucket: PolicyResource): unknown[] | undefined {
    const single = given(bucket.props.serverSideEncryptionConfiguration);
    if (single !== undefined) {
        return [record(single)?.rule];
    }
    const many = given(bucket.props.serverSideEncryptionConfigurations);
    return many === undefined ? undefined : records(many).flatMap((c) => list(c.rules));
}

/** What is wrong with a set of rules, or undefined when every rule names an allowed algorithm. */
function rulesProblem(rules: unknown[], allowed: readonly string[]): string | undefined {
    const found = algorithms(rules);
    if (found.length === 0) {
        return "declares no applyServerSideEncryptionByDefault rule";
    }
    for (const value of found) {
        const algorithm = text(given(value));
        if (algorithm === undefined) {
            return describeSetting("sseAlgorithm", given(value));
        }
        if (!allowed.includes(algorithm)) {
            return `sets sseAlgorithm '${algorithm}', not one of ${allowed.join(", ")}`;
        }
    }
    return undefined;
}

export default stackPolicy({
    name: "aws-s3-require-encryption",
    description: "Every S3 bucket declares its default encryption with an allowed algorithm (SSE-S3 AES256, SSE-KMS aws:kms or DSSE-KMS aws:kms:dsse), with a BucketServerSideEncryptionConfiguration or the bucket's inline setting, so the key it uses is chosen and reviewed.",
    priority: "P1",
    severity: "medium",
    checklist: ["004.data-security.encryption-at-rest", "003.security.data-encryption", "002.compliance-verification.data-encryption"],
    remediationSteps: "Add an aws.s3.BucketServerSideEncryptionConfiguration with bucket: <bucket>.id and a rule applyServerSideEncryptionByDefault: { sseAlgorithm: \"aws:kms\" } (or \"AES256\", \"aws:kms:dsse\").",
    tags: ["encryption"],
    config: {
        acceptDefaultEncryption: {
            type: "boolean",
            default: false,
            description: "Accept a bucket without a declared configuration. Default false: S3 encrypts new objects with SSE-S3 since January 2023, but 002 asks for encryption to be verified, which needs it declared.",
        },
        allowedAlgorithms: {
            type: "array",
            items: { type: "string", enum: ALGORITHMS },
            default: [...ALGORITHMS],
            description: "The sseAlgorithm values accepted. Default: every algorithm S3 default encryption offers (AES256, aws:kms, aws:kms:dsse, per the S3 PutBucketEncryption API); keep aws:kms and aws:kms:dsse to require KMS keys.",
        },
    },
    resourceTypes: [...BUCKET_TYPES, ...ENCRYPTION_TYPES],
    validate: (resources, config, report, context) => {
        if (config.acceptDefaultEncryption) {
            return;
        }
        const allowed = config.allowedAlgorithms;
        const buckets = ofTypes(resources, BUCKET_TYPES);
        const configurations = indexLinks(buckets, ofTypes(resources, ENCRYPTION_TYPES), "bucket", (b) => [b.props.bucket]);
        const judge = linkJudge(configurations, (c) => {
            const problem = rulesProblem(list(c.props.rules), allowed);
            return problem && `its encryption configuration '${c.name}' ${problem}`;
        });
        const fix = `sseAlgorithm one of ${allowed.map((a) => `"${a}"`).join(", ")}`;
        for (const bucket of buckets) {
            context.judge(bucket, () => {
                // Inline rules unknown during preview decide only when no linked configuration qualifies.
                const read = attempt(() => {
                    const rules = inlineRules(bucket);
                    return { rules, problem: rules && rulesProblem(rules, allowed) };
                });
                const inline = read.value?.rules;
                const inlineProblem = read.value?.problem;
                if (inline && inlineProblem === undefined) {
                    return;
                }
                const problems = judge(bucket);
                if (problems === undefined) {
                    return;
                }
                if (read.unknown !== undefined) {
                    throw read.unknown;
                }
                const problem = inlineProblem ? `its inline serverSideEncryptionConfiguration ${inlineProblem}` : problems[0];
                if (problem) {
                    report(`S3 bucket '${bucket.name}': ${problem}: set ${fix}.`, bucket.urn);
                } else {
                    report(`S3 bucket '${bucket.name}' has no server-side encryption configuration: add an aws.s3.BucketServerSideEncryptionConfiguration with bucket: ${bucket.name}.id and ${fix}.`, bucket.urn);
                }
            });
        }
    },
});
