import policy from "../../../../policies/kubernetes/workload/disallow-privileged";
import { checkResource, UNKNOWN } from "../../../harness/policy";
import { appContainer, patchContainer, container, daemonSet, deployment, deploymentPatch, HARDENED, job, podSpec, SHAPES, UNKNOWN_METADATA } from "./fixtures";

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

    it("reads the namespace and name only when allowedWorkloads could exempt a violation", () => {
        // An empty list: a privileged pod in a namespace the stack autonames is still reported.
        const unknownAgent = daemonSet(privileged, UNKNOWN_METADATA);
        expect(checkResource(policy, unknownAgent)).toEqual({ violations: [expect.stringContaining("container 'app' of DaemonSet 'subject' runs privileged")] });
        expect(checkResource(policy, daemonSet(podSpec(), UNKNOWN_METADATA))).toEqual({ violations: [] });
        // A list: a compliant pod passes without the name; a violation waits for it.
        const config = { allowedWorkloads: ["kube-system/*"] };
        expect(checkResource(policy, { ...daemonSet(podSpec(), UNKNOWN_METADATA), config })).toEqual({ violations: [] });
        expect(checkResource(policy, { ...unknownAgent, config }).unknown).toBeDefined();
    });

    it("reports a privileged container next to a container unknown during preview", () => {
        const spec = podSpec({ initContainers: [UNKNOWN as never], containers: [appContainer({ name: UNKNOWN, securityContext: { ...HARDENED, privileged: true } })] });
        expect(checkResource(policy, deployment(spec))).toEqual({ violations: [expect.stringContaining("container '#0' of Deployment 'app' runs privileged")] });
        expect(checkResource(policy, deployment(podSpec({ initContainers: [UNKNOWN as never] }))).unknown).toBeDefined();
    });
});
