import type * as aws from "@pulumi/aws";
import policy from "../../../../policies/aws/autoscaling/require-min-capacity";
import { checkResource, UNKNOWN } from "../../../harness/policy";

const GROUP = "aws:autoscaling/group:Group";
const group: aws.autoscaling.GroupArgs = { minSize: 2, maxSize: 6, launchTemplate: { id: "lt-123", version: "$Latest" } };

describe("aws-autoscaling-require-min-capacity", () => {
    it("passes a group with minSize >= 1 and maxSize >= minSize", () => {
        expect(checkResource(policy, { type: GROUP, props: group }).violations).toEqual([]);
    });

    it("fires on minSize 0", () => {
        expect(checkResource(policy, { type: GROUP, name: "g", props: { ...group, minSize: 0 } }).violations)
            .toEqual([expect.stringContaining("Auto Scaling group 'g' sets minSize to 0 instance(s), below the minimum 1")]);
    });

    it("fires on maxSize below minSize", () => {
        expect(checkResource(policy, { type: GROUP, props: { ...group, maxSize: 1 } }).violations)
            .toEqual([expect.stringContaining("whose minSize is 2, sets maxSize to 1 instance(s), below the minimum 2")]);
    });

    it("fires on omitted or malformed sizes (required by the provider) without crashing", () => {
        expect(checkResource(policy, { type: GROUP, props: { launchTemplate: group.launchTemplate } }).violations).toHaveLength(2);
    });

    it("reports a value unknown during preview as unknown", () => {
        expect(checkResource(policy, { type: GROUP, props: { ...group, minSize: UNKNOWN } }).unknown).toBeDefined();
    });

    it("reports an empty minSize as omitted, not as malformed", () => {
        expect(checkResource(policy, { type: GROUP, props: { ...group, minSize: "" as never } }).violations).toEqual([expect.stringContaining("omits minSize")]);
    });

    it("rejects a minimum above the setting's maximum", () => {
        expect(() => checkResource(policy, { type: GROUP, props: group, config: { minimum: 5000 } })).toThrow(/minimum/);
    });

    it("takes the minimum from config", () => {
        expect(checkResource(policy, { type: GROUP, props: group, config: { minimum: 3 } }).violations).toHaveLength(1);
    });

    it("judges the maximum against the configured minimum while minSize is unknown during preview", () => {
        expect(checkResource(policy, { type: GROUP, name: "web", props: { ...group, minSize: UNKNOWN as never, maxSize: 0 } }).violations)
            .toEqual([expect.stringContaining("Auto Scaling group 'web' sets maxSize to 0 instance(s), below the minimum 1")]);
        expect(checkResource(policy, { type: GROUP, props: { ...group, minSize: UNKNOWN as never } }).unknown).toBeDefined();
        expect(checkResource(policy, { type: GROUP, props: { ...group, maxSize: UNKNOWN as never, minSize: 0 } }).violations).toEqual([expect.stringContaining("sets minSize to 0")]);
    });
});
