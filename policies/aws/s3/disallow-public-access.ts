import { BUCKET_TYPES } from "../../lib/aws";
import { resourcePolicy } from "../../lib/define";
import { knownItems, Parts } from "../../lib/unknowns";
import { at, describeType, given, isGiven, isRecord, list, record, text } from "../../lib/values";

const ACL_TYPES = ["aws:s3/bucketAcl:BucketAcl", "aws:s3/bucketAclV2:BucketAclV2"];
const POLICY_TYPE = "aws:s3/bucketPolicy:BucketPolicy";
/** S3 objects: BucketObject and BucketObjectv2, each with its own canned ACL. */
const OBJECT_TYPES = ["aws:s3/bucketObject:BucketObject", "aws:s3/bucketObjectv2:BucketObjectv2"];

/** Canned ACLs that grant access to everyone, or to every AWS account (authenticated-read). */
const PUBLIC_ACLS = ["public-read", "public-read-write", "authenticated-read"];

/** The grantee groups that make a grant public: everyone, and every AWS account. */
const PUBLIC_GROUPS = ["http://acs.amazonaws.com/groups/global/AllUsers", "http://acs.amazonaws.com/groups/global/AuthenticatedUsers"];

/** True when a principal is everyone: "*", {AWS: "*"} or a list holding "*". */
function isEveryone(principal: unknown): boolean {
    if (principal === "*") {
        return true;
    }
    const aws = record(principal)?.AWS;
    return aws === "*" || list(aws).includes("*");
}

/** True when a statement's Condition limits it; an empty Condition limits nothing. */
function hasCondition(condition: unknown): boolean {
    return isRecord(condition) ? Object.keys(condition).length > 0 : given(condition) !== undefined;
}

/** What makes a policy document public, or undefined when no statement does. */
function publicStatement(document: unknown): string | undefined {
    let parsed = document;
    if (typeof document === "string") {
        try {
            parsed = JSON.parse(document);
        } catch {
            return "is not valid JSON";
        }
    }
    const statements = record(parsed)?.Statement;
    const all = Array.isArray(statements) ? statements : [statements];
    // Allow with NotPrincipal grants everyone but the principals it names.
    const index = all.findIndex((s) => isRecord(s) && s.Effect === "Allow" && (isEveryone(s.Principal) || isGiven(s.NotPrincipal)) && !hasCondition(s.Condition));
    if (index < 0) {
        return undefined;
    }
    const statement = record(all[index]);
    const sid = text(statement?.Sid);
    const whom = isGiven(statement?.NotPrincipal) ? "everyone but its NotPrincipal" : "Principal \"*\"";
    return `allows ${whom} without a Condition (statement ${sid ? `'${sid}'` : `#${index + 1}`})`;
}

/** What makes an ACL public: a public canned ACL or a grant to the AllUsers or AuthenticatedUsers group. */
/**
 * What a canned ACL or grants make public, or undefined. The grants are read only when the canned
 * ACL is not public, and a grant unknown during preview decides only when no known grant is public.
 */
function publicAcl(acl: unknown, readGrants: () => unknown): string | undefined {
    const canned = given(acl);
    if (canned !== undefined && PUBLIC_ACLS.includes(String(canned))) {
        return `sets acl "${String(canned)}"`;
    }
    const grants = knownItems(readGrants());
    const grant = grants.items.filter(isRecord).find((g) => PUBLIC_GROUPS.includes(String(record(g.grantee)?.uri ?? g.uri)));
    if (!grant && grants.unknown !== undefined) {
        throw grants.unknown;
    }
    if (grant) {
        const uri = String(record(grant.grantee)?.uri ?? grant.uri);
        return `grants ${list(grant.permissions).length ? list(grant.permissions).join(", ") : text(grant.permission) ?? "access"} to ${uri.endsWith("AllUsers") ? "AllUsers (everyone)" : "AuthenticatedUsers (every AWS account)"}`;
    }
    return undefined;
}

export default resourcePolicy({
    name: "aws-s3-disallow-public-access",
    description: "No S3 bucket or object is opened to everyone: no public canned ACL (public-read, public-read-write, authenticated-read) or grant to the AllUsers or AuthenticatedUsers group on a bucket, a BucketAcl or an object (BucketObject, BucketObjectv2), and no bucket policy (BucketPolicy or the bucket's inline policy) that allows Principal \"*\", or everyone but a NotPrincipal, without a Condition.",
    priority: "P0",
    severity: "critical",
    checklist: ["003.security.least-privilege"],
    remediationSteps: "Remove the public ACL (use acl \"private\" and bucket-owner-enforced object ownership) and limit each Allow statement of the bucket policy to named principals, or to \"*\" with a Condition such as aws:SourceArn or aws:PrincipalOrgID; serve public content through CloudFront with origin access control.",
    tags: ["secrets-identity"],
    resourceTypes: [...BUCKET_TYPES, ...ACL_TYPES, POLICY_TYPE, ...OBJECT_TYPES],
    validate: ({ type, name, props }, _config, report) => {
        if (OBJECT_TYPES.includes(type)) {
            const acl = given(props.acl);
            if (acl !== undefined && PUBLIC_ACLS.includes(String(acl))) {
                report(`S3 object '${name}' sets acl "${String(acl)}", so ${acl === "authenticated-read" ? "every AWS account" : "anyone"} can read it: remove acl (objects are private by default) and serve public content through CloudFront with origin access control.`);
            }
            return;
        }
        if (type === POLICY_TYPE) {
            const problem = publicStatement(props.policy);
            if (problem) {
                report(`bucket policy '${name}' ${problem}: name the principals, or add a Condition that limits who may use it.`);
            }
            return;
        }
        if (ACL_TYPES.includes(type)) {
            const problem = publicAcl(props.acl, () => at(props.accessControlPolicy, "grants"));
            if (problem) {
                report(`bucket ACL '${name}' ${problem}: set acl "private" and grant access to named accounts or through a bucket policy.`);
            }
            return;
        }
        // The ACL and the inline policy apart: one unknown during preview (a policy built from
        // another resource's ARN) hides no public access the other grants.
        const parts = new Parts(report);
        parts.judge(() => {
            const aclProblem = publicAcl(props.acl, () => props.grants);
            if (aclProblem) {
                parts.report(`S3 bucket '${name}' ${aclProblem}: set acl "private" and grant access to named accounts or through a bucket policy.`);
            }
        });
        parts.judge(() => {
            const inline = given(props.policy);
            if (inline !== undefined) {
                const problem = typeof inline === "string" || isRecord(inline) ? publicStatement(inline) : `is ${describeType(inline)}, not a policy document`;
                if (problem) {
                    parts.report(`S3 bucket '${name}': its inline policy ${problem}: name the principals, or add a Condition that limits who may use it.`);
                }
            }
        });
        parts.settle();
    },
});
