import policy from "../../../../policies/kubernetes/workload/disallow-privilege-escalation";
import { checkResource, UNKNOWN } from "../../../harness/policy";
import { appContainer, patchContainer, container, cronJob, deployment, deploymentPatch, HARDENED, pod, podSpec, SHAPES, UNKNOWN_METADATA } from "./fixtures";

describe("kubernetes-workload-disallow-privilege-escalation", () => {
    it.each(Object.entries(SHAPES))("passes a %s whose containers set allowPrivilegeEscalation: false", (_kind, shape) => {
        expect(checkResource(policy, shape()).violations).toEqual([]);
    });

    it("fires on allowPrivilegeEscalation: true", () => {
        const spec = podSpec({ containers: [appContainer({ securityContext: { ...HARDENED, allowPrivilegeEscalation: true } })] });
        expect(checkResource(policy, deployment(spec)).violations).toEqual([
            "container 'app' of Deployment 'app' allows privilege escalation (allowPrivilegeEscalation: true): set it to false.",
        ]);
    });

    it("fires when it is omitted, since Kubernetes then allows escalation", () => {
        const spec = podSpec({ initContainers: [container("migrate", { securityContext: { ...HARDENED, allowPrivilegeEscalation: undefined } })] });
        expect(checkResource(policy, cronJob(spec)).violations).toEqual([expect.stringContaining("init container 'migrate' of CronJob 'app' does not set securityContext.allowPrivilegeEscalation")]);
        const bare = podSpec({ initContainers: [], containers: [appContainer({ securityContext: undefined })] });
        expect(checkResource(policy, pod(bare)).violations).toHaveLength(1);
    });

    it("fires on a value that is not a boolean, without crashing", () => {
        const spec = podSpec({ containers: [appContainer({ securityContext: { ...HARDENED, allowPrivilegeEscalation: 0 as never } })] });
        expect(checkResource(policy, deployment(spec)).violations).toEqual([expect.stringContaining("to a number, not a boolean")]);
    });

    it("reports a value unknown during preview as unknown, not as a verdict", () => {
        const spec = podSpec({ containers: [appContainer({ securityContext: { ...HARDENED, allowPrivilegeEscalation: UNKNOWN as never } })] });
        const verdict = checkResource(policy, deployment(spec));
        expect(verdict.unknown).toBeDefined();
        expect(verdict.violations).toEqual([]);
    });

    it("exempts the workloads listed in allowedWorkloads", () => {
        const spec = podSpec({ containers: [appContainer({ securityContext: { ...HARDENED, allowPrivilegeEscalation: true } })] });
        expect(checkResource(policy, { ...deployment(spec), config: { allowedWorkloads: ["shop/app"] } }).violations).toEqual([]);
    });

    it("judges only what a Patch sets", () => {
        expect(checkResource(policy, deploymentPatch({ containers: [patchContainer({ image: "app:2.0.0" })] })).violations).toEqual([]);
        expect(checkResource(policy, deploymentPatch({ containers: [patchContainer({ securityContext: { allowPrivilegeEscalation: true } })] })).violations).toHaveLength(1);
    });

    it("reads the namespace and name only when allowedWorkloads could exempt a violation", () => {
        const spec = podSpec({ containers: [appContainer({ securityContext: { ...HARDENED, allowPrivilegeEscalation: true } })] });
        expect(checkResource(policy, deployment(spec, UNKNOWN_METADATA))).toEqual({ violations: [expect.stringContaining("allows privilege escalation")] });
        expect(checkResource(policy, deployment(podSpec(), UNKNOWN_METADATA))).toEqual({ violations: [] });
        const config = { allowedWorkloads: ["shop/app"] };
        expect(checkResource(policy, { ...deployment(podSpec(), UNKNOWN_METADATA), config })).toEqual({ violations: [] });
        expect(checkResource(policy, { ...deployment(spec, UNKNOWN_METADATA), config }).unknown).toBeDefined();
    });
});
