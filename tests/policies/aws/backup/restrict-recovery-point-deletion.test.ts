import type * as aws from "@pulumi/aws";
import policy from "../../../../policies/aws/backup/restrict-recovery-point-deletion";
import { checkStack, StackResource, UNKNOWN, urnOf } from "../../../harness/policy";

const VAULT = "aws:backup/vault:Vault";
const POLICY = "aws:backup/vaultPolicy:VaultPolicy";
const LOCK = "aws:backup/vaultLockConfiguration:VaultLockConfiguration";

const DENY_DELETE = { Effect: "Deny", Principal: "*", Action: ["backup:DeleteRecoveryPoint", "backup:UpdateRecoveryPointLifecycle"], Resource: "*" };

const vault = (name = "app-backups"): StackResource => ({ type: VAULT, name, props: { name } satisfies aws.backup.VaultArgs });
const vaultPolicy = (statements: object[], vaultName = "app-backups", linked = true): StackResource => ({
    type: POLICY, name: `${vaultName}-policy`,
    props: { backupVaultName: linked ? UNKNOWN : vaultName, policy: JSON.stringify({ Version: "2012-10-17", Statement: statements }) } satisfies aws.backup.VaultPolicyArgs,
    ...(linked ? { propertyDependencies: { backupVaultName: [urnOf(VAULT, vaultName)] } } : {}),
});
const lock = (vaultName = "app-backups"): StackResource => ({
    type: LOCK, name: `${vaultName}-lock`,
    props: { backupVaultName: vaultName, minRetentionDays: 30, changeableForDays: 3 } satisfies aws.backup.VaultLockConfigurationArgs,
});

describe("aws-backup-restrict-recovery-point-deletion", () => {
    it("passes a vault with a vault lock, or a policy that denies deletion to everyone", () => {
        expect(checkStack(policy, [vault(), lock()]).violations).toEqual([]);
        expect(checkStack(policy, [vault(), vaultPolicy([DENY_DELETE])]).violations).toEqual([]);
        expect(checkStack(policy, [vault(), vaultPolicy([{ ...DENY_DELETE, Principal: { AWS: "*" }, Action: "backup:Delete*" }], "app-backups", false)]).violations).toEqual([]);
    });

    it("fires on a vault with neither lock nor policy (omitted)", () => {
        const verdict = checkStack(policy, [vault(), vault("other"), lock("other")]);
        expect(verdict.violations).toEqual([
            "Backup vault 'app-backups' lets anyone with backup permissions delete its recovery points (it has neither a vault lock nor a vault policy): add an aws.backup.VaultLockConfiguration, or a vault policy that denies backup:DeleteRecoveryPoint to Principal \"*\".",
        ]);
        expect(verdict.urns).toEqual([urnOf(VAULT, "app-backups")]);
    });

    it("fires on a vault policy that does not deny deletion to every principal", () => {
        const narrow = { ...DENY_DELETE, Principal: { AWS: "arn:aws:iam::123456789012:role/ops" } };
        expect(checkStack(policy, [vault(), vaultPolicy([narrow])]).violations).toEqual([expect.stringContaining("vault policy 'app-backups-policy' does not deny backup:DeleteRecoveryPoint to every principal")]);
        const other = { ...DENY_DELETE, Action: "backup:DeleteBackupVault" };
        expect(checkStack(policy, [vault(), vaultPolicy([other])]).violations).toHaveLength(1);
        const unreadable: StackResource = { ...vaultPolicy([]), props: { backupVaultName: UNKNOWN, policy: "not json" } };
        expect(checkStack(policy, [vault(), unreadable]).violations).toEqual([expect.stringContaining("is not a readable policy document")]);
    });

    it("fires on a vault policy that opens the backups to everyone", () => {
        const open = { Effect: "Allow", Principal: "*", Action: "backup:CopyIntoBackupVault", Resource: "*" };
        const verdict = checkStack(policy, [vault(), vaultPolicy([DENY_DELETE, open])]);
        expect(verdict.violations).toEqual([expect.stringContaining("Backup vault policy 'app-backups-policy' allows every principal (Principal \"*\") without a condition")]);
        expect(verdict.urns).toEqual([urnOf(POLICY, "app-backups-policy")]);
        const scoped = { ...open, Condition: { StringEquals: { "aws:PrincipalOrgID": "o-abc123" } } };
        expect(checkStack(policy, [vault(), vaultPolicy([DENY_DELETE, scoped])]).violations).toEqual([]);
    });

    it("reports a vault whose policy is unknown during preview as unknown, and judges the others", () => {
        const unknownPolicy: StackResource = { ...vaultPolicy([]), props: { backupVaultName: UNKNOWN, policy: UNKNOWN } };
        const verdict = checkStack(policy, [vault(), unknownPolicy, vault("other")]);
        expect(verdict.unknownUrns).toEqual(expect.arrayContaining([urnOf(VAULT, "app-backups")]));
        expect(verdict.urns).toEqual([urnOf(VAULT, "other")]);
    });

    it("can be disabled for a vault by exemption in config", () => {
        const verdict = checkStack(policy, [vault()], { exemptions: [{ resource: "app-backups", reason: "Recovery points expire after one day in this sandbox." }] });
        expect(verdict.violations).toEqual([]);
        expect(verdict.notApplicable).toContain("Recovery points expire");
    });
});
