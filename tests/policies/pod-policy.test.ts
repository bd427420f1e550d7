// The pod-policy builder (which workloads, the allow-list, the pod and its containers judged apart)
// and the switch check, each on a small policy of its own rather than through one of the pack's.
import { requireSwitch } from "../../policies/lib/checks";
import { isLongRunningType, isPodTemplateType, LONG_RUNNING_WORKLOAD_TYPES, POD_WORKLOAD_TYPES } from "../../policies/lib/kubernetes";
import { podPolicy } from "../../policies/lib/pod-policy";
import { checkResource, UNKNOWN } from "../harness/policy";

const metadata = {
    description: "A pod policy of this spec.",
    priority: "P1",
    severity: "low",
    checklist: ["003.security.container-security"],
    remediationSteps: "Set it.",
} as const;

// Reports a pod that shares the node's network and each container that runs privileged.
const policy = podPolicy({
    ...metadata,
    name: "kubernetes-workload-disallow-example",
    allowedWorkloads: "Workloads allowed.",
    validatePod: ({ spec, workload }, _config, report) => {
        if (spec.hostNetwork === true) {
            report(`${workload} shares the node's network.`);
        }
    },
    validateContainer: ({ view, where }, _config, report) => {
        if (view.securityContext.privileged === true) {
            report(`${where} runs privileged.`);
        }
    },
});

const deployment = (spec: object, metadata: object = { name: "web", namespace: "shop" }) => ({
    type: "kubernetes:apps/v1:Deployment",
    props: { metadata, spec: { selector: {}, template: { metadata: {}, spec } } },
});
const offending = { hostNetwork: true, containers: [{ name: "app", securityContext: { privileged: true } }] };

describe("podPolicy", () => {
    it("judges every workload kind that carries a pod spec, or the long-running ones", () => {
        expect(policy.resourceTypes).toEqual(POD_WORKLOAD_TYPES);
        expect(policy.appliesTo).toBe(isPodTemplateType);
        const longRunning = podPolicy({ ...metadata, name: "kubernetes-workload-require-example", workloads: "long-running", validatePod: () => undefined });
        expect(longRunning.resourceTypes).toEqual(LONG_RUNNING_WORKLOAD_TYPES);
        expect(longRunning.appliesTo).toBe(isLongRunningType);
    });

    it("adds the allowedWorkloads setting, empty by default", () => {
        expect(policy.configSchema?.properties?.allowedWorkloads).toEqual({ type: "array", items: { type: "string" }, default: [], description: "Workloads allowed." });
    });

    it("reports the pod, then each container", () => {
        expect(checkResource(policy, deployment(offending)).violations).toEqual([
            "Deployment 'web' shares the node's network.",
            "container 'app' of Deployment 'web' runs privileged.",
        ]);
    });

    it("judges nothing where the workload sets no pod spec", () => {
        expect(checkResource(policy, { type: "kubernetes:apps/v1:DeploymentPatch", props: { spec: { replicas: 2 } } }).violations).toEqual([]);
    });

    it("exempts a listed workload, and reads its name only when the judgement found a violation", () => {
        expect(checkResource(policy, { ...deployment(offending), config: { allowedWorkloads: ["shop/web"] } }).violations).toEqual([]);
        expect(checkResource(policy, { ...deployment(offending), config: { allowedWorkloads: ["other/*"] } }).violations).toHaveLength(2);
        const unknownName = deployment({ containers: [{ name: "app" }] }, { name: UNKNOWN, namespace: UNKNOWN });
        expect(checkResource(policy, { ...unknownName, config: { allowedWorkloads: ["shop/web"] } })).toEqual({ violations: [] });
    });

    it("reports the pod's violation next to a container unknown during preview", () => {
        const verdict = checkResource(policy, deployment({ hostNetwork: true, containers: [UNKNOWN] }));
        expect(verdict.violations).toEqual(["Deployment 'web' shares the node's network."]);
        expect(verdict.unknown).toBeUndefined();
        expect(checkResource(policy, deployment({ containers: [UNKNOWN] })).unknown).toBeDefined();
    });
});

describe("requireSwitch", () => {
    const judge = (value: unknown, omitted?: string, omission?: "blank" | "absent") => {
        const reported: string[] = [];
        requireSwitch(value, { where: "MQ broker 'orders'", property: "publiclyAccessible", required: false, omitted, wrong: "is publicly accessible", omission }, (m) => reported.push(m));
        return reported;
    };

    it("passes the required value, as a boolean or its string", () => {
        expect(judge(false)).toEqual([]);
        expect(judge("false")).toEqual([]);
    });

    it("reports the other value, and a value that is not a boolean", () => {
        expect(judge(true)).toEqual(["MQ broker 'orders' is publicly accessible: set publiclyAccessible: false."]);
        expect(judge("yes")).toEqual(["MQ broker 'orders' sets publiclyAccessible to a string, not a boolean: set it to false."]);
    });

    it("reports an omitted switch only when omitting it matters", () => {
        expect(judge(undefined)).toEqual([]);
        expect(judge("")).toEqual([]);
        expect(judge(undefined, "so the API makes it public")).toEqual(["MQ broker 'orders' omits publiclyAccessible, so the API makes it public: set publiclyAccessible: false."]);
    });

    it("judges null and \"\" as values that are not booleans when only an absent setting is omitted", () => {
        expect(judge(undefined, undefined, "absent")).toEqual([]);
        expect(judge(null, undefined, "absent")).toEqual(["MQ broker 'orders' sets publiclyAccessible to null, not a boolean: set it to false."]);
        expect(judge("", undefined, "absent")).toEqual(["MQ broker 'orders' sets publiclyAccessible to a string, not a boolean: set it to false."]);
        expect(judge(null)).toEqual([]);
    });

    it("says whether the switch holds, so a policy can judge more after it", () => {
        const holds = (value: unknown, omitted?: string) => requireSwitch(value, { where: "MQ broker 'orders'", property: "publiclyAccessible", required: false, omitted, wrong: "is publicly accessible" }, () => undefined);
        expect([holds(false), holds(undefined), holds(true), holds("yes"), holds(undefined, "so the API makes it public")]).toEqual([true, true, false, false, false]);
    });
});
