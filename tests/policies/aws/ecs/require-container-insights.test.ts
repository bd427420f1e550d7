import type * as aws from "@pulumi/aws";
import policy from "../../../../policies/aws/ecs/require-container-insights";
import { checkResource, UNKNOWN } from "../../../harness/policy";

const T = "aws:ecs/cluster:Cluster";
const cluster = (value?: string): aws.ecs.ClusterArgs => ({ settings: value === undefined ? undefined : [{ name: "containerInsights", value }] });

describe("aws-ecs-require-container-insights", () => {
    it("passes enabled and enhanced", () => {
        expect(checkResource(policy, { type: T, props: cluster("enabled") }).violations).toEqual([]);
        expect(checkResource(policy, { type: T, props: cluster("enhanced") }).violations).toEqual([]);
    });
    it("fires when the setting is omitted: the account default is off", () => {
        expect(checkResource(policy, { type: T, name: "app", props: cluster() }).violations).toEqual([expect.stringContaining("ECS cluster 'app' does not set containerInsights")]);
        expect(checkResource(policy, { type: T, props: { settings: [] } }).violations).toHaveLength(1);
    });
    it("fires when Container Insights is disabled", () => {
        expect(checkResource(policy, { type: T, props: cluster("disabled") }).violations).toEqual([expect.stringContaining("sets containerInsights to \"disabled\"")]);
    });
    it("fires on malformed settings, without crashing", () => {
        expect(checkResource(policy, { type: T, props: { settings: { name: "containerInsights", value: "enabled" } } }).violations).toEqual([expect.stringContaining("not a list")]);
        expect(checkResource(policy, { type: T, props: { settings: [{ name: "containerInsights", value: true }] } }).violations).toEqual([expect.stringContaining("a boolean")]);
    });
    it("accepts only enhanced when requireEnhanced is set", () => {
        expect(checkResource(policy, { type: T, props: cluster("enabled"), config: { requireEnhanced: true } }).violations).toEqual([expect.stringContaining("set its value to \"enhanced\"")]);
        expect(checkResource(policy, { type: T, props: cluster("enhanced"), config: { requireEnhanced: true } }).violations).toEqual([]);
    });
    it("reports a value unknown during preview as unknown", () => {
        const verdict = checkResource(policy, { type: T, props: cluster(UNKNOWN) });
        expect(verdict.unknown).toBeDefined();
        expect(verdict.violations).toEqual([]);
    });

    it("reads a setting unknown during preview only when no known one is containerInsights", () => {
        const props: aws.ecs.ClusterArgs = { settings: [UNKNOWN as never, { name: "containerInsights", value: "disabled" }] };
        expect(checkResource(policy, { type: T, name: "main", props }).violations).toEqual([expect.stringContaining("ECS cluster 'main' sets containerInsights to \"disabled\"")]);
        expect(checkResource(policy, { type: T, props: { settings: [UNKNOWN as never, { name: "containerInsights", value: "enabled" }] } })).toEqual({ violations: [] });
        expect(checkResource(policy, { type: T, props: { settings: [UNKNOWN as never] } }).unknown).toBeDefined();
    });
});
