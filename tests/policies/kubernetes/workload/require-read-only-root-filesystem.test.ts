import policy from "../../../../policies/kubernetes/workload/require-read-only-root-filesystem";
import { checkResource, UNKNOWN } from "../../../harness/policy";
import { appContainer, patchContainer, container, deployment, deploymentPatch, HARDENED, podSpec, SHAPES, statefulSet, UNKNOWN_METADATA } from "./fixtures";

describe("kubernetes-workload-require-read-only-root-filesystem", () => {
    it.each(Object.entries(SHAPES))("passes a %s with read-only root filesystems", (_kind, shape) => {
        expect(checkResource(policy, shape()).violations).toEqual([]);
    });

    it("fires on readOnlyRootFilesystem: false", () => {
        const spec = podSpec({ containers: [appContainer({ securityContext: { ...HARDENED, readOnlyRootFilesystem: false } })] });
        expect(checkResource(policy, statefulSet(spec)).violations).toEqual([
            "container 'app' of StatefulSet 'app' has a writable root filesystem (readOnlyRootFilesystem: false): set it to true and mount an emptyDir where it must write.",
        ]);
    });

    it("fires when it is omitted, init containers included", () => {
        const spec = podSpec({ initContainers: [container("migrate", { securityContext: { ...HARDENED, readOnlyRootFilesystem: undefined } })] });
        expect(checkResource(policy, deployment(spec)).violations).toEqual([expect.stringContaining("init container 'migrate' of Deployment 'app' does not set securityContext.readOnlyRootFilesystem")]);
    });

    it("fires on a value that is not a boolean, without crashing", () => {
        const spec = podSpec({ containers: [appContainer({ securityContext: { ...HARDENED, readOnlyRootFilesystem: [] as never } })] });
        expect(checkResource(policy, deployment(spec)).violations).toEqual([expect.stringContaining("to a list, not a boolean")]);
    });

    it("reports a value unknown during preview as unknown, not as a verdict", () => {
        const spec = podSpec({ containers: [appContainer({ securityContext: { ...HARDENED, readOnlyRootFilesystem: UNKNOWN as never } })] });
        const verdict = checkResource(policy, deployment(spec));
        expect(verdict.unknown).toBeDefined();
        expect(verdict.violations).toEqual([]);
    });

    it("exempts the workloads listed in allowedWorkloads", () => {
        const spec = podSpec({ containers: [appContainer({ securityContext: { ...HARDENED, readOnlyRootFilesystem: false } })] });
        expect(checkResource(policy, { ...statefulSet(spec), config: { allowedWorkloads: ["app"] } }).violations).toEqual([]);
    });

    it("judges only what a Patch sets", () => {
        expect(checkResource(policy, deploymentPatch({ containers: [patchContainer({ image: "app:2.0.0" })] })).violations).toEqual([]);
        expect(checkResource(policy, deploymentPatch({ containers: [patchContainer({ securityContext: { readOnlyRootFilesystem: false } })] })).violations).toHaveLength(1);
    });

    it("reads the namespace and name only when allowedWorkloads could exempt a violation", () => {
        const spec = podSpec({ containers: [appContainer({ securityContext: { ...HARDENED, readOnlyRootFilesystem: false } })] });
        expect(checkResource(policy, statefulSet(spec, UNKNOWN_METADATA))).toEqual({ violations: [expect.stringContaining("has a writable root filesystem")] });
        expect(checkResource(policy, statefulSet(podSpec(), UNKNOWN_METADATA))).toEqual({ violations: [] });
        const config = { allowedWorkloads: ["app"] };
        expect(checkResource(policy, { ...statefulSet(podSpec(), UNKNOWN_METADATA), config })).toEqual({ violations: [] });
        expect(checkResource(policy, { ...statefulSet(spec, UNKNOWN_METADATA), config }).unknown).toBeDefined();
    });
});
