import policy from "../../../../policies/kubernetes/workload/disallow-host-ports";
import { checkResource, UNKNOWN } from "../../../harness/policy";
import { appContainer, patchContainer, container, daemonSet, deployment, deploymentPatch, pod, podSpec, SHAPES, UNKNOWN_METADATA } from "./fixtures";

function withHostPort(hostPort: number) {
    return podSpec({ containers: [appContainer({ ports: [{ name: "http", containerPort: 8080, hostPort }] })] });
}

describe("kubernetes-workload-disallow-host-ports", () => {
    it.each(Object.entries(SHAPES))("passes a %s without host ports", (_kind, shape) => {
        expect(checkResource(policy, shape()).violations).toEqual([]);
    });

    it("fires on a container that binds a host port", () => {
        expect(checkResource(policy, daemonSet(withHostPort(80))).violations).toEqual([
            "container 'app' of DaemonSet 'app' binds host port 80 on the node: remove hostPort and expose the pod through a Service.",
        ]);
    });

    it("fires on an init container's host port too", () => {
        const spec = podSpec({ initContainers: [container("migrate", { ports: [{ containerPort: 9000, hostPort: 9000 }] })] });
        expect(checkResource(policy, pod(spec)).violations).toEqual([expect.stringContaining("init container 'migrate' of Pod 'app' binds host port 9000")]);
    });

    it("passes ports without hostPort (omitted) and hostPort 0 (none)", () => {
        expect(checkResource(policy, deployment(withHostPort(0))).violations).toEqual([]);
        expect(checkResource(policy, deployment(podSpec({ containers: [appContainer({ ports: undefined })] }))).violations).toEqual([]);
    });

    it("fires on a host port that is not a number, without crashing", () => {
        expect(checkResource(policy, deployment(withHostPort("http" as never))).violations).toEqual([expect.stringContaining("sets a hostPort to a string, not a port number")]);
    });

    it("reports a value unknown during preview as unknown, not as a verdict", () => {
        const verdict = checkResource(policy, deployment(withHostPort(UNKNOWN as never)));
        expect(verdict.unknown).toBeDefined();
        expect(verdict.violations).toEqual([]);
    });

    it("takes the allowed host ports from config", () => {
        expect(checkResource(policy, { ...daemonSet(withHostPort(9100)), config: { allowedHostPorts: [9100] } }).violations).toEqual([]);
    });

    it("judges only what a Patch sets", () => {
        expect(checkResource(policy, deploymentPatch({ containers: [patchContainer({ image: "app:2.0.0" })] })).violations).toEqual([]);
        expect(checkResource(policy, deploymentPatch({ containers: [patchContainer({ ports: [{ containerPort: 8080, hostPort: 8080 }] })] })).violations).toHaveLength(1);
    });

    it("reports a host port when the name, the namespace, a sibling port and a sibling container are unknown during preview", () => {
        const spec = podSpec({
            initContainers: [UNKNOWN as never],
            containers: [appContainer({ ports: [UNKNOWN as never, { name: "http", containerPort: 8080, hostPort: 80 }] })],
        });
        expect(checkResource(policy, daemonSet(spec, UNKNOWN_METADATA))).toEqual({ violations: [expect.stringContaining("container 'app' of DaemonSet 'subject' binds host port 80")] });
        expect(checkResource(policy, daemonSet(podSpec(), UNKNOWN_METADATA))).toEqual({ violations: [] });
    });
});
