import policy from "../../../../policies/kubernetes/workload/require-seccomp-profile";
import { checkResource, UNKNOWN } from "../../../harness/policy";
import { appContainer, patchContainer, cronJob, deployment, deploymentPatch, HARDENED, pod, POD_SECURITY, podSpec, SHAPES, UNKNOWN_METADATA } from "./fixtures";

const noPodProfile = { ...POD_SECURITY, seccompProfile: undefined };

describe("kubernetes-workload-require-seccomp-profile", () => {
    it.each(Object.entries(SHAPES))("passes a %s with a RuntimeDefault pod profile", (_kind, shape) => {
        expect(checkResource(policy, shape()).violations).toEqual([]);
    });

    it("passes a container-level Localhost profile without a pod profile", () => {
        const spec = podSpec({
            securityContext: noPodProfile,
            initContainers: [],
            containers: [appContainer({ securityContext: { ...HARDENED, seccompProfile: { type: "Localhost", localhostProfile: "profiles/app.json" } } })],
        });
        expect(checkResource(policy, pod(spec)).violations).toEqual([]);
    });

    it("fires when a container overrides the pod profile with Unconfined", () => {
        const spec = podSpec({ containers: [appContainer({ securityContext: { ...HARDENED, seccompProfile: { type: "Unconfined" } } })] });
        expect(checkResource(policy, deployment(spec)).violations).toEqual([
            "container 'app' of Deployment 'app' runs under seccomp profile Unconfined: set securityContext.seccompProfile.type to RuntimeDefault or Localhost.",
        ]);
    });

    it("fires on every container when no profile is set on the pod or the containers", () => {
        const verdict = checkResource(policy, cronJob(podSpec({ securityContext: noPodProfile })));
        expect(verdict.violations).toEqual([
            expect.stringContaining("init container 'migrate' of CronJob 'app' sets no securityContext.seccompProfile, so it runs Unconfined"),
            expect.stringContaining("container 'app' of CronJob 'app' sets no securityContext.seccompProfile"),
        ]);
    });

    it("fires on a pod-level Unconfined profile even when every container overrides it", () => {
        const runtimeDefault = { ...HARDENED, seccompProfile: { type: "RuntimeDefault" } };
        const spec = podSpec({
            securityContext: { ...POD_SECURITY, seccompProfile: { type: "Unconfined" } },
            initContainers: [],
            containers: [appContainer({ securityContext: runtimeDefault })],
        });
        expect(checkResource(policy, deployment(spec)).violations).toEqual([
            expect.stringContaining("the pod of Deployment 'app' runs under seccomp profile Unconfined"),
        ]);
    });

    it("accepts an unset profile with allowUnset, and still rejects Unconfined", () => {
        const unset = podSpec({ securityContext: noPodProfile });
        expect(checkResource(policy, { ...deployment(unset), config: { allowUnset: true } }).violations).toEqual([]);
        const unconfined = podSpec({ securityContext: noPodProfile, containers: [appContainer({ securityContext: { ...HARDENED, seccompProfile: { type: "Unconfined" } } })] });
        expect(checkResource(policy, { ...deployment(unconfined), config: { allowUnset: true } }).violations).toEqual([
            expect.stringContaining("container 'app' of Deployment 'app' runs under seccomp profile Unconfined"),
        ]);
    });

    it("fires on a profile without a type, without crashing", () => {
        const spec = podSpec({ securityContext: { ...POD_SECURITY, seccompProfile: "RuntimeDefault" as never } });
        expect(checkResource(policy, deployment(spec)).violations[0]).toContain("sets securityContext.seccompProfile to a string without a type");
    });

    it("reports a value unknown during preview as unknown, not as a verdict", () => {
        const verdict = checkResource(policy, deployment(podSpec({ securityContext: { ...POD_SECURITY, seccompProfile: { type: UNKNOWN } } })));
        expect(verdict.unknown).toBeDefined();
        expect(verdict.violations).toEqual([]);
    });

    it("takes the allowed profiles from config", () => {
        const spec = podSpec({ containers: [appContainer({ securityContext: { ...HARDENED, seccompProfile: { type: "Unconfined" } } })] });
        expect(checkResource(policy, { ...deployment(spec), config: { allowedProfiles: ["RuntimeDefault", "Unconfined"] } }).violations).toEqual([]);
        // The pod's profile is reported once, on the pod, not once per container that inherits it.
        expect(checkResource(policy, { ...deployment(), config: { allowedProfiles: ["Localhost"] } }).violations).toEqual([
            expect.stringContaining("the pod of Deployment 'app' runs under seccomp profile RuntimeDefault"),
        ]);
    });

    it("judges only what a Patch sets", () => {
        expect(checkResource(policy, deploymentPatch({ containers: [patchContainer({ image: "app:2.0.0" })] })).violations).toEqual([]);
        expect(checkResource(policy, deploymentPatch({ securityContext: { seccompProfile: { type: "Unconfined" } } })).violations).toEqual([
            expect.stringContaining("the pod of Deployment 'app' runs under seccomp profile Unconfined"),
        ]);
        expect(checkResource(policy, deploymentPatch({ containers: [patchContainer({ securityContext: { seccompProfile: { type: "Unconfined" } } })] })).violations).toHaveLength(1);
    });

    it("reports an unconfined container when the pod's profile, a sibling container, the name and the namespace are unknown during preview", () => {
        const spec = podSpec({
            securityContext: { ...POD_SECURITY, seccompProfile: UNKNOWN as never },
            initContainers: [UNKNOWN as never],
            containers: [appContainer({ securityContext: { ...HARDENED, seccompProfile: { type: "Unconfined" } } })],
        });
        expect(checkResource(policy, deployment(spec, UNKNOWN_METADATA))).toEqual({ violations: [expect.stringContaining("container 'app' of Deployment 'subject' runs under seccomp profile Unconfined")] });
        expect(checkResource(policy, deployment(podSpec(), UNKNOWN_METADATA))).toEqual({ violations: [] });
    });
});
