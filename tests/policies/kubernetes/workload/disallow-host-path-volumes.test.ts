import policy from "../../../../policies/kubernetes/workload/disallow-host-path-volumes";
import { checkResource, UNKNOWN } from "../../../harness/policy";
import { cronJob, daemonSet, deployment, deploymentPatch, podSpec, SHAPES } from "./fixtures";

function withHostPath(path: string) {
    return podSpec({ volumes: [{ name: "tmp", emptyDir: {} }, { name: "logs", hostPath: { path } }] });
}

describe("kubernetes-workload-disallow-host-path-volumes", () => {
    it.each(Object.entries(SHAPES))("passes a %s with only emptyDir volumes", (_kind, shape) => {
        expect(checkResource(policy, shape()).violations).toEqual([]);
    });

    it("passes a pod without volumes", () => {
        expect(checkResource(policy, deployment(podSpec({ volumes: undefined }))).violations).toEqual([]);
    });

    it("fires on a hostPath volume", () => {
        expect(checkResource(policy, daemonSet(withHostPath("/var/log"))).violations).toEqual([
            "DaemonSet 'app' mounts the node's /var/log as hostPath volume 'logs': use an emptyDir, ConfigMap, Secret or PersistentVolumeClaim instead.",
        ]);
        expect(checkResource(policy, cronJob(withHostPath("/"))).violations).toHaveLength(1);
    });

    it("fires on a hostPath with a path that is not a string, without crashing", () => {
        const spec = podSpec({ volumes: [{ name: "logs", hostPath: { path: 42 as never } }] });
        expect(checkResource(policy, deployment(spec)).violations).toEqual([expect.stringContaining("with a path that is a number")]);
    });

    it("reports a path unknown during preview as unknown when allowedHostPaths could allow it", () => {
        const verdict = checkResource(policy, { ...deployment(withHostPath(UNKNOWN)), config: { allowedHostPaths: ["/var/log"] } });
        expect(verdict.unknown).toBeDefined();
        expect(verdict.violations).toEqual([]);
    });

    it("fires on a hostPath whose path is unknown during preview when no path is allowed, without printing it", () => {
        const verdict = checkResource(policy, deployment(withHostPath(UNKNOWN)));
        expect(verdict.unknown).toBeUndefined();
        expect(verdict.violations).toEqual(["Deployment 'app' mounts a directory of the node as hostPath volume 'logs': use an emptyDir, ConfigMap, Secret or PersistentVolumeClaim instead."]);
    });

    it("fires on a hostPath volume next to a volume unknown during preview, whose name only labels it", () => {
        const spec = podSpec({ volumes: [UNKNOWN as never, { name: UNKNOWN, hostPath: { path: "/var/run/docker.sock" } }] });
        const verdict = checkResource(policy, deployment(spec, { name: UNKNOWN, namespace: UNKNOWN }));
        expect(verdict.unknown).toBeUndefined();
        expect(verdict.violations).toEqual(["Deployment 'subject' mounts the node's /var/run/docker.sock as hostPath volume '#1': use an emptyDir, ConfigMap, Secret or PersistentVolumeClaim instead."]);
        expect(checkResource(policy, deployment(podSpec({ volumes: [UNKNOWN as never, { name: "tmp", emptyDir: {} }] }))).unknown).toBeDefined();
        expect(checkResource(policy, deployment(podSpec(), { name: UNKNOWN, namespace: UNKNOWN })).violations).toEqual([]);
    });

    it("takes the allowed host paths from config, as prefixes", () => {
        const config = { allowedHostPaths: ["/var/log/"] };
        expect(checkResource(policy, { ...daemonSet(withHostPath("/var/log/pods")), config }).violations).toEqual([]);
        expect(checkResource(policy, { ...daemonSet(withHostPath("/var/logs")), config }).violations).toHaveLength(1);
    });

    it("judges only what a Patch sets", () => {
        expect(checkResource(policy, deploymentPatch({ terminationGracePeriodSeconds: 60 })).violations).toEqual([]);
        expect(checkResource(policy, deploymentPatch({ volumes: [{ name: "docker", hostPath: { path: "/var/run/docker.sock" } }] })).violations).toHaveLength(1);
    });
});
