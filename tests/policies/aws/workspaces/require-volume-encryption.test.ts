import type * as aws from "@pulumi/aws";
import policy from "../../../../policies/aws/workspaces/require-volume-encryption";
import { checkResource, UNKNOWN } from "../../../harness/policy";

const T = "aws:workspaces/workspace:Workspace";
const workspace: aws.workspaces.WorkspaceArgs = {
    bundleId: "wsb-bh8rsxt14", directoryId: "d-1234567890", userName: "jdoe",
    rootVolumeEncryptionEnabled: true, userVolumeEncryptionEnabled: true, volumeEncryptionKey: "alias/workspaces",
};

describe("aws-workspaces-require-volume-encryption", () => {
    it("passes a WorkSpace with both volumes encrypted", () => {
        expect(checkResource(policy, { type: T, props: workspace }).violations).toEqual([]);
    });
    it("fires on each unencrypted volume", () => {
        expect(checkResource(policy, { type: T, name: "jdoe", props: { ...workspace, rootVolumeEncryptionEnabled: false } }).violations)
            .toEqual(["WorkSpace 'jdoe' sets rootVolumeEncryptionEnabled to false: set rootVolumeEncryptionEnabled: true."]);
        expect(checkResource(policy, { type: T, props: { ...workspace, userVolumeEncryptionEnabled: false } }).violations).toEqual([expect.stringContaining("userVolumeEncryptionEnabled to false")]);
    });
    it("fires on both volumes when encryption is omitted (WorkSpaces' default is off)", () => {
        expect(checkResource(policy, { type: T, props: { bundleId: "wsb-1", directoryId: "d-1", userName: "x" } }).violations)
            .toEqual([expect.stringContaining("omits rootVolumeEncryptionEnabled, which WorkSpaces leaves unencrypted"), expect.stringContaining("omits userVolumeEncryptionEnabled")]);
    });
    it("is unknown when a switch is unknown during preview, unless the other volume already fails", () => {
        expect(checkResource(policy, { type: T, props: { ...workspace, rootVolumeEncryptionEnabled: UNKNOWN } }).unknown).toBeDefined();
        expect(checkResource(policy, { type: T, props: { ...workspace, rootVolumeEncryptionEnabled: UNKNOWN, userVolumeEncryptionEnabled: false } }).violations).toHaveLength(1);
    });
    it("ignores an unrelated value unknown during preview", () => {
        expect(checkResource(policy, { type: T, props: { ...workspace, directoryId: UNKNOWN, volumeEncryptionKey: UNKNOWN } }).violations).toEqual([]);
    });
    it("is exempted by config", () => {
        expect(checkResource(policy, { type: T, name: "kiosk", props: { ...workspace, userVolumeEncryptionEnabled: false }, config: { exemptions: [{ resource: "kiosk", reason: "no user data" }] } }).notApplicable)
            .toContain("no user data");
    });
});
