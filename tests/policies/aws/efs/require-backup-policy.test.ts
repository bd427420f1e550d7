import type * as aws from "@pulumi/aws";
import policy from "../../../../policies/aws/efs/require-backup-policy";
import { checkStack, UNKNOWN, urnOf } from "../../../harness/policy";

const FS = "aws:efs/fileSystem:FileSystem";
const BP = "aws:efs/backupPolicy:BackupPolicy";
const fsUrn = urnOf(FS, "shared");
const backup: aws.efs.BackupPolicyArgs = { fileSystemId: "fs-123", backupPolicy: { status: "ENABLED" } };

describe("aws-efs-require-backup-policy", () => {
    it("passes a file system with an enabled backup policy", () => {
        expect(checkStack(policy, [{ type: FS, name: "shared", props: { encrypted: true } }, { type: BP, name: "shared-backup", props: backup, dependencies: [fsUrn] }]).violations).toEqual([]);
    });
    it("fires on a disabled policy and on none", () => {
        const verdict = checkStack(policy, [{ type: FS, name: "shared", props: {} }, { type: BP, name: "b", props: { ...backup, backupPolicy: { status: "DISABLED" } }, dependencies: [fsUrn] }]);
        expect(verdict.violations).toEqual([expect.stringContaining("EFS file system 'shared' has no automatic backups")]);
        expect(verdict.urns).toEqual([fsUrn]);
    });
    it("leaves a reference unknown during preview to the SDK", () => {
        expect(checkStack(policy, [{ type: FS, name: "shared", props: {} }, { type: BP, name: "b", props: { ...backup, fileSystemId: UNKNOWN } }]).unknown).toBeDefined();
    });

    it("judges each file system on its own when one backup status is unknown during preview", () => {
        const verdict = checkStack(policy, [
            { type: FS, name: "shared", props: { encrypted: true } },
            { type: BP, name: "shared-backup", props: { fileSystemId: UNKNOWN, backupPolicy: { status: UNKNOWN } }, propertyDependencies: { fileSystemId: [fsUrn] } },
            { type: FS, name: "cache", props: { encrypted: true } },
            { type: BP, name: "cache-backup", props: { ...backup, fileSystemId: UNKNOWN, backupPolicy: { status: "DISABLED" } }, propertyDependencies: { fileSystemId: [urnOf(FS, "cache")] } },
            { type: FS, name: "home", props: { encrypted: true } },
            { type: BP, name: "home-backup", props: { ...backup, fileSystemId: UNKNOWN }, propertyDependencies: { fileSystemId: [urnOf(FS, "home")] } },
        ]);
        expect(verdict.violations).toEqual([expect.stringContaining("EFS file system 'cache' has no automatic backups (its backup policy 'cache-backup' sets status \"DISABLED\")")]);
        expect(verdict.urns).toEqual([urnOf(FS, "cache")]);
        expect(verdict.unknownUrns).toEqual([fsUrn]);
    });
});
