import policy from "../../../../policies/kubernetes/workload/require-image-pull-policy";
import { checkResource, UNKNOWN } from "../../../harness/policy";
import { appContainer, patchContainer, cronJob, deployment, deploymentPatch, pod, podSpec, UNKNOWN_METADATA } from "./fixtures";

const DIGEST = "registry.example.com/shop/app:1.4.2@sha256:4f53cda18c2baa0c0354bb5f9a3ecbe5ed12ab4d8e11ba873c2f11161202b945";
const spec = (changes: Parameters<typeof appContainer>[0]) => podSpec({ initContainers: [], containers: [appContainer(changes)] });

describe("kubernetes-workload-require-image-pull-policy", () => {
    it("passes Always or an image pinned by digest, on every shape", () => {
        for (const shape of [deployment, cronJob, pod]) {
            expect(checkResource(policy, shape(spec({ imagePullPolicy: "Always" }))).violations).toEqual([]);
            expect(checkResource(policy, shape(spec({ image: DIGEST, imagePullPolicy: "IfNotPresent" }))).violations).toEqual([]);
        }
    });

    it("fires on IfNotPresent or Never for a mutable tag, and on a value that is not a string", () => {
        expect(checkResource(policy, deployment(spec({ imagePullPolicy: "IfNotPresent" }))).violations).toEqual([expect.stringContaining("container 'app' of Deployment 'app' sets imagePullPolicy: IfNotPresent")]);
        expect(checkResource(policy, cronJob(spec({ imagePullPolicy: "Never" }))).violations).toHaveLength(1);
        expect(checkResource(policy, pod(spec({ imagePullPolicy: 1 as unknown as string }))).violations).toEqual([expect.stringContaining("not a string")]);
    });

    it("fires when omitted on a version tag (IfNotPresent), not on :latest or untagged images (Always) nor on a patch", () => {
        expect(checkResource(policy, deployment(spec({}))).violations).toEqual([expect.stringContaining("omits imagePullPolicy")]);
        expect(checkResource(policy, deployment(spec({ image: "registry.example.com/app:latest" }))).violations).toEqual([]);
        expect(checkResource(policy, deployment(spec({ image: "registry.example.com:5000/app" }))).violations).toEqual([]);
        expect(checkResource(policy, deploymentPatch({ containers: [patchContainer({ image: "registry.example.com/app:2" })] })).violations).toEqual([]);
    });

    it("is unknown when the image is unknown during preview", () => {
        expect(checkResource(policy, deployment(spec({ image: UNKNOWN }))).unknown).toBeDefined();
    });

    it("accepts images listed as immutable", () => {
        expect(checkResource(policy, { ...deployment(spec({})), config: { immutableImages: ["registry.example.com/shop/*"] } }).violations).toEqual([]);
    });

    it("reports a re-pushable tag pulled IfNotPresent next to a container unknown during preview, whatever the workload's name and namespace", () => {
        const unknownSibling = podSpec({ initContainers: [UNKNOWN as never], containers: [appContainer({ imagePullPolicy: "IfNotPresent" })] });
        expect(checkResource(policy, deployment(unknownSibling, UNKNOWN_METADATA))).toEqual({ violations: [expect.stringContaining("container 'app' of Deployment 'subject' sets imagePullPolicy: IfNotPresent")] });
        expect(checkResource(policy, deployment(spec({ image: DIGEST }), UNKNOWN_METADATA))).toEqual({ violations: [] });
    });
});
