import policy from "../../../../policies/kubernetes/workload/disallow-host-process";
import { checkResource, UNKNOWN } from "../../../harness/policy";
import { appContainer, cronJob, deployment, HARDENED, pod, POD_SECURITY, podSpec, UNKNOWN_METADATA } from "./fixtures";

const hostProcessPod = podSpec({ securityContext: { ...POD_SECURITY, windowsOptions: { hostProcess: true } } });
const hostProcessContainer = podSpec({ containers: [appContainer({ securityContext: { ...HARDENED, windowsOptions: { hostProcess: true } } })] });

describe("kubernetes-workload-disallow-host-process", () => {
    it("passes pods without hostProcess, or with it false, on every shape", () => {
        for (const shape of [deployment, cronJob, pod]) {
            expect(checkResource(policy, shape()).violations).toEqual([]);
            expect(checkResource(policy, shape(podSpec({ securityContext: { ...POD_SECURITY, windowsOptions: { hostProcess: false, runAsUserName: "app" } } }))).violations).toEqual([]);
        }
    });

    it("fires on hostProcess on the pod or on a container", () => {
        expect(checkResource(policy, deployment(hostProcessPod)).violations).toEqual([expect.stringContaining("the pod of Deployment 'app' runs as a Windows HostProcess container")]);
        expect(checkResource(policy, cronJob(hostProcessContainer)).violations).toEqual([expect.stringContaining("container 'app' of CronJob 'app'")]);
        expect(checkResource(policy, pod(podSpec({ securityContext: { windowsOptions: { hostProcess: "yes" as unknown as boolean } } }))).violations).toEqual([expect.stringContaining("not a boolean")]);
    });

    it("is unknown when the setting is unknown during preview", () => {
        expect(checkResource(policy, pod(podSpec({ securityContext: { windowsOptions: { hostProcess: UNKNOWN as unknown as boolean } } }))).unknown).toBeDefined();
    });

    it("accepts workloads listed in allowedWorkloads", () => {
        expect(checkResource(policy, { ...deployment(hostProcessPod), config: { allowedWorkloads: ["shop/app"] } }).violations).toEqual([]);
    });

    it("reads the namespace and name only when allowedWorkloads could exempt a violation", () => {
        expect(checkResource(policy, deployment(hostProcessContainer, UNKNOWN_METADATA))).toEqual({ violations: [expect.stringContaining("container 'app' of Deployment 'subject' runs as a Windows HostProcess container")] });
        expect(checkResource(policy, deployment(podSpec(), UNKNOWN_METADATA))).toEqual({ violations: [] });
        const config = { allowedWorkloads: ["shop/app"] };
        expect(checkResource(policy, { ...deployment(podSpec(), UNKNOWN_METADATA), config })).toEqual({ violations: [] });
        expect(checkResource(policy, { ...deployment(hostProcessContainer, UNKNOWN_METADATA), config }).unknown).toBeDefined();
    });

    it("reports a HostProcess container when the pod's setting is unknown during preview", () => {
        const spec = podSpec({ securityContext: { ...POD_SECURITY, windowsOptions: UNKNOWN as never }, containers: [appContainer({ securityContext: { ...HARDENED, windowsOptions: { hostProcess: true } } })] });
        expect(checkResource(policy, pod(spec))).toEqual({ violations: [expect.stringContaining("container 'app' of Pod 'app' runs as a Windows HostProcess container")] });
    });
});
