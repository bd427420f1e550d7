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
});
