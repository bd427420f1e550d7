import policy from "../../../../policies/kubernetes/workload/disallow-host-namespaces";
import { checkResource, UNKNOWN } from "../../../harness/policy";
import { daemonSet, deployment, deploymentPatch, job, pod, podSpec, SHAPES, UNKNOWN_METADATA } from "./fixtures";

describe("kubernetes-workload-disallow-host-namespaces", () => {
    it.each(Object.entries(SHAPES))("passes a %s that shares no host namespace", (_kind, shape) => {
        expect(checkResource(policy, shape()).violations).toEqual([]);
    });

    it("passes host namespaces set to false", () => {
        expect(checkResource(policy, pod(podSpec({ hostNetwork: false, hostPID: false, hostIPC: false }))).violations).toEqual([]);
    });

    it.each([
        ["hostNetwork", "the node's network"],
        ["hostPID", "the node's process table"],
        ["hostIPC", "the node's shared memory"],
    ])("fires on %s: true", (field, what) => {
        expect(checkResource(policy, daemonSet(podSpec({ [field]: true }))).violations).toEqual([
            `DaemonSet 'app' shares ${what} (${field}: true): remove ${field} or set it to false.`,
        ]);
    });

    it("reports each host namespace a pod shares", () => {
        expect(checkResource(policy, job(podSpec({ hostNetwork: true, hostPID: true }))).violations).toHaveLength(2);
    });

    it("fires on a value that is not a boolean, without crashing", () => {
        expect(checkResource(policy, deployment(podSpec({ hostNetwork: {} as never }))).violations).toEqual([expect.stringContaining("sets hostNetwork to a object, not a boolean")]);
    });

    it("reports a value unknown during preview as unknown, not as a verdict", () => {
        const verdict = checkResource(policy, deployment(podSpec({ hostPID: UNKNOWN as never })));
        expect(verdict.unknown).toBeDefined();
        expect(verdict.violations).toEqual([]);
    });

    it("exempts the workloads listed in allowedWorkloads", () => {
        const agent = daemonSet(podSpec({ hostNetwork: true }), { name: "node-exporter", namespace: "monitoring" });
        expect(checkResource(policy, agent).violations).toHaveLength(1);
        expect(checkResource(policy, { ...agent, config: { allowedWorkloads: ["monitoring/node-exporter"] } }).violations).toEqual([]);
    });

    it("judges only what a Patch sets", () => {
        expect(checkResource(policy, deploymentPatch({ terminationGracePeriodSeconds: 60 })).violations).toEqual([]);
        expect(checkResource(policy, deploymentPatch({ hostIPC: true })).violations).toHaveLength(1);
    });

    it("reads the namespace and name only when allowedWorkloads could exempt a violation", () => {
        const shared = podSpec({ hostNetwork: true, hostPID: true });
        expect(checkResource(policy, pod(shared, UNKNOWN_METADATA)).violations).toEqual([
            expect.stringContaining("Pod 'subject' shares the node's network"), expect.stringContaining("Pod 'subject' shares the node's process table"),
        ]);
        expect(checkResource(policy, pod(podSpec(), UNKNOWN_METADATA))).toEqual({ violations: [] });
        const config = { allowedWorkloads: ["monitoring/node-exporter"] };
        expect(checkResource(policy, { ...pod(podSpec(), UNKNOWN_METADATA), config })).toEqual({ violations: [] });
        expect(checkResource(policy, { ...pod(shared, UNKNOWN_METADATA), config }).unknown).toBeDefined();
    });

    it("reports a shared host namespace next to one unknown during preview", () => {
        const verdict = checkResource(policy, pod(podSpec({ hostNetwork: UNKNOWN as never, hostPID: true })));
        expect(verdict).toEqual({ violations: [expect.stringContaining("shares the node's process table (hostPID: true)")] });
    });
});
