import policy from "../../../../policies/aws/ecs/require-pinned-image";
import { checkResource, UNKNOWN } from "../../../harness/policy";
import { api, TASK, task } from "./container-fixture";

describe("aws-ecs-require-pinned-image", () => {
    it("passes a version tag, a digest and a registry with a port", () => {
        const props = task(api(), api({ name: "b", image: "nginx@sha256:abc" }), api({ name: "c", image: "registry.local:5000/team/app:2.0" }));
        expect(checkResource(policy, { type: TASK, props }).violations).toEqual([]);
    });
    it("fires on latest", () => expect(checkResource(policy, { type: TASK, props: task(api({ image: "nginx:latest" })) }).violations).toEqual([expect.stringContaining("moving tag \"latest\"")]));
    it("fires on an untagged image, also behind a registry port", () => {
        expect(checkResource(policy, { type: TASK, props: task(api({ image: "nginx" }), api({ name: "b", image: "registry.local:5000/app" })) }).violations).toHaveLength(2);
    });
    it("fires on a missing image", () => expect(checkResource(policy, { type: TASK, props: task(api({ image: undefined })) }).violations).toHaveLength(1));
    it("takes the disallowed tags from config", () => expect(checkResource(policy, { type: TASK, props: task(api({ image: "app:stable" })), config: { disallowedTags: ["latest", "stable"] } }).violations).toHaveLength(1));
    it("reports unknown", () => expect(checkResource(policy, { type: TASK, props: { ...task(), containerDefinitions: UNKNOWN } }).unknown).toBeDefined());
});
