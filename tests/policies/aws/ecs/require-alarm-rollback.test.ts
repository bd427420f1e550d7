import type * as aws from "@pulumi/aws";
import policy from "../../../../policies/aws/ecs/require-alarm-rollback";
import { checkStack, StackResource, UNKNOWN, urnOf } from "../../../harness/policy";

const SERVICE = "aws:ecs/service:Service";
const ALARM = "aws:cloudwatch/metricAlarm:MetricAlarm";
const GROUP = "aws:codedeploy/deploymentGroup:DeploymentGroup";

const latency = (args: Partial<aws.cloudwatch.MetricAlarmArgs> = {}): StackResource => ({
    type: ALARM, name: "latency",
    props: { name: "api-latency-p95", namespace: "AWS/ApplicationELB", metricName: "TargetResponseTime", extendedStatistic: "p95", comparisonOperator: "GreaterThanThreshold", threshold: 10, period: 60, evaluationPeriods: 5, alarmActions: ["arn:aws:sns:us-east-1:123456789012:alerts"], ...args },
});
const service = (args: Partial<aws.ecs.ServiceArgs> = {}, propertyDependencies?: Record<string, string[]>): StackResource => ({
    type: SERVICE, name: "api",
    props: { name: "api", cluster: "arn:aws:ecs:us-east-1:123456789012:cluster/app", desiredCount: 2, alarms: { alarmNames: ["api-latency-p95"], enable: true, rollback: true }, ...args } satisfies aws.ecs.ServiceArgs,
    propertyDependencies,
});
const group = (args: Partial<aws.codedeploy.DeploymentGroupArgs> = {}): StackResource => ({
    type: GROUP, name: "api-deploy",
    props: {
        appName: "api", deploymentGroupName: "api", serviceRoleArn: "arn:aws:iam::123456789012:role/codedeploy",
        ecsService: { clusterName: "app", serviceName: "api" },
        autoRollbackConfiguration: { enabled: true, events: ["DEPLOYMENT_FAILURE", "DEPLOYMENT_STOP_ON_ALARM"] },
        alarmConfiguration: { enabled: true, alarms: ["api-latency-p95"] },
        ...args,
    } satisfies aws.codedeploy.DeploymentGroupArgs,
});

describe("aws-ecs-require-alarm-rollback", () => {
    it("passes a service that rolls back on a p95 latency alarm of 10 s or less", () => {
        expect(checkStack(policy, [service(), latency()]).violations).toEqual([]);
    });
    it("links the alarm through the dependency graph while its name is unknown during preview", () => {
        const pending = { ...latency({ name: UNKNOWN }) };
        expect(checkStack(policy, [service({ alarms: { alarmNames: [UNKNOWN], enable: true, rollback: true } }, { alarms: [urnOf(ALARM, "latency")] }), pending])).toEqual({ violations: [], urns: [] });
    });
    it("fires when alarms are omitted", () => {
        const { alarms: _omitted, ...bare } = service().props as aws.ecs.ServiceArgs;
        const verdict = checkStack(policy, [{ ...service(), props: bare }, latency()]);
        expect(verdict.violations).toEqual([expect.stringContaining("ECS service 'api' sets no alarms")]);
        expect(verdict.urns).toEqual([urnOf(SERVICE, "api")]);
    });
    it("fires when rollback or enable is off, or no alarm is named", () => {
        expect(checkStack(policy, [service({ alarms: { alarmNames: ["api-latency-p95"], enable: true, rollback: false } }), latency()]).violations).toEqual([expect.stringContaining("without enable: true and rollback: true")]);
        expect(checkStack(policy, [service({ alarms: { alarmNames: [], enable: true, rollback: true } }), latency()]).violations).toEqual([expect.stringContaining("no alarmNames")]);
    });
    it("fires when the rollback alarms watch no latency, or too high a latency (milliseconds converted)", () => {
        const cpu = latency({ metricName: "CPUUtilization", namespace: "AWS/ECS", threshold: 80 });
        expect(checkStack(policy, [service(), cpu]).violations).toEqual([expect.stringContaining("rolls back on no alarm of the stack that watches latency")]);
        expect(checkStack(policy, [service(), latency({ threshold: 30 })]).violations).toEqual([expect.stringContaining("threshold is above 10 s")]);
        expect(checkStack(policy, [service(), latency({ namespace: "AWS/ApiGateway", metricName: "Latency", threshold: 9000 })]).violations).toEqual([]);
        expect(checkStack(policy, [service()]).violations).toEqual([expect.stringContaining("no alarm of the stack")]);
    });
    it("is unknown when the named alarm may be one whose name is unknown during preview", () => {
        const verdict = checkStack(policy, [service(), latency({ name: UNKNOWN })]);
        expect(verdict.violations).toEqual([]);
        expect(verdict.unknownUrns).toEqual([urnOf(SERVICE, "api")]);
    });
    it("judges a CodeDeploy service by its deployment group", () => {
        const codeDeploy = service({ deploymentController: { type: "CODE_DEPLOY" } });
        expect(checkStack(policy, [codeDeploy, group(), latency()]).violations).toEqual([]);
        expect(checkStack(policy, [codeDeploy, latency()]).violations).toEqual([expect.stringContaining("no deployment group of the stack names it")]);
        expect(checkStack(policy, [codeDeploy, group({ autoRollbackConfiguration: { enabled: true, events: ["DEPLOYMENT_FAILURE"] } }), latency()]).violations).toEqual([expect.stringContaining("does not roll back on alarms")]);
        expect(checkStack(policy, [codeDeploy, group({ alarmConfiguration: { enabled: false, alarms: ["api-latency-p95"] } }), latency()]).violations).toEqual([expect.stringContaining("watches no alarms")]);
    });
    it("follows the configured latency limit, or drops the latency requirement", () => {
        expect(checkStack(policy, [service(), latency({ threshold: 8 })], { maximumLatencySeconds: 5 }).violations).toEqual([expect.stringContaining("threshold is above 5 s")]);
        const cpu = latency({ metricName: "CPUUtilization", namespace: "AWS/ECS", threshold: 80 });
        expect(checkStack(policy, [service(), cpu], { requireLatencyAlarm: false }).violations).toEqual([]);
    });
});
