import policy from "../../../../policies/kubernetes/workload/restrict-run-as-user";
import { checkResource, UNKNOWN } from "../../../harness/policy";
import { appContainer, patchContainer, container, deployment, deploymentPatch, HARDENED, job, pod, POD_SECURITY, podSpec, SHAPES, UNKNOWN_METADATA } from "./fixtures";

describe("kubernetes-workload-restrict-run-as-user", () => {
    it.each(Object.entries(SHAPES))("passes a %s running as uid 1000", (_kind, shape) => {
        expect(checkResource(policy, shape()).violations).toEqual([]);
    });

    it("fires on a pod uid below 1000, for every container that inherits it", () => {
        const verdict = checkResource(policy, job(podSpec({ securityContext: { ...POD_SECURITY, runAsUser: 101 } })));
        expect(verdict.violations).toEqual([
            "init container 'migrate' of Job 'app' runs as uid 101, below the minimum 1000: set runAsUser to 1000 or above.",
            "container 'app' of Job 'app' runs as uid 101, below the minimum 1000: set runAsUser to 1000 or above.",
        ]);
    });

    it("lets a container's own uid override the pod's", () => {
        const low = podSpec({ initContainers: [container("migrate", { securityContext: { ...HARDENED, runAsUser: 999 } })] });
        expect(checkResource(policy, deployment(low)).violations).toEqual([expect.stringContaining("init container 'migrate' of Deployment 'app' runs as uid 999")]);
        const fixed = podSpec({ securityContext: { ...POD_SECURITY, runAsUser: 0 }, initContainers: [], containers: [appContainer({ securityContext: { ...HARDENED, runAsUser: 1001 } })] });
        expect(checkResource(policy, deployment(fixed)).violations).toEqual([]);
    });

    it("passes when runAsUser is omitted (the image's user; require-non-root judges it)", () => {
        expect(checkResource(policy, pod(podSpec({ securityContext: { runAsNonRoot: true } }))).violations).toEqual([]);
    });

    it("fires on a uid that is not a number, without crashing", () => {
        expect(checkResource(policy, deployment(podSpec({ securityContext: { runAsUser: "app" as never } }))).violations[0]).toContain("sets runAsUser to a string, not a uid");
    });

    it("reports a uid unknown during preview as unknown, not as a verdict", () => {
        const verdict = checkResource(policy, deployment(podSpec({ securityContext: { ...POD_SECURITY, runAsUser: UNKNOWN as never } })));
        expect(verdict.unknown).toBeDefined();
        expect(verdict.violations).toEqual([]);
    });

    it("takes the minimum uid from config", () => {
        expect(checkResource(policy, { ...deployment(), config: { minimumUid: 10000 } }).violations).toHaveLength(2);
        const low = podSpec({ securityContext: { ...POD_SECURITY, runAsUser: 500 } });
        expect(checkResource(policy, { ...deployment(low), config: { minimumUid: 500 } }).violations).toEqual([]);
    });

    it("judges only what a Patch sets", () => {
        expect(checkResource(policy, deploymentPatch({ containers: [patchContainer({ image: "app:2.0.0" })] })).violations).toEqual([]);
        expect(checkResource(policy, deploymentPatch({ containers: [patchContainer({ securityContext: { runAsUser: 0 } })] })).violations).toHaveLength(1);
    });

    it("reports a low uid next to a container unknown during preview, whatever the workload's name and namespace", () => {
        const spec = podSpec({ initContainers: [UNKNOWN as never], containers: [appContainer({ securityContext: { ...HARDENED, runAsUser: 10 } })] });
        expect(checkResource(policy, deployment(spec, UNKNOWN_METADATA))).toEqual({ violations: [expect.stringContaining("container 'app' of Deployment 'subject' runs as uid 10")] });
        expect(checkResource(policy, deployment(podSpec(), UNKNOWN_METADATA))).toEqual({ violations: [] });
    });
});
