import type * as aws from "@pulumi/aws";
import policy from "../../../../policies/aws/cloudwatch/require-dashboard";
import { checkStack, StackResource, UNKNOWN, urnOf } from "../../../harness/policy";

const DASHBOARD = "aws:cloudwatch/dashboard:Dashboard";
const SERVICE = "aws:ecs/service:Service";
const LOAD_BALANCER = "aws:lb/loadBalancer:LoadBalancer";

const service: StackResource = { type: SERVICE, name: "api", props: { cluster: "arn:aws:ecs:us-east-1:123456789012:cluster/app", desiredCount: 2 } satisfies aws.ecs.ServiceArgs };
const loadBalancer: StackResource = { type: LOAD_BALANCER, name: "alb", props: { loadBalancerType: "application" } satisfies aws.lb.LoadBalancerArgs };

const metric = (namespace: string, name: string, ...dimensions: string[]) => ({ type: "metric", properties: { metrics: [[namespace, name, ...dimensions]], period: 60, stat: "Average" } });
const FULL = [
    metric("AWS/ECS", "CPUUtilization", "ServiceName", "api"),
    metric("AWS/ECS", "MemoryUtilization", "ServiceName", "api"),
    metric("AWS/ApplicationELB", "RequestCount", "LoadBalancer", "app/alb/1"),
    metric("AWS/ApplicationELB", "HTTPCode_Target_5XX_Count", "LoadBalancer", "app/alb/1"),
    { type: "metric", properties: { metrics: [[{ expression: "SEARCH('{AWS/ApplicationELB,LoadBalancer} MetricName=\"TargetResponseTime\"', 'p95', 60)" }]] } },
];
const dashboard = (widgets: object[], name = "ops"): StackResource => ({ type: DASHBOARD, name, props: { dashboardName: name, dashboardBody: JSON.stringify({ widgets }) } satisfies aws.cloudwatch.DashboardArgs });

describe("aws-cloudwatch-require-dashboard", () => {
    it("passes when the dashboards show CPU, memory, requests, errors and latency (metric arrays and SEARCH expressions)", () => {
        expect(checkStack(policy, [service, loadBalancer, dashboard(FULL)]).violations).toEqual([]);
        expect(checkStack(policy, [service, dashboard(FULL.slice(0, 2), "compute"), dashboard(FULL.slice(2), "traffic")]).violations).toEqual([]);
    });
    it("fires on every service when the stack has no dashboard", () => {
        const verdict = checkStack(policy, [service, loadBalancer]);
        expect(verdict.violations).toEqual([expect.stringContaining("no CloudWatch dashboard, so nobody can see how ECS service 'api' performs"), expect.stringContaining("load balancer 'alb'")]);
        expect(verdict.urns).toEqual([urnOf(SERVICE, "api"), urnOf(LOAD_BALANCER, "alb")]);
    });
    it("fires on the dashboards when a signal is missing, naming it", () => {
        const verdict = checkStack(policy, [service, dashboard(FULL.slice(0, 4))]);
        expect(verdict.violations).toEqual([expect.stringContaining("CloudWatch dashboard 'ops' shows no latency of the stack's ECS services: add metric widgets for TargetResponseTime")]);
        expect(verdict.urns).toEqual([urnOf(DASHBOARD, "ops")]);
        const split = checkStack(policy, [service, dashboard(FULL.slice(0, 1), "compute"), dashboard(FULL.slice(2, 3), "traffic")]);
        expect(split.violations).toEqual([expect.stringContaining("'compute' and the stack's 1 other dashboard(s) show no memory, error rate, latency"), expect.stringContaining("'traffic'")]);
    });
    it("fires on a dashboard body that is not JSON", () => {
        const broken: StackResource = { type: DASHBOARD, name: "ops", props: { dashboardName: "ops", dashboardBody: "{widgets" } satisfies aws.cloudwatch.DashboardArgs };
        const verdict = checkStack(policy, [service, broken]);
        expect(verdict.violations[0]).toContain("CloudWatch dashboard 'ops': dashboardBody is not valid JSON");
        expect(verdict.urns[0]).toEqual(urnOf(DASHBOARD, "ops"));
    });
    it("asks nothing of a stack that serves no requests (the resources omitted)", () => {
        expect(checkStack(policy, [dashboard([])]).violations).toEqual([]);
    });
    it("is unknown during preview when a body built from unknown values could show what is missing", () => {
        const pending: StackResource = { type: DASHBOARD, name: "pending", props: { dashboardName: "pending", dashboardBody: UNKNOWN } };
        const verdict = checkStack(policy, [service, dashboard(FULL.slice(0, 4)), pending]);
        expect(verdict.violations).toEqual([]);
        expect(verdict.unknownUrns).toEqual([urnOf(DASHBOARD, "pending"), urnOf(DASHBOARD, "ops")]);
        expect(checkStack(policy, [service, dashboard(FULL), pending]).unknownUrns).toEqual([urnOf(DASHBOARD, "pending")]);
    });
    it("asks only for the configured signals", () => {
        const partial = [service, dashboard(FULL.slice(0, 4))];
        expect(checkStack(policy, partial, { signals: ["cpu", "memory", "requests", "errors"] }).violations).toEqual([]);
    });
});
