import policy from "../../../../policies/aws/ecs/disallow-plaintext-secrets";
import { checkResource, UNKNOWN } from "../../../harness/policy";
import { api, TASK, task } from "./container-fixture";

const SECRET = "hunter2-very-secret-value";

describe("aws-ecs-disallow-plaintext-secrets", () => {
    it("passes plain settings and secrets taken from Secrets Manager", () => {
        const props = task(api({ secrets: [{ name: "DB_PASSWORD", valueFrom: "arn:aws:secretsmanager:us-east-1:123456789012:secret:db" }] }));
        expect(checkResource(policy, { type: TASK, props }).violations).toEqual([]);
    });
    it("fires on a credential in environment, without printing it", () => {
        const { violations } = checkResource(policy, { type: TASK, props: task(api({ environment: [{ name: "DB_PASSWORD", value: SECRET }] })) });
        expect(violations).toEqual([expect.stringContaining("sets environment variable DB_PASSWORD in plain text")]);
        expect(violations[0]).not.toContain(SECRET);
    });
    it("passes when environment is omitted", () => expect(checkResource(policy, { type: TASK, props: task(api({ environment: undefined })) }).violations).toEqual([]));
    it("reports unknown", () => expect(checkResource(policy, { type: TASK, props: { ...task(), containerDefinitions: UNKNOWN } }).unknown).toBeDefined());
});
