import policy from "../../../../policies/kubernetes/workload/restrict-proc-mount";
import { checkResource, UNKNOWN } from "../../../harness/policy";
import { appContainer, cronJob, deployment, HARDENED, pod, podSpec, UNKNOWN_METADATA } from "./fixtures";

const withProcMount = (procMount: unknown) => podSpec({ containers: [appContainer({ securityContext: { ...HARDENED, procMount: procMount as string } })] });

describe("kubernetes-workload-restrict-proc-mount", () => {
    it("passes procMount omitted or Default, on every shape", () => {
        for (const shape of [deployment, cronJob, pod]) {
            expect(checkResource(policy, shape()).violations).toEqual([]);
            expect(checkResource(policy, shape(withProcMount("Default"))).violations).toEqual([]);
        }
    });

    it("fires on Unmasked and on a value that is not a string", () => {
        expect(checkResource(policy, deployment(withProcMount("Unmasked"))).violations).toEqual([expect.stringContaining("container 'app' of Deployment 'app' sets securityContext.procMount to Unmasked")]);
        expect(checkResource(policy, pod(withProcMount(1))).violations).toEqual([expect.stringContaining("not a string")]);
    });

    it("is unknown when procMount is unknown during preview", () => {
        expect(checkResource(policy, deployment(withProcMount(UNKNOWN))).unknown).toBeDefined();
    });

    it("accepts Unmasked when configured", () => {
        expect(checkResource(policy, { ...deployment(withProcMount("Unmasked")), config: { allowedProcMountTypes: ["Default", "Unmasked"] } }).violations).toEqual([]);
    });

    it("reports an unmasked /proc next to a container unknown during preview, whatever the workload's name and namespace", () => {
        const spec = podSpec({ initContainers: [UNKNOWN as never], containers: [appContainer({ securityContext: { ...HARDENED, procMount: "Unmasked" } })] });
        expect(checkResource(policy, deployment(spec, UNKNOWN_METADATA))).toEqual({ violations: [expect.stringContaining("container 'app' of Deployment 'subject' sets securityContext.procMount to Unmasked")] });
        expect(checkResource(policy, deployment(podSpec(), UNKNOWN_METADATA))).toEqual({ violations: [] });
    });
});
