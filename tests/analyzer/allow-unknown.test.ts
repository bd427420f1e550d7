// `allowUnknown` in the policy-pack config: per policy, or pack-wide next to the level of "all", in a
// form the Pulumi CLI takes too (it hands every setting to the pack, and applies only the level of
// "all", whose entry it refuses without one).
import { PolicyConfigInfo, resolvePolicyConfig, unknownsAllowed } from "../../src/pack/config";
import { DEFAULT_PACK_DIR, loadPack } from "../../src/pack/load";

const BACKUPS = "aws-rds-require-backup-retention";
const REPLICAS = "kubernetes-availability-restrict-single-replica";
const policies: PolicyConfigInfo[] = [
    { name: BACKUPS, enforcementLevel: "mandatory", configSchema: { properties: { minimumDays: { type: "integer", minimum: 1, default: 30 } } } },
    { name: REPLICAS, enforcementLevel: "advisory" },
];

describe("allowUnknown", () => {
    it("is off unless the config sets it", () => {
        const resolved = resolvePolicyConfig(policies, { [BACKUPS]: { minimumDays: 35 } });
        expect(resolved.get(BACKUPS)).toEqual({ enforcementLevel: "mandatory", properties: { minimumDays: 35 } });
        expect(unknownsAllowed(resolved)).toEqual([]);
    });

    it("is a per-policy setting next to enforcementLevel, whether or not the policy has settings of its own", () => {
        const resolved = resolvePolicyConfig(policies, { [BACKUPS]: { allowUnknown: true }, [REPLICAS]: { enforcementLevel: "mandatory", allowUnknown: true } });
        // Handed to the pack like any setting, as the Pulumi CLI does; the level stays the policy's own.
        expect(resolved.get(BACKUPS)).toEqual({ enforcementLevel: "mandatory", properties: { minimumDays: 30, allowUnknown: true }, allowUnknown: true });
        expect(resolved.get(REPLICAS)).toMatchObject({ enforcementLevel: "mandatory", allowUnknown: true });
        expect(unknownsAllowed(resolved)).toEqual([BACKUPS, REPLICAS]);
    });

    it("is pack-wide in \"all\" next to its level, and a policy's own entry wins", () => {
        const resolved = resolvePolicyConfig(policies, { all: { enforcementLevel: "mandatory", allowUnknown: true }, [REPLICAS]: { allowUnknown: false } });
        expect(unknownsAllowed(resolved)).toEqual([BACKUPS]);
        // Like the Pulumi CLI, "all" gives its level to every policy, not its settings.
        expect(resolved.get(BACKUPS)?.properties).toEqual({ minimumDays: 30 });
    });

    it("takes a default the pack's schema declares", () => {
        const declared: PolicyConfigInfo[] = [{ name: "p", enforcementLevel: "mandatory", configSchema: { properties: { allowUnknown: { type: "boolean", default: true } } } }];
        expect(unknownsAllowed(resolvePolicyConfig(declared, undefined))).toEqual(["p"]);
        expect(unknownsAllowed(resolvePolicyConfig(declared, { p: { allowUnknown: false } }))).toEqual([]);
    });

    it.each([
        [{ all: { allowUnknown: true } }, /"all" sets allowUnknown without an enforcement level, which pulumi preview refuses/],
        [{ [BACKUPS]: { allowUnknown: "yes" } }, /"aws-rds-require-backup-retention": allowUnknown must be true or false, not "yes"/],
        [{ all: { enforcementLevel: "mandatory", allowUnknown: 1 } }, /"all": allowUnknown must be true or false/],
        [{ all: { enforcementLevel: "mandatory", allowUnknown: true, minimumDays: 3 } }, /"all" takes only an enforcement level/],
        [{ [BACKUPS]: { allowUnknow: true } }, /has no setting "allowUnknow" \(settings: minimumDays\)/],
    ])("rejects %j", (config, message) => {
        expect(() => resolvePolicyConfig(policies, config)).toThrow(message);
    });

    it("is accepted on every policy of the prodready pack", () => {
        const pack = loadPack(DEFAULT_PACK_DIR)!.loadPolicies();
        const config = Object.fromEntries(pack.map((p) => [p.name, { allowUnknown: true }]));
        expect(unknownsAllowed(resolvePolicyConfig(pack, config))).toHaveLength(pack.length);
    });
});
