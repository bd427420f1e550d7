import type * as aws from "@pulumi/aws";
import policy from "../../../../policies/aws/codebuild/require-artifact-encryption";
import { checkResource, UNKNOWN } from "../../../harness/policy";

const T = "aws:codebuild/project:Project";
const project: aws.codebuild.ProjectArgs = {
    serviceRole: "arn:aws:iam::123456789012:role/build",
    source: { type: "GITHUB", location: "https://github.com/acme/app.git" },
    environment: { computeType: "BUILD_GENERAL1_SMALL", image: "aws/codebuild/standard:7.0", type: "LINUX_CONTAINER" },
    artifacts: { type: "S3", location: "app-build-artifacts", encryptionDisabled: false },
    secondaryArtifacts: [{ type: "S3", artifactIdentifier: "reports", location: "app-build-reports" }],
};

describe("aws-codebuild-require-artifact-encryption", () => {
    it("passes encrypted artifacts, encryption left at its default, and no artifacts", () => {
        expect(checkResource(policy, { type: T, props: project }).violations).toEqual([]);
        expect(checkResource(policy, { type: T, props: { ...project, artifacts: { type: "S3", location: "b" }, secondaryArtifacts: undefined } }).violations).toEqual([]);
        expect(checkResource(policy, { type: T, props: { ...project, artifacts: { type: "NO_ARTIFACTS", encryptionDisabled: true } } }).violations).toEqual([]);
    });
    it("fires on primary artifacts with encryption disabled", () => {
        expect(checkResource(policy, { type: T, name: "app-build", props: { ...project, artifacts: { type: "S3", location: "b", encryptionDisabled: true } } }).violations)
            .toEqual(["CodeBuild project 'app-build' sets artifacts.encryptionDisabled to true, so its build artifacts are stored unencrypted: remove encryptionDisabled or set it to false."]);
    });
    it("fires on each secondary artifact with encryption disabled", () => {
        const secondaryArtifacts = [{ type: "S3", artifactIdentifier: "a", encryptionDisabled: true }, { type: "S3", artifactIdentifier: "b" }, { type: "S3", artifactIdentifier: "c", encryptionDisabled: true }];
        expect(checkResource(policy, { type: T, props: { ...project, secondaryArtifacts } }).violations)
            .toEqual([expect.stringContaining("secondaryArtifacts[0].encryptionDisabled"), expect.stringContaining("secondaryArtifacts[2].encryptionDisabled")]);
    });
    it("is unknown when the switch is unknown during preview", () => {
        expect(checkResource(policy, { type: T, props: { ...project, artifacts: { type: "S3", encryptionDisabled: UNKNOWN } } }).unknown).toBeDefined();
    });
    it("reports a known violation beside an artifact unknown during preview, and ignores unrelated unknowns", () => {
        const props = { ...project, artifacts: { type: "S3", encryptionDisabled: true }, secondaryArtifacts: [UNKNOWN] };
        expect(checkResource(policy, { type: T, props }).violations).toEqual([expect.stringContaining("artifacts.encryptionDisabled")]);
        expect(checkResource(policy, { type: T, props: { ...project, serviceRole: UNKNOWN, artifacts: { type: "S3", location: UNKNOWN } } }).violations).toEqual([]);
    });
    it("is exempted by config", () => {
        expect(checkResource(policy, { type: T, name: "docs-build", props: { ...project, artifacts: { type: "S3", encryptionDisabled: true } }, config: { exemptions: [{ resource: "docs-*", reason: "public documentation site" }] } }).notApplicable)
            .toContain("public documentation site");
    });
});
