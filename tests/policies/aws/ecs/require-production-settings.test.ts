import policy from "../../../../policies/aws/ecs/require-production-settings";
import { checkResource, UNKNOWN } from "../../../harness/policy";
import { api, TASK, task } from "./container-fixture";

describe("aws-ecs-require-production-settings", () => {
    it("passes production settings", () => {
        const props = task(api({ environment: [{ name: "NODE_ENV", value: "production" }, { name: "LOG_LEVEL", value: "info" }, { name: "DEBUG", value: "false" }] }));
        expect(checkResource(policy, { type: TASK, props }).violations).toEqual([]);
    });
    it("fires on each non-production setting, per container", () => {
        const sidecar = api({ name: "worker", environment: [{ name: "LOG_LEVEL", value: "trace" }] });
        const props = task(api({ environment: [{ name: "NODE_ENV", value: "development" }, { name: "DEBUG", value: "true" }] }), sidecar);
        expect(checkResource(policy, { type: TASK, name: "app-task", props }).violations).toEqual([
            "container 'api' of task definition 'app-task' sets NODE_ENV to \"development\", not a production environment: set it to production.",
            "container 'api' of task definition 'app-task' sets DEBUG to \"true\", which turns debug mode on: set it to false or remove it.",
            "container 'worker' of task definition 'app-task' sets LOG_LEVEL to \"trace\", a log level too verbose for production: set it to info or less verbose.",
        ]);
    });
    it("judges no setting taken from the secret store", () => {
        const props = task(api({ environment: [], secrets: [{ name: "DEBUG", valueFrom: "arn:aws:ssm:us-east-1:123456789012:parameter/app/debug" }] }));
        expect(checkResource(policy, { type: TASK, props }).violations).toEqual([]);
    });
    it("passes when environment is omitted", () => expect(checkResource(policy, { type: TASK, props: task(api({ environment: undefined })) }).violations).toEqual([]));
    it("reports unknown", () => expect(checkResource(policy, { type: TASK, props: { ...task(), containerDefinitions: UNKNOWN } }).unknown).toBeDefined());
    it("takes accepted values from config", () => {
        const props = task(api({ environment: [{ name: "ENVIRONMENT", value: "prd" }] }));
        expect(checkResource(policy, { type: TASK, props }).violations).toHaveLength(1);
        expect(checkResource(policy, { type: TASK, props, config: { productionValues: ["prd"] } }).violations).toEqual([]);
    });
});
