import policy from "../../../../policies/kubernetes/workload/disallow-privileged";
import { checkResource, UNKNOWN } from "../../../harness/policy";
import { appContainer, container, daemonSet, deployment, deploymentPatch, HARDENED, job, patchContainer, podSpec, SHAPES } from "./fixtures";

const privileged = podSpec({ containers: [appContainer({ securityContext: { ...HARDENED, privileged: true } })] });

describe("kubernetes-workload-disallow-privileged", () => {
    it.each(Object.entries(SHAPES))("passes an unprivileged %s", (_kind, shape) => {
        expect(checkResource(policy, shape()).violations).toEqual([]);
    });

    it.each(Object.entries(SHAPES))("fires on a privileged container in a %s", (kind, shape) => {
        expect(checkResource(policy, shape(privileged)).violations).toEqual([
            `container 'app' of ${kind} 'app' runs privileged (securityContext.privileged: true): set it to false and add only the capability the process needs.`,
        ]);
    });

    it("fires on a privileged init container", () => {
        const spec = podSpec({ initContainers: [container("migrate", { securityContext: { privileged: true } })] });
        expect(checkResource(policy, job(spec)).violations).toEqual([expect.stringContaining("init container 'migrate' of Job 'app' runs privileged")]);
    });

    it("passes when privileged is omitted (Kubernetes defaults to unprivileged)", () => {
        const spec = podSpec({ containers: [appContainer({ securityContext: { ...HARDENED, privileged: undefined } })] });
        expect(checkResource(policy, deployment(spec)).violations).toEqual([]);
    });

    it("fires on a value that is not a boolean, without crashing", () => {
        const spec = podSpec({ containers: [appContainer({ securityContext: { ...HARDENED, privileged: "yes" as never } })] });
        expect(checkResource(policy, deployment(spec)).violations).toEqual([expect.stringContaining("sets securityContext.privileged to a string, not a boolean")]);
    });

    it("reports a value unknown during preview as unknown, not as a verdict", () => {
        const spec = podSpec({ containers: [appContainer({ securityContext: { ...HARDENED, privileged: UNKNOWN as never } })] });
        const verdict = checkResource(policy, deployment(spec));
        expect(verdict.unknown).toBeDefined();
        expect(verdict.violations).toEqual([]);
    });

    it("exempts the workloads listed in allowedWorkloads", () => {
        const agent = daemonSet(privileged, { name: "cni", namespace: "kube-system" });
        expect(checkResource(policy, agent).violations).toHaveLength(1);
        expect(checkResource(policy, { ...agent, config: { allowedWorkloads: ["kube-system/*"] } }).violations).toEqual([]);
        expect(checkResource(policy, { ...agent, config: { allowedWorkloads: ["cni"] } }).violations).toEqual([]);
        expect(checkResource(policy, { ...agent, config: { allowedWorkloads: ["default/cni"] } }).violations).toHaveLength(1);
    });

    it("judges only what a Patch sets", () => {
        expect(checkResource(policy, deploymentPatch({ containers: [patchContainer({ image: "app:2.0.0" })] })).violations).toEqual([]);
        expect(checkResource(policy, deploymentPatch({ containers: [patchContainer({ securityContext: { privileged: true } })] })).violations).toHaveLength(1);
    });
});
