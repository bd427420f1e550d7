import policy from "../../../../policies/aws/ecs/require-log-configuration";
import { checkResource, UNKNOWN } from "../../../harness/policy";
import { api, TASK, task } from "./container-fixture";

describe("aws-ecs-require-log-configuration", () => {
    it("passes awslogs and awsfirelens", () => {
        expect(checkResource(policy, { type: TASK, props: task(api(), api({ name: "b", logConfiguration: { logDriver: "awsfirelens" } })) }).violations).toEqual([]);
    });
    it("fires on another driver", () => expect(checkResource(policy, { type: TASK, props: task(api({ logConfiguration: { logDriver: "json-file" } })) }).violations)
        .toEqual([expect.stringContaining("logs through \"json-file\"")]));
    it("fires when omitted or malformed", () => {
        expect(checkResource(policy, { type: TASK, props: task(api({ logConfiguration: undefined })) }).violations).toEqual([expect.stringContaining("sets no logConfiguration")]);
        expect(checkResource(policy, { type: TASK, props: task(api({ logConfiguration: {} as never })) }).violations).toEqual([expect.stringContaining("sets no logConfiguration.logDriver")]);
    });
    it("takes the allowed drivers from config", () => expect(checkResource(policy, { type: TASK, props: task(), config: { allowedLogDrivers: ["awsfirelens"] } }).violations).toHaveLength(1));
    it("reports unknown", () => expect(checkResource(policy, { type: TASK, props: { ...task(), containerDefinitions: UNKNOWN } }).unknown).toBeDefined());
});
