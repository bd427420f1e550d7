import type { PolicyResource } from "@pulumi/policy";
import { stackPolicy } from "../../lib/define";
import { attempt } from "../../lib/unknowns";
import { bool, given } from "../../lib/values";

const TRAIL = "aws:cloudtrail/trail:Trail";

export default stackPolicy({
    name: "aws-cloudtrail-require-multi-region-trail",
    description: "A stack with AWS resources declares a CloudTrail trail that records every region and validates its log files.",
    priority: "P1",
    severity: "medium",
    checklist: ["003.security.audit-logging", "002.security-configuration.audit-logging", "000.compliance-audit.audit-trail", "001.go-live-readiness-summary.audit-logging"],
    remediationSteps: "Declare an aws.cloudtrail.Trail with isMultiRegionTrail: true and enableLogFileValidation: true, logging to an encrypted, versioned S3 bucket (or rely on an organization trail and turn this advisory policy off).",
    tags: ["observability"],
    resourceTypes: [TRAIL],
    validate: (resources, _config, report, context) => {
        if (!resources.some((r) => r.type.startsWith("aws:") && r.type !== TRAIL)) {
            return;
        }
        const trails = resources.filter((r) => r.type === TRAIL);
        if (trails.length === 0) {
            report("The stack declares AWS resources but no CloudTrail trail: declare an aws.cloudtrail.Trail with isMultiRegionTrail: true and enableLogFileValidation: true.");
            return;
        }
        // Each trail is judged on its own values; one complete trail satisfies the stack.
        const problems: { trail: PolicyResource; missing: string[] }[] = [];
        let complete = false;
        for (const trail of trails) {
            context.judge(trail, () => {
                // Each setting on its own: one known to be missing makes the trail incomplete whatever
                // the others, so one unknown during preview decides only when none is known to be missing.
                const checks: Array<[string, () => boolean]> = [
                    ["isMultiRegionTrail: true", () => bool(trail.props.isMultiRegionTrail) !== true],
                    ["enableLogFileValidation: true", () => bool(trail.props.enableLogFileValidation) !== true],
                    ["enableLogging: true", () => bool(given(trail.props.enableLogging)) === false],
                ];
                const missing: string[] = [];
                let unknown: unknown;
                for (const [setting, lacks] of checks) {
                    const read = attempt(lacks);
                    unknown ??= read.unknown;
                    if (read.value) {
                        missing.push(setting);
                    }
                }
                if (missing.length === 0 && unknown !== undefined) {
                    throw unknown;
                }
                if (missing.length === 0) {
                    complete = true;
                } else {
                    problems.push({ trail, missing });
                }
            });
        }
        if (complete) {
            return;
        }
        for (const { trail, missing } of problems) {
            report(`CloudTrail trail '${trail.name}' is not a multi-region trail with validated logs: set ${missing.join(" and ")}.`, trail.urn);
        }
    },
});
