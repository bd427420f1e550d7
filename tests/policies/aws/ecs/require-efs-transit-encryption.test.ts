import type * as aws from "@pulumi/aws";
import policy from "../../../../policies/aws/ecs/require-efs-transit-encryption";
import { checkResource, UNKNOWN } from "../../../harness/policy";

const T = "aws:ecs/taskDefinition:TaskDefinition";
const task: aws.ecs.TaskDefinitionArgs = {
    family: "app",
    containerDefinitions: JSON.stringify([{ name: "api", image: "api:1.0" }]),
    volumes: [
        { name: "scratch" },
        { name: "shared", efsVolumeConfiguration: { fileSystemId: "fs-123", transitEncryption: "ENABLED", authorizationConfig: { iam: "ENABLED" } } },
    ],
};
const efs = (change: Record<string, unknown>) => ({ ...task, volumes: [{ name: "shared", efsVolumeConfiguration: { fileSystemId: "fs-123", ...change } }] });

describe("aws-ecs-require-efs-transit-encryption", () => {
    it("passes EFS volumes mounted with TLS, other volumes and no volumes", () => {
        expect(checkResource(policy, { type: T, props: task }).violations).toEqual([]);
        expect(checkResource(policy, { type: T, props: { family: "x", containerDefinitions: "[]" } }).violations).toEqual([]);
    });
    it("fires on transit encryption disabled", () => {
        expect(checkResource(policy, { type: T, name: "app-task", props: efs({ transitEncryption: "DISABLED" }) }).violations)
            .toEqual(["ECS task definition 'app-task' volume 'shared' sets efsVolumeConfiguration.transitEncryption to \"DISABLED\", so ECS mounts the EFS file system without TLS: set it to \"ENABLED\"."]);
    });
    it("fires on transit encryption omitted (ECS's default is off)", () => {
        expect(checkResource(policy, { type: T, props: efs({}) }).violations).toEqual([expect.stringContaining("omits efsVolumeConfiguration.transitEncryption")]);
    });
    it("is unknown when the setting is unknown during preview", () => {
        expect(checkResource(policy, { type: T, props: efs({ transitEncryption: UNKNOWN }) }).unknown).toBeDefined();
    });
    it("reports a known violation beside a volume unknown during preview, and ignores unrelated unknowns", () => {
        const volumes = [{ name: "a", efsVolumeConfiguration: { fileSystemId: "fs-1" } }, UNKNOWN];
        expect(checkResource(policy, { type: T, props: { ...task, volumes } }).violations).toHaveLength(1);
        const unknownNames = [{ name: UNKNOWN, efsVolumeConfiguration: { fileSystemId: UNKNOWN, transitEncryption: "DISABLED" } }];
        expect(checkResource(policy, { type: T, props: { ...task, volumes: unknownNames } }).violations).toEqual([expect.stringContaining("volume #1")]);
        expect(checkResource(policy, { type: T, props: efs({ fileSystemId: UNKNOWN, transitEncryption: "ENABLED" }) }).violations).toEqual([]);
    });
    it("is exempted by config", () => {
        expect(checkResource(policy, { type: T, name: "batch-task", props: efs({}), config: { exemptions: [{ resource: "batch-*", reason: "test fixtures only" }] } }).notApplicable)
            .toContain("test fixtures only");
    });
});
