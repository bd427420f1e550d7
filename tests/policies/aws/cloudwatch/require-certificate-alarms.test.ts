import type * as aws from "@pulumi/aws";
import policy from "../../../../policies/aws/cloudwatch/require-certificate-alarms";
import { checkStack, UNKNOWN } from "../../../harness/policy";
import { alarm, ALARM, resource, urnOf } from "./alarm-fixtures";

const CERT = "aws:acm/certificate:Certificate";
const certificate: aws.acm.CertificateArgs = { domainName: "shop.example.com", validationMethod: "DNS" };
const expiry = alarm("AWS/CertificateManager", "DaysToExpiry", 30, { CertificateArn: UNKNOWN }, { statistic: "Minimum", comparisonOperator: "LessThanThreshold", period: 86400, evaluationPeriods: 1 });
// The certificate's ARN is unknown during preview: the alarm is placed by the dependency graph.
const stack = (...alarms: aws.cloudwatch.MetricAlarmArgs[]) =>
    [resource(CERT, "cert", certificate), ...alarms.map((a, i) => resource(ALARM, `alarm-${i}`, a, { propertyDependencies: { dimensions: [urnOf(CERT, "cert")] } }))];

describe("aws-cloudwatch-require-certificate-alarms", () => {
    it("passes a certificate whose DaysToExpiry alarm fires under 30 days", () => {
        expect(checkStack(policy, stack(expiry))).toEqual({ violations: [], urns: [] });
        expect(checkStack(policy, stack({ ...expiry, threshold: 29, comparisonOperator: "LessThanOrEqualToThreshold" }))).toEqual({ violations: [], urns: [] });
        expect(checkStack(policy, stack({ ...expiry, threshold: 45 }))).toEqual({ violations: [], urns: [] });
    });

    it("fires without an alarm, on an alarm a week before expiry, and on an alarm that notifies no one", () => {
        const verdict = checkStack(policy, stack());
        expect(verdict.violations).toEqual([expect.stringMatching(/^ACM certificate 'cert' has no CloudWatch alarm with alarmActions on expiry \(DaysToExpiry below 30\): add .*metricName DaysToExpiry, statistic Minimum, period 86400, comparisonOperator LessThanThreshold, threshold 30 or more, dimensions \{ CertificateArn: \.\.\. \}/)]);
        expect(verdict.urns).toEqual([urnOf(CERT, "cert")]);
        expect(checkStack(policy, stack({ ...expiry, threshold: 7 })).violations).toEqual([expect.stringContaining("alarms on DaysToExpiry below 7 day(s), later than the limit 30 day(s)")]);
        expect(checkStack(policy, stack({ ...expiry, alarmActions: undefined })).violations).toEqual([expect.stringContaining("sets no alarmActions")]);
    });

    it("is unknown when an alarm's certificate ARN is unknown and the graph does not place it", () => {
        const verdict = checkStack(policy, [resource(CERT, "cert", certificate), resource(ALARM, "expiry", expiry)]);
        expect(verdict.violations).toEqual([]);
        expect(verdict.unknownUrns).toEqual([urnOf(CERT, "cert")]);
    });

    it("does not take an alarm on another certificate", () => {
        const resources = [resource(CERT, "cert", certificate), resource(CERT, "other", certificate),
            resource(ALARM, "expiry", expiry, { propertyDependencies: { dimensions: [urnOf(CERT, "other")] } })];
        expect(checkStack(policy, resources).urns).toEqual([urnOf(CERT, "cert")]);
    });

    it("reads the warning period from the config", () => {
        expect(checkStack(policy, stack(expiry), { minimumDays: 45 }).violations).toEqual([expect.stringContaining("later than the limit 45 day(s)")]);
        expect(checkStack(policy, stack({ ...expiry, threshold: 14 }), { minimumDays: 14 }).violations).toEqual([]);
    });
});
