import type * as k8s from "@pulumi/kubernetes";
import policy from "../../../../policies/kubernetes/object/restrict-deprecated-api-versions";
import { checkResource, UNKNOWN } from "../../../harness/policy";

const budget: k8s.policy.v1beta1.PodDisruptionBudgetArgs = { metadata: { name: "web", namespace: "shop" }, spec: { minAvailable: 1, selector: { matchLabels: { app: "web" } } } };
const ingress: k8s.extensions.v1beta1.IngressArgs = { metadata: { name: "web" }, spec: { rules: [{ host: "shop.example.com" }] } };
const hpa: k8s.autoscaling.v2beta2.HorizontalPodAutoscalerArgs = { metadata: { name: "web" }, spec: { maxReplicas: 3, scaleTargetRef: { kind: "Deployment", name: "web" } } };
const flowSchema: k8s.flowcontrol.v1beta3.FlowSchemaArgs = { metadata: { name: "batch" }, spec: { priorityLevelConfiguration: { name: "batch" } } };

describe("kubernetes-object-restrict-deprecated-api-versions", () => {
    it("does not judge current versions", () => {
        expect(policy.resourceTypes).not.toContain("kubernetes:policy/v1:PodDisruptionBudget");
        expect(policy.resourceTypes).not.toContain("kubernetes:networking.k8s.io/v1:Ingress");
        expect(policy.resourceTypes).toContain("kubernetes:batch/v1beta1:CronJob");
    });

    it("fires on versions removed by the target release, naming the replacement", () => {
        expect(checkResource(policy, { type: "kubernetes:policy/v1beta1:PodDisruptionBudget", props: budget }).violations)
            .toEqual(["PodDisruptionBudget 'web' (apiVersion policy/v1beta1) uses an API version Kubernetes removed in 1.25, so Kubernetes 1.33 rejects it: move it to apiVersion policy/v1."]);
        expect(checkResource(policy, { type: "kubernetes:extensions/v1beta1:Ingress", props: ingress }).violations).toEqual([expect.stringContaining("removed in 1.22")]);
        expect(checkResource(policy, { type: "kubernetes:autoscaling/v2beta2:HorizontalPodAutoscaler", props: hpa }).violations).toEqual([expect.stringContaining("move it to apiVersion autoscaling/v2")]);
        expect(checkResource(policy, { type: "kubernetes:flowcontrol.apiserver.k8s.io/v1beta3:FlowSchema", props: flowSchema }).violations).toEqual([expect.stringContaining("removed in 1.32")]);
        expect(checkResource(policy, { type: "kubernetes:policy/v1beta1:PodSecurityPolicy", props: {} }).violations).toEqual([expect.stringContaining("the API has no successor")]);
    });

    it("judges patches of retired versions", () => {
        expect(checkResource(policy, { type: "kubernetes:batch/v1beta1:CronJobPatch", props: { metadata: { name: "nightly" } } }).violations).toHaveLength(1);
    });

    it("reports deprecated versions that the target still serves, unless turned off", () => {
        const old = { type: "kubernetes:flowcontrol.apiserver.k8s.io/v1beta3:FlowSchema", props: flowSchema };
        expect(checkResource(policy, { ...old, config: { targetVersion: "1.30" } }).violations).toEqual([expect.stringContaining("deprecated since Kubernetes 1.29 and removed in 1.32")]);
        expect(checkResource(policy, { ...old, config: { targetVersion: "1.30", reportDeprecated: false } }).violations).toEqual([]);
        expect(checkResource(policy, { ...old, config: { targetVersion: "1.28" } }).violations).toEqual([]);
    });

    it("fires when the metadata name is unknown during preview, naming the object by its Pulumi name", () => {
        const verdict = checkResource(policy, { type: "kubernetes:policy/v1beta1:PodDisruptionBudget", name: "web-pdb", props: { metadata: { name: UNKNOWN } } });
        expect(verdict.unknown).toBeUndefined();
        expect(verdict.violations).toEqual([expect.stringContaining("PodDisruptionBudget 'web-pdb' (apiVersion policy/v1beta1) uses an API version Kubernetes removed in 1.25")]);
    });
});
