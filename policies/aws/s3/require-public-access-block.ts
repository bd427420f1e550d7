import type { PolicyResource } from "@pulumi/policy";
import { BUCKET_TYPES, indexLinks, linkJudge, ofTypes } from "../../lib/aws";
import { stackPolicy } from "../../lib/define";
import { isUnknownValueError } from "../../lib/unknowns";
import { bool, given } from "../../lib/values";

const BLOCK_TYPE = "aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock";
const ACCOUNT_BLOCK_TYPE = "aws:s3/accountPublicAccessBlock:AccountPublicAccessBlock";

/** The four settings of a public access block; each is false when omitted. */
const SETTINGS = ["blockPublicAcls", "blockPublicPolicy", "ignorePublicAcls", "restrictPublicBuckets"] as const;

/** The settings a block leaves off (omitted, false or not a boolean). */
function settingsOff(block: PolicyResource): string[] {
    return SETTINGS.filter((setting) => bool(given(block.props[setting])) !== true);
}

export default stackPolicy({
    name: "aws-s3-require-public-access-block",
    description: "Every S3 bucket has a public access block with all four settings on (blockPublicAcls, blockPublicPolicy, ignorePublicAcls, restrictPublicBuckets), or the stack declares an account-wide AccountPublicAccessBlock with all four on, so no ACL or bucket policy can make its objects public.",
    priority: "P0",
    severity: "high",
    checklist: ["003.security.least-privilege"],
    remediationSteps: "Add an aws.s3.BucketPublicAccessBlock with bucket: <bucket>.id and blockPublicAcls, blockPublicPolicy, ignorePublicAcls and restrictPublicBuckets all true (or one aws.s3.AccountPublicAccessBlock with all four true).",
    tags: ["secrets-identity"],
    resourceTypes: [...BUCKET_TYPES, BLOCK_TYPE, ACCOUNT_BLOCK_TYPE],
    validate: (resources, _config, report, context) => {
        const buckets = ofTypes(resources, BUCKET_TYPES);
        // An account-wide block with all four settings on covers every bucket of the account; one
        // whose settings are unknown during preview leaves unknown the buckets it could cover.
        let accountUnknown: unknown;
        for (const block of ofTypes(resources, [ACCOUNT_BLOCK_TYPE])) {
            try {
                if (settingsOff(block).length === 0) {
                    return;
                }
            } catch (error) {
                if (!isUnknownValueError(error)) {
                    throw error;
                }
                accountUnknown ??= error;
            }
        }
        const blocks = indexLinks(buckets, ofTypes(resources, [BLOCK_TYPE]), "bucket", (b) => [b.props.bucket]);
        const judge = linkJudge(blocks, (block) => {
            const off = settingsOff(block);
            return off.length === 0 ? undefined : `its public access block '${block.name}' leaves ${off.join(", ")} off`;
        });
        for (const bucket of buckets) {
            context.judge(bucket, () => {
                const problems = judge(bucket);
                if (problems === undefined) {
                    return;
                }
                if (accountUnknown !== undefined) {
                    throw accountUnknown;
                }
                const fix = "set blockPublicAcls, blockPublicPolicy, ignorePublicAcls and restrictPublicBuckets to true";
                if (problems.length > 0) {
                    report(`S3 bucket '${bucket.name}': ${problems.join("; ")}: ${fix}.`, bucket.urn);
                } else {
                    report(`S3 bucket '${bucket.name}' has no public access block: add an aws.s3.BucketPublicAccessBlock with bucket: ${bucket.name}.id and ${fix}.`, bucket.urn);
                }
            });
        }
    },
});
