import policy from "../../../../policies/aws/ecs/require-read-only-root-filesystem";
import { checkResource, UNKNOWN } from "../../../harness/policy";
import { api, TASK, task } from "./container-fixture";

describe("aws-ecs-require-read-only-root-filesystem", () => {
    it("passes", () => expect(checkResource(policy, { type: TASK, props: task() }).violations).toEqual([]));
    it("fires on false", () => expect(checkResource(policy, { type: TASK, props: task(api({ readonlyRootFilesystem: false })) }).violations)
        .toEqual([expect.stringContaining("sets readonlyRootFilesystem to false")]));
    it("fires when omitted (writable)", () => expect(checkResource(policy, { type: TASK, props: task(api({ readonlyRootFilesystem: undefined })) }).violations)
        .toEqual([expect.stringContaining("omits readonlyRootFilesystem")]));
    it("reports unknown", () => expect(checkResource(policy, { type: TASK, props: { ...task(), containerDefinitions: UNKNOWN } }).unknown).toBeDefined());
});
