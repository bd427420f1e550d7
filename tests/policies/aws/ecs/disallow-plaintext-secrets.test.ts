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

    it("fires on a setting the checklists name as a secret even when its value looks harmless", () => {
        const props = task(api({ environment: [{ name: "DATABASE_URL", value: "postgres://db.internal:5432/app" }, { name: "NEXTAUTH_SECRET", value: "true" }] }));
        const { violations } = checkResource(policy, { type: TASK, name: "app-task", props });
        expect(violations).toEqual([
            "container 'api' of task definition 'app-task' sets DATABASE_URL in environment, which writes its value in the resource: the checklists keep it in the secret store; move it to Secrets Manager or SSM and reference it from secrets[].valueFrom.",
            expect.stringContaining("sets NEXTAUTH_SECRET in environment, which writes its value in the resource"),
        ]);
        expect(violations.join("\n")).not.toContain("db.internal");
    });
    it("reports such a setting once when its value also looks like a credential", () => {
        const props = task(api({ environment: [{ name: "JWT_SECRET", value: SECRET }] }));
        expect(checkResource(policy, { type: TASK, props }).violations).toEqual([expect.stringContaining("sets environment variable JWT_SECRET in plain text")]);
    });
    it("passes such settings taken from secrets", () => {
        const props = task(api({ secrets: [{ name: "DATABASE_URL", valueFrom: "arn:aws:secretsmanager:us-east-1:123456789012:secret:app/db" }] }));
        expect(checkResource(policy, { type: TASK, props }).violations).toEqual([]);
    });
    it("takes the secret-store names from config", () => {
        const props = task(api({ environment: [{ name: "DATABASE_URL", value: "postgres://db.internal:5432/app" }] }));
        expect(checkResource(policy, { type: TASK, props }).violations).toHaveLength(1);
        expect(checkResource(policy, { type: TASK, props, config: { secretStoreNames: ["JWT_SECRET"] } }).violations).toEqual([]);
    });
});
