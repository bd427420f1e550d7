import {
    aliasesOf, checklistOf, checklistReference, exemptionReason, isTypeFilterAnswer, isUnknownDuringPreview,
    parseExemptionReason, parseUnknownResources, policyTags, priorityOf, unknownResourcesMessage,
} from "../../policies/lib/contract";

const URN = "urn:pulumi:dev::shop::aws:rds/instance:Instance::app-db";

describe("the pack-to-report contract round-trips", () => {
    it("priority and aliases travel as tags, around the policy's own tags", () => {
        const tags = policyTags("aws", "P1", ["aws-old-name", "aws-older"], ["data-protection", "priority:not-a-priority"]);
        expect(priorityOf(tags)).toBe("P1");
        expect(aliasesOf(tags)).toEqual(["aws-old-name", "aws-older"]);
        expect(priorityOf(["aws", "data-protection"])).toBeUndefined();
        expect(priorityOf(["priority:P3"])).toBeUndefined();
    });

    it("checklist ids travel as the framework reference", () => {
        const ids = ["003.backup-disaster-recovery.automated-backups", "004.database-backups.retention"];
        expect(checklistOf(checklistReference(ids))).toEqual(ids);
        expect(checklistOf(checklistReference([]))).toEqual([]);
        expect(checklistOf(undefined)).toEqual([]);
    });

    it("an exemption travels as a not-applicable reason, with or without URN and expiry", () => {
        const entry = { reason: "legacy (until Q3): migrating; see OPS-12", source: 'policy-pack config "legacy-*"', expires: "2027-01-31" };
        expect(parseExemptionReason(exemptionReason(entry))).toEqual([entry]);
        expect(parseExemptionReason(exemptionReason({ reason: "r", source: "tag prodready:exempt" }, URN)))
            .toEqual([{ urn: URN, reason: "r", source: "tag prodready:exempt" }]);
        const stack = [exemptionReason({ reason: "a", source: "s1" }, URN), exemptionReason({ reason: "b", source: "s2" }, `${URN}-2`)].join("\n");
        expect(parseExemptionReason(stack).map((e) => e.urn)).toEqual([URN, `${URN}-2`]);
    });

    it("any other not-applicable reason is not an exemption", () => {
        expect(parseExemptionReason("does not apply: the bucket holds no data")).toEqual([]);
        expect(parseExemptionReason("exemptions are off")).toEqual([]);
    });

    it("resources a stack policy could not judge travel in the SDK's can't-run diagnostic", () => {
        const message = unknownResourcesMessage([URN, `${URN}-2`]);
        // The SDK prefixes its own sentence; the list is still read back.
        const sdk = `can't run policy 'p' from policy pack 'pack' during preview: ${message}`;
        expect(isUnknownDuringPreview(sdk)).toBe(true);
        expect(parseUnknownResources(sdk)).toEqual([URN, `${URN}-2`]);
        expect(parseUnknownResources("RDS instance 'app-db' keeps backups 1 day")).toEqual([]);
        expect(isUnknownDuringPreview("RDS instance 'app-db' keeps backups 1 day")).toBe(false);
    });

    it("recognises exactly the SDK's type-filter answers", () => {
        expect(isTypeFilterAnswer("Policy only applies to resources of type 'aws:s3/bucket:Bucket'")).toBe(true);
        expect(isTypeFilterAnswer("Policy only applies to 'Bucket' resources")).toBe(true);
        expect(isTypeFilterAnswer("Policy only applies to resources of a specific type")).toBe(true);
        expect(isTypeFilterAnswer("does not apply: a read replica sets no retention")).toBe(false);
        expect(isTypeFilterAnswer(exemptionReason({ reason: "Policy only applies to resources of a specific type", source: "s" }))).toBe(false);
    });
});
