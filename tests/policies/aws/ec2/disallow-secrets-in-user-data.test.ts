import type * as aws from "@pulumi/aws";
import { gzipSync } from "zlib";
import policy from "../../../../policies/aws/ec2/disallow-secrets-in-user-data";
import { checkResource, UNKNOWN } from "../../../harness/policy";

const INSTANCE = "aws:ec2/instance:Instance";
const TEMPLATE = "aws:ec2/launchTemplate:LaunchTemplate";
const CONFIGURATION = "aws:ec2/launchConfiguration:LaunchConfiguration";
// Built at run time so no scanner mistakes the fixture for a leaked key.
const AWS_KEY_ID = ["AKIA", "Z7Q3XH4LK2P9WBNM"].join("");
const PASSWORD = ["n7", "Qe", "V2", "pLx"].join("");

const clean = [
    "#!/bin/bash",
    "set -euo pipefail",
    "export APP_ENV=production",
    "DB_PASSWORD=$(aws secretsmanager get-secret-value --secret-id app/db --query SecretString --output text)",
    "echo \"LOG_LEVEL=info\" >> /etc/app.env",
    "TOKEN=$(curl -sX PUT http://169.254.169.254/latest/api/token -H \"X-aws-ec2-metadata-token-ttl-seconds: 21600\")",
    "curl -s -H \"X-aws-ec2-metadata-token: $TOKEN\" http://169.254.169.254/latest/meta-data/instance-id",
    "echo \"DB_PASSWORD_FILE=/run/secrets/db\" >> /etc/app.env",
].join("\n");
const base64 = (script: string) => Buffer.from(script, "utf8").toString("base64");
const instance: aws.ec2.InstanceArgs = { ami: "ami-0123456789abcdef0", instanceType: "t3.micro", userData: clean };
const template: aws.ec2.LaunchTemplateArgs = { imageId: "ami-0123456789abcdef0", userData: base64(clean) };

describe("aws-ec2-disallow-secrets-in-user-data", () => {
    it("passes user data that reads its secrets at boot", () => {
        expect(checkResource(policy, { type: INSTANCE, props: instance }).violations).toEqual([]);
        expect(checkResource(policy, { type: TEMPLATE, props: template }).violations).toEqual([]);
    });

    it("passes when user data is omitted", () => {
        expect(checkResource(policy, { type: INSTANCE, props: { ami: "ami-0123456789abcdef0", instanceType: "t3.micro" } }).violations).toEqual([]);
    });

    it("fires on a password written in a script, and never prints it", () => {
        const props: aws.ec2.InstanceArgs = { ...instance, userData: `${clean}\necho "DB_PASSWORD=${PASSWORD}" >> /etc/app.env` };
        const violations = checkResource(policy, { type: INSTANCE, name: "web", props }).violations;
        expect(violations).toEqual([expect.stringContaining("EC2 instance 'web' writes secrets in plain text in userData: DB_PASSWORD (variable name says it holds a secret)")]);
        expect(violations.join()).not.toContain(PASSWORD);
    });

    it("fires on a credential in a launch template's base64 user data, also gzipped", () => {
        const script = `#cloud-config\nruncmd:\n  - aws configure set aws_access_key_id ${AWS_KEY_ID}\n`;
        const violations = checkResource(policy, { type: TEMPLATE, name: "workers", props: { ...template, userData: base64(script) } }).violations;
        expect(violations).toEqual([expect.stringContaining("launch template 'workers' writes secrets in plain text in userData: text that looks like an AWS access key id")]);
        expect(violations.join()).not.toContain(AWS_KEY_ID);
        const gzipped = gzipSync(Buffer.from(script)).toString("base64");
        const configuration: aws.ec2.LaunchConfigurationArgs = { imageId: "ami-0123456789abcdef0", instanceType: "t3.micro", userDataBase64: gzipped };
        expect(checkResource(policy, { type: CONFIGURATION, props: configuration }).violations).toEqual([expect.stringContaining("in userDataBase64")]);
    });

    it("fires on cloud-config keys and command-line flags that carry secrets", () => {
        const yaml = `#cloud-config\nchpasswd:\n  list: |\n    admin:${PASSWORD}\nwrite_files:\n  - path: /etc/app.conf\n    content: |\n      api_token: ${PASSWORD}\n`;
        expect(checkResource(policy, { type: INSTANCE, props: { ...instance, userData: yaml } }).violations).toEqual([expect.stringContaining("api_token (variable name says it holds a secret)")]);
        const flags = `#!/bin/bash\nmysql --user=app --password=${PASSWORD} -e 'select 1'`;
        expect(checkResource(policy, { type: INSTANCE, props: { ...instance, userData: flags } }).violations).toEqual([expect.stringContaining("PASSWORD (variable name says it holds a secret)")]);
    });

    it("fires on the settings the checklists keep in the secret store, and takes their names from config", () => {
        const script = "#!/bin/bash\nexport DATABASE_URL=postgres://db.internal:5432/app\nexport FEATURE_FLAGS_URL=https://flags.internal\n";
        expect(checkResource(policy, { type: INSTANCE, props: { ...instance, userData: script } }).violations)
            .toEqual([expect.stringContaining("DATABASE_URL (the checklists keep it in the secret store)")]);
        expect(checkResource(policy, { type: INSTANCE, props: { ...instance, userData: script }, config: { secretStoreNames: ["FEATURE_FLAGS_URL"] } }).violations)
            .toEqual([expect.stringContaining("FEATURE_FLAGS_URL (the checklists keep it in the secret store)")]);
    });

    it("reports gzip data it cannot decompress", () => {
        const broken = Buffer.concat([Buffer.from([0x1f, 0x8b]), Buffer.from("not gzip")]).toString("base64");
        expect(checkResource(policy, { type: TEMPLATE, props: { ...template, userData: broken } }).violations).toEqual([expect.stringContaining("cannot be decompressed")]);
    });

    it("reports user data unknown during preview as unknown", () => {
        expect(checkResource(policy, { type: INSTANCE, props: { ...instance, userData: UNKNOWN } }).unknown).toBeDefined();
    });

    it("reports a secret in one user data property while the other is unknown during preview", () => {
        const props: aws.ec2.InstanceArgs = { ...instance, userData: UNKNOWN, userDataBase64: base64(`#!/bin/bash\nexport AWS_ACCESS_KEY_ID=${AWS_KEY_ID}\n`) };
        expect(checkResource(policy, { type: INSTANCE, name: "web", props }).violations).toEqual([expect.stringContaining("EC2 instance 'web' writes secrets in plain text in userDataBase64")]);
        expect(checkResource(policy, { type: INSTANCE, props: { ...instance, userData: UNKNOWN } }).unknown).toBeDefined();
    });
});
