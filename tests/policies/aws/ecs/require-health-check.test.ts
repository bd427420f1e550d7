import policy from "../../../../policies/aws/ecs/require-health-check";
import { checkResource, UNKNOWN } from "../../../harness/policy";
import { api, TASK, task } from "./container-fixture";

describe("aws-ecs-require-health-check", () => {
    it("passes, and exempts non-essential containers", () => {
        expect(checkResource(policy, { type: TASK, props: task(api(), api({ name: "init", essential: false, healthCheck: undefined })) }).violations).toEqual([]);
    });
    it("fires on an essential container without a health check (essential defaults to true)", () => {
        expect(checkResource(policy, { type: TASK, props: task(api({ essential: undefined, healthCheck: undefined })) }).violations)
            .toEqual([expect.stringContaining("container 'api' of task definition 'subject' is essential and declares no healthCheck")]);
    });
    it("fires on a health check without a command, or malformed", () => {
        expect(checkResource(policy, { type: TASK, props: task(api({ healthCheck: { interval: 10 } })) }).violations).toEqual([expect.stringContaining("without a command")]);
        expect(checkResource(policy, { type: TASK, props: task(api({ healthCheck: "curl" as never })) }).violations).toEqual([expect.stringContaining("not an object")]);
    });
    it("reports unknown", () => expect(checkResource(policy, { type: TASK, props: { ...task(), containerDefinitions: UNKNOWN } }).unknown).toBeDefined());
});
