import { PolicyConfigInfo, resolvePolicyConfig } from "../../src/analyzer/config";

const policies: PolicyConfigInfo[] = [
    { name: "aws-rds-require-backup-retention", enforcementLevel: "mandatory", configSchema: { properties: { minimumDays: { type: "integer", minimum: 1, default: 30 } } } },
    { name: "kubernetes-availability-restrict-single-replica", enforcementLevel: "advisory" },
];

describe("policy-pack config resolution", () => {
    it("fills every policy's schema defaults and keeps default levels", () => {
        const resolved = resolvePolicyConfig(policies, undefined);
        expect(resolved.get("aws-rds-require-backup-retention")).toEqual({ enforcementLevel: "mandatory", properties: { minimumDays: 30 } });
        expect(resolved.get("kubernetes-availability-restrict-single-replica")).toEqual({ enforcementLevel: "advisory", properties: {} });
    });

    it("lets a policy's own entry win over all", () => {
        const resolved = resolvePolicyConfig(policies, { all: "disabled", "aws-rds-require-backup-retention": { enforcementLevel: "advisory", minimumDays: 35 } });
        expect(resolved.get("aws-rds-require-backup-retention")).toEqual({ enforcementLevel: "advisory", properties: { minimumDays: 35 } });
        expect(resolved.get("kubernetes-availability-restrict-single-replica")?.enforcementLevel).toBe("disabled");
    });

    it.each([
        [{ "no-such-policy": "advisory" }, /unknown policy "no-such-policy"/],
        [{ "aws-rds-require-backup-retention": { minimumDays: 0 } }, /minimumDays must be >= 1/],
        [{ "aws-rds-require-backup-retention": { minimumDay: 10 } }, /has no setting "minimumDay" \(settings: minimumDays\)/],
        [{ "kubernetes-availability-restrict-single-replica": { threshold: 1 } }, /takes only an enforcement level/],
        [{ all: { enforcementLevel: "mandatory", minimumDays: 3 } }, /"all" takes only an enforcement level/],
        [{ all: "loud" }, /enforcement level must be one of/],
        [["advisory"], /expected a JSON object/],
    ])("rejects %j", (config, message) => {
        expect(() => resolvePolicyConfig(policies, config)).toThrow(message);
    });
});
