import policy from "../../../../policies/kubernetes/workload/restrict-proc-mount";
import { checkResource, UNKNOWN } from "../../../harness/policy";
import { appContainer, cronJob, deployment, HARDENED, pod, podSpec } from "./fixtures";

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
});
