import policy from "../../../../policies/kubernetes/workload/disallow-mutable-image-tags";
import { checkResource, UNKNOWN } from "../../../harness/policy";
import { appContainer, patchContainer, container, cronJob, deployment, deploymentPatch, pod, podSpec, SHAPES, UNKNOWN_METADATA } from "./fixtures";

const DIGEST = `sha256:${"a".repeat(64)}`;

function withImage(image: string | undefined) {
    return podSpec({ containers: [appContainer({ image })] });
}

describe("kubernetes-workload-disallow-mutable-image-tags", () => {
    it.each(Object.entries(SHAPES))("passes a %s with version-tagged images", (_kind, shape) => {
        expect(checkResource(policy, shape()).violations).toEqual([]);
    });

    it.each([
        "registry.example.com:5000/shop/app:2.7.1",
        `registry.example.com/shop/app@${DIGEST}`,
        `app:latest@${DIGEST}`,
    ])("passes pinned image %s", (image) => {
        expect(checkResource(policy, deployment(withImage(image))).violations).toEqual([]);
    });

    it("fires on :latest", () => {
        expect(checkResource(policy, deployment(withImage("registry.example.com/shop/app:latest"))).violations).toEqual([
            "container 'app' of Deployment 'app' uses mutable tag :latest (registry.example.com/shop/app:latest): pin a version tag or a digest.",
        ]);
    });

    it("fires on an untagged image, also behind a registry port", () => {
        expect(checkResource(policy, cronJob(withImage("nginx"))).violations).toEqual([
            "container 'app' of CronJob 'app' uses untagged image nginx, which pulls :latest: pin a version tag or a digest.",
        ]);
        expect(checkResource(policy, pod(withImage("registry.example.com:5000/shop/app"))).violations).toEqual([expect.stringContaining("untagged image")]);
    });

    it("fires on an init container's mutable image", () => {
        const spec = podSpec({ initContainers: [container("migrate", { image: "migrate:latest" })] });
        expect(checkResource(policy, deployment(spec)).violations).toEqual([expect.stringContaining("init container 'migrate'")]);
    });

    it("fires when the image is omitted or not a string, without crashing", () => {
        expect(checkResource(policy, deployment(withImage(undefined))).violations).toEqual([expect.stringContaining("sets no image")]);
        expect(checkResource(policy, deployment(withImage(7 as never))).violations).toEqual([expect.stringContaining("sets image to a number, not an image reference")]);
    });

    it("reports an image unknown during preview as unknown, not as a verdict", () => {
        const verdict = checkResource(policy, deployment(withImage(UNKNOWN)));
        expect(verdict.unknown).toBeDefined();
        expect(verdict.violations).toEqual([]);
    });

    it("requires digests when requireDigest is set", () => {
        const config = { requireDigest: true };
        expect(checkResource(policy, { ...deployment(), config }).violations).toEqual([
            expect.stringContaining("init container 'migrate' of Deployment 'app' uses image registry.example.com/shop/app:1.4.2 without a digest"),
            expect.stringContaining("container 'app' of Deployment 'app' uses image"),
        ]);
        const pinned = podSpec({ initContainers: [], containers: [appContainer({ image: `app@${DIGEST}` })] });
        expect(checkResource(policy, { ...deployment(pinned), config }).violations).toEqual([]);
    });

    it("judges only what a Patch sets", () => {
        expect(checkResource(policy, deploymentPatch({ containers: [patchContainer({ resources: { limits: { memory: "1Gi" } } })] })).violations).toEqual([]);
        expect(checkResource(policy, deploymentPatch({ containers: [patchContainer({ image: "app:latest" })] })).violations).toHaveLength(1);
    });

    it("reports a mutable tag when the name, the namespace and a sibling container are unknown during preview", () => {
        const spec = podSpec({ initContainers: [UNKNOWN as never], containers: [appContainer({ image: "registry.example.com/shop/app:latest" })] });
        expect(checkResource(policy, deployment(spec, UNKNOWN_METADATA))).toEqual({ violations: [expect.stringContaining("container 'app' of Deployment 'subject' uses mutable tag :latest")] });
        expect(checkResource(policy, deployment(podSpec(), UNKNOWN_METADATA))).toEqual({ violations: [] });
    });
});
