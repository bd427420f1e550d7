import policy from "../../../../policies/aws/ecs/disallow-privileged-containers";
import { checkResource, UNKNOWN } from "../../../harness/policy";
import { api, TASK, task } from "./container-fixture";

describe("aws-ecs-disallow-privileged-containers", () => {
    it("passes privileged false and omitted", () => {
        expect(checkResource(policy, { type: TASK, props: task(api(), api({ name: "b", privileged: undefined })) }).violations).toEqual([]);
    });
    it("fires on a privileged container", () => expect(checkResource(policy, { type: TASK, name: "t", props: task(api({ privileged: true })) }).violations)
        .toEqual([expect.stringContaining("container 'api' of task definition 't' runs privileged")]));
    it("fires on a malformed value and on invalid JSON", () => {
        expect(checkResource(policy, { type: TASK, props: task(api({ privileged: "yes" as never })) }).violations).toEqual([expect.stringContaining("not a boolean")]);
        expect(checkResource(policy, { type: TASK, props: { ...task(), containerDefinitions: "{" } }).violations).toEqual([expect.stringContaining("not valid JSON")]);
    });
    it("reports unknown", () => expect(checkResource(policy, { type: TASK, props: { ...task(), containerDefinitions: UNKNOWN } }).unknown).toBeDefined());
});
