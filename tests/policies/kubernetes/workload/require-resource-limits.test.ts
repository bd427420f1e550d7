import policy from "../../../../policies/kubernetes/workload/require-resource-limits";
import { checkResource, UNKNOWN } from "../../../harness/policy";
import { appContainer, patchContainer, container, cronJob, deployment, deploymentPatch, pod, podSpec, SHAPES, UNKNOWN_METADATA } from "./fixtures";

describe("kubernetes-workload-require-resource-limits", () => {
    it.each(Object.entries(SHAPES))("passes a sized %s", (_kind, shape) => {
        expect(checkResource(policy, shape()).violations).toEqual([]);
    });

    it("fires when a container sets no memory limit", () => {
        const spec = podSpec({ containers: [appContainer({ resources: { requests: { cpu: "100m", memory: "128Mi" }, limits: { cpu: "500m" } } })] });
        expect(checkResource(policy, deployment(spec)).violations).toEqual([
            "container 'app' of Deployment 'app' sets no resources.limits.memory: set limits and requests for cpu and memory so the pod is scheduled and capped.",
        ]);
    });

    it("fires when a container sets no CPU request", () => {
        const spec = podSpec({ containers: [appContainer({ resources: { requests: { memory: "128Mi" }, limits: { cpu: "500m", memory: "256Mi" } } })] });
        expect(checkResource(policy, pod(spec)).violations).toEqual([expect.stringContaining("container 'app' of Pod 'app' sets no resources.requests.cpu")]);
    });

    it("fires on an init container without resources", () => {
        const spec = podSpec({ initContainers: [container("migrate", { resources: undefined })] });
        expect(checkResource(policy, cronJob(spec)).violations).toEqual([
            expect.stringContaining("init container 'migrate' of CronJob 'app' sets no resources.limits.cpu, resources.limits.memory, resources.requests.cpu, resources.requests.memory"),
        ]);
    });

    it("fires when resources are omitted on every shape", () => {
        const spec = podSpec({ initContainers: [], containers: [appContainer({ resources: undefined })] });
        for (const shape of Object.values(SHAPES)) {
            expect(checkResource(policy, shape(spec)).violations).toHaveLength(1);
        }
    });

    it("fires on a quantity of the wrong type, without crashing", () => {
        const spec = podSpec({ containers: [appContainer({ resources: { requests: { cpu: "100m", memory: "128Mi" }, limits: { cpu: {} as never, memory: "256Mi" } } })] });
        expect(checkResource(policy, deployment(spec)).violations).toEqual([expect.stringContaining("sets resources.limits.cpu to a object, not a quantity")]);
        const broken = podSpec({ containers: [appContainer({ resources: "big" as never })] });
        expect(checkResource(policy, deployment(broken)).violations).toEqual([expect.stringContaining("sets resources to a string, not an object")]);
    });

    it("reports a limit unknown during preview as unknown, not as a verdict", () => {
        const spec = podSpec({ containers: [appContainer({ resources: { requests: { cpu: "100m", memory: "128Mi" }, limits: { cpu: UNKNOWN, memory: "256Mi" } } })] });
        const verdict = checkResource(policy, deployment(spec));
        expect(verdict.unknown).toBeDefined();
        expect(verdict.violations).toEqual([]);
    });

    it("lets requireRequests: false accept limits alone", () => {
        const spec = podSpec({ initContainers: [], containers: [appContainer({ resources: { limits: { cpu: "500m", memory: "256Mi" } } })] });
        expect(checkResource(policy, deployment(spec)).violations).toHaveLength(1);
        expect(checkResource(policy, { ...deployment(spec), config: { requireRequests: false } }).violations).toEqual([]);
    });

    it("lets requireCpuLimits: false accept a container without a CPU limit, and still require its CPU request", () => {
        const uncapped = podSpec({ initContainers: [], containers: [appContainer({ resources: { requests: { cpu: "100m", memory: "128Mi" }, limits: { memory: "256Mi" } } })] });
        expect(checkResource(policy, deployment(uncapped)).violations).toEqual([expect.stringContaining("sets no resources.limits.cpu")]);
        expect(checkResource(policy, { ...deployment(uncapped), config: { requireCpuLimits: false } }).violations).toEqual([]);
        const unrequested = podSpec({ initContainers: [], containers: [appContainer({ resources: { requests: { memory: "128Mi" }, limits: { memory: "256Mi" } } })] });
        expect(checkResource(policy, { ...cronJob(unrequested), config: { requireCpuLimits: false } }).violations).toEqual([
            "container 'app' of CronJob 'app' sets no resources.requests.cpu: set limits for memory and requests for cpu and memory so the pod is scheduled and capped.",
        ]);
    });

    it("requires ephemeral-storage only when requireEphemeralStorage is set", () => {
        const sized = { requests: { cpu: "100m", memory: "128Mi" }, limits: { cpu: "500m", memory: "256Mi" } };
        const spec = podSpec({ initContainers: [], containers: [appContainer({ resources: sized })] });
        expect(checkResource(policy, pod(spec)).violations).toEqual([]);
        expect(checkResource(policy, { ...pod(spec), config: { requireEphemeralStorage: true } }).violations).toEqual([
            "container 'app' of Pod 'app' sets no resources.limits.ephemeral-storage, resources.requests.ephemeral-storage: set limits and requests for cpu, memory and ephemeral-storage so the pod is scheduled and capped.",
        ]);
        expect(checkResource(policy, { ...pod(spec), config: { requireEphemeralStorage: true, requireRequests: false } }).violations).toEqual([
            expect.stringContaining("sets no resources.limits.ephemeral-storage: set limits for cpu, memory and ephemeral-storage"),
        ]);
        const withStorage = podSpec({ initContainers: [], containers: [appContainer({ resources: {
            requests: { ...sized.requests, "ephemeral-storage": "1Gi" }, limits: { ...sized.limits, "ephemeral-storage": "2Gi" },
        } })] });
        for (const shape of [pod, deployment, cronJob]) {
            expect(checkResource(policy, { ...shape(withStorage), config: { requireEphemeralStorage: true } }).violations).toEqual([]);
        }
    });

    it("reports an ephemeral-storage limit unknown during preview as unknown, and a missing one beside it", () => {
        const resources = { requests: { cpu: "100m", memory: "128Mi", "ephemeral-storage": UNKNOWN }, limits: { cpu: "500m", memory: "256Mi", "ephemeral-storage": "2Gi" } };
        const verdict = checkResource(policy, { ...deployment(podSpec({ initContainers: [], containers: [appContainer({ resources })] })), config: { requireEphemeralStorage: true } });
        expect(verdict.unknown).toBeDefined();
        expect(verdict.violations).toEqual([]);
        const missing = { ...resources, limits: { cpu: "500m", memory: "256Mi" } };
        expect(checkResource(policy, { ...deployment(podSpec({ initContainers: [], containers: [appContainer({ resources: missing })] })), config: { requireEphemeralStorage: true } }).violations)
            .toEqual([expect.stringContaining("sets no resources.limits.ephemeral-storage")]);
    });

    it("judges only what a Patch sets", () => {
        expect(checkResource(policy, deploymentPatch({ containers: [patchContainer({ image: "app:2.0.0" })] })).violations).toEqual([]);
        expect(checkResource(policy, deploymentPatch({ containers: [patchContainer({ resources: { limits: { memory: "1Gi" } } })] })).violations).toEqual([]);
        expect(checkResource(policy, deploymentPatch({ containers: [patchContainer({ resources: { limits: { memory: "" } } })] })).violations).toHaveLength(1);
    });

    it("reports a missing limit next to a quantity unknown during preview, whatever the workload's name and namespace", () => {
        const spec = podSpec({ containers: [appContainer({ resources: { requests: { cpu: "100m", memory: "128Mi" }, limits: { cpu: UNKNOWN } } })] });
        expect(checkResource(policy, deployment(spec, UNKNOWN_METADATA))).toEqual({ violations: [expect.stringContaining("container 'app' of Deployment 'subject' sets no resources.limits.memory")] });
        expect(checkResource(policy, deployment(podSpec(), UNKNOWN_METADATA))).toEqual({ violations: [] });
    });
});
