import policy from "../../../../policies/kubernetes/workload/require-drop-all-capabilities";
import { checkResource, UNKNOWN } from "../../../harness/policy";
import { appContainer, patchContainer, container, daemonSet, deployment, deploymentPatch, HARDENED, job, podSpec, SHAPES, UNKNOWN_METADATA } from "./fixtures";

function withCapabilities(capabilities: { drop?: string[]; add?: string[] } | undefined) {
    return podSpec({ containers: [appContainer({ securityContext: { ...HARDENED, capabilities } })] });
}

describe("kubernetes-workload-require-drop-all-capabilities", () => {
    it.each(Object.entries(SHAPES))("passes a %s whose containers drop ALL", (_kind, shape) => {
        expect(checkResource(policy, shape()).violations).toEqual([]);
    });

    it("passes adding back NET_BIND_SERVICE, with or without the CAP_ prefix", () => {
        expect(checkResource(policy, deployment(withCapabilities({ drop: ["ALL"], add: ["NET_BIND_SERVICE"] }))).violations).toEqual([]);
        expect(checkResource(policy, deployment(withCapabilities({ drop: ["all"], add: ["CAP_NET_BIND_SERVICE"] }))).violations).toEqual([]);
    });

    it("fires when a container drops only some capabilities", () => {
        expect(checkResource(policy, deployment(withCapabilities({ drop: ["NET_RAW"] }))).violations).toEqual([
            "container 'app' of Deployment 'app' does not drop ALL capabilities: set securityContext.capabilities.drop: [\"ALL\"].",
        ]);
    });

    it("fires when a container adds a capability outside the allow-list", () => {
        expect(checkResource(policy, daemonSet(withCapabilities({ drop: ["ALL"], add: ["SYS_ADMIN", "NET_BIND_SERVICE"] }))).violations).toEqual([
            "container 'app' of DaemonSet 'app' adds capabilities SYS_ADMIN, outside the allowed ones: remove them (allowed: only NET_BIND_SERVICE).",
        ]);
    });

    it("fires when capabilities are omitted, init containers included", () => {
        const spec = podSpec({ initContainers: [container("migrate", { securityContext: { ...HARDENED, capabilities: undefined } })] });
        expect(checkResource(policy, job(spec)).violations).toEqual([expect.stringContaining("init container 'migrate' of Job 'app' does not drop ALL capabilities")]);
    });

    it("fires on capabilities of the wrong type, without crashing", () => {
        expect(checkResource(policy, deployment(withCapabilities("ALL" as never))).violations).toEqual([expect.stringContaining("sets securityContext.capabilities to a string, not an object")]);
        expect(checkResource(policy, deployment(withCapabilities({ drop: ["ALL"], add: "SYS_ADMIN" as never }))).violations).toEqual([expect.stringContaining("capabilities.add to a string, not a list")]);
    });

    it("reports a value unknown during preview as unknown, not as a verdict", () => {
        const verdict = checkResource(policy, deployment(withCapabilities({ drop: UNKNOWN as never })));
        expect(verdict.unknown).toBeDefined();
        expect(verdict.violations).toEqual([]);
    });

    it("takes the allowed capabilities from config", () => {
        const spec = withCapabilities({ drop: ["ALL"], add: ["NET_BIND_SERVICE"] });
        expect(checkResource(policy, { ...deployment(spec), config: { allowedCapabilities: [] } }).violations).toEqual([expect.stringContaining("(allowed: none)")]);
        const ptrace = withCapabilities({ drop: ["ALL"], add: ["SYS_PTRACE"] });
        expect(checkResource(policy, { ...deployment(ptrace), config: { allowedCapabilities: ["SYS_PTRACE"] } }).violations).toEqual([]);
    });

    it("judges only what a Patch sets", () => {
        expect(checkResource(policy, deploymentPatch({ containers: [patchContainer({ image: "app:2.0.0" })] })).violations).toEqual([]);
        expect(checkResource(policy, deploymentPatch({ containers: [patchContainer({ securityContext: { capabilities: { add: ["NET_BIND_SERVICE"] } } })] })).violations).toEqual([]);
        expect(checkResource(policy, deploymentPatch({ containers: [patchContainer({ securityContext: { capabilities: { add: ["SYS_ADMIN"] } } })] })).violations).toHaveLength(1);
    });

    it("with requireDropAll false, judges only what is added", () => {
        const config = { requireDropAll: false, allowedCapabilities: ["CHOWN", "NET_BIND_SERVICE"] };
        expect(checkResource(policy, { ...deployment(withCapabilities(undefined)), config }).violations).toEqual([]);
        expect(checkResource(policy, { ...deployment(withCapabilities({ add: ["CHOWN"] })), config }).violations).toEqual([]);
        expect(checkResource(policy, { ...job(withCapabilities({ add: ["SYS_ADMIN"] })), config }).violations).toEqual([
            expect.stringContaining("container 'app' of Job 'app' adds capabilities SYS_ADMIN, outside the allowed ones"),
        ]);
        expect(checkResource(policy, deployment(withCapabilities(undefined))).violations).toEqual([expect.stringContaining("does not drop ALL capabilities")]);
    });

    it("judges drop and add apart, known entries first, whatever the workload's name and namespace", () => {
        // A known added capability is reported although what is dropped is unknown.
        const unknownDrop = podSpec({ containers: [appContainer({ securityContext: { ...HARDENED, capabilities: { drop: UNKNOWN as never, add: ["SYS_ADMIN"] } } })] });
        expect(checkResource(policy, deployment(unknownDrop, UNKNOWN_METADATA))).toEqual({ violations: [expect.stringContaining("container 'app' of Deployment 'subject' adds capabilities SYS_ADMIN")] });
        // A known ALL drops everything, whatever an unknown sibling entry is.
        expect(checkResource(policy, deployment(withCapabilities({ drop: [UNKNOWN, "ALL"] }), UNKNOWN_METADATA))).toEqual({ violations: [] });
        expect(checkResource(policy, deployment(withCapabilities({ drop: [UNKNOWN] }))).unknown).toBeDefined();
        expect(checkResource(policy, deployment(podSpec(), UNKNOWN_METADATA))).toEqual({ violations: [] });
    });
});
