import { BUCKET_TYPES, ofTypes, unlinkedTargets } from "../../lib/aws";
import { stackPolicy } from "../../lib/define";
import { at, bool, text } from "../../lib/values";

const VERSIONING_TYPES = ["aws:s3/bucketVersioning:BucketVersioning", "aws:s3/bucketVersioningV2:BucketVersioningV2"];

export default stackPolicy({
    name: "aws-s3-require-versioning",
    description: "Every S3 bucket keeps object versions, so an overwrite or a delete can be undone.",
    priority: "P1",
    severity: "medium",
    checklist: ["003.backup-disaster-recovery.backup-strategy", "002.compliance-verification.backup-security"],
    remediationSteps: "Add an aws.s3.BucketVersioning with bucket: <bucket>.id and versioningConfiguration: { status: \"Enabled\" }, and a lifecycle rule that expires noncurrent versions.",
    tags: ["data-protection"],
    validate: (resources, _config, report) => {
        const buckets = ofTypes(resources, BUCKET_TYPES).filter((b) => bool(at(b.props.versioning, "enabled")) !== true);
        const enabled = ofTypes(resources, VERSIONING_TYPES).filter((v) => text(at(v.props.versioningConfiguration, "status")) === "Enabled");
        for (const bucket of unlinkedTargets(buckets, enabled, "bucket", (b) => [b.props.bucket])) {
            report(`S3 bucket '${bucket.name}' has no versioning enabled: add an aws.s3.BucketVersioning with bucket: ${bucket.name}.id and versioningConfiguration.status "Enabled".`, bucket.urn);
        }
    },
});
