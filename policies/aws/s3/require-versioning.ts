import { BUCKET_TYPES, indexLinks, linkJudge, ofTypes } from "../../lib/aws";
import { stackPolicy } from "../../lib/define";
import { attempt } from "../../lib/unknowns";
import { at, bool, given, records, text } from "../../lib/values";

const VERSIONING_TYPES = ["aws:s3/bucketVersioning:BucketVersioning", "aws:s3/bucketVersioningV2:BucketVersioningV2"];

export default stackPolicy({
    name: "aws-s3-require-versioning",
    description: "Every S3 bucket keeps object versions, so an overwrite or a delete can be undone.",
    priority: "P1",
    severity: "medium",
    checklist: ["003.backup-disaster-recovery.backup-strategy", "002.compliance-verification.backup-security"],
    remediationSteps: "Add an aws.s3.BucketVersioning with bucket: <bucket>.id and versioningConfiguration: { status: \"Enabled\" }, and a lifecycle rule that expires noncurrent versions.",
    tags: ["data-protection"],
    resourceTypes: [...BUCKET_TYPES, ...VERSIONING_TYPES],
    validate: (resources, _config, report, context) => {
        const buckets = ofTypes(resources, BUCKET_TYPES);
        const versionings = indexLinks(buckets, ofTypes(resources, VERSIONING_TYPES), "bucket", (b) => [b.props.bucket]);
        const judge = linkJudge(versionings, (v) => {
            const status = text(at(v.props.versioningConfiguration, "status"));
            return status === "Enabled" ? undefined : `its BucketVersioning '${v.name}' sets status ${status ? `"${status}"` : "to nothing"}`;
        });
        for (const bucket of buckets) {
            context.judge(bucket, () => {
                // The deprecated inline setting: `versioning` on Bucket, `versionings` on BucketV2.
                // An inline setting unknown during preview decides only when no BucketVersioning enables versioning.
                const inline = attempt(() => {
                    const setting = given(bucket.props.versioning) ?? records(given(bucket.props.versionings))[0];
                    return setting !== undefined && bool(at(setting, "enabled")) === true;
                });
                if (inline.value === true) {
                    return;
                }
                const problems = judge(bucket);
                if (problems !== undefined && inline.unknown !== undefined) {
                    throw inline.unknown;
                }
                if (problems !== undefined) {
                    report(`S3 bucket '${bucket.name}' has no versioning enabled${problems.length ? ` (${problems.join("; ")})` : ""}: add an aws.s3.BucketVersioning with bucket: ${bucket.name}.id and versioningConfiguration.status "Enabled".`, bucket.urn);
                }
            });
        }
    },
});
