import policy from "../../../../policies/kubernetes/workload/require-probes";
import { checkResource, UNKNOWN } from "../../../harness/policy";
import { appContainer, patchContainer, container, cronJob, daemonSet, deployment, deploymentPatch, job, LONG_RUNNING_SHAPES, podSpec, statefulSet, UNKNOWN_METADATA } from "./fixtures";

const unprobed = podSpec({ containers: [appContainer({ livenessProbe: undefined, readinessProbe: undefined })] });

describe("kubernetes-workload-require-probes", () => {
    it.each(Object.entries(LONG_RUNNING_SHAPES))("passes a probed %s", (_kind, shape) => {
        expect(checkResource(policy, shape()).violations).toEqual([]);
    });

    it("does not ask init containers for probes", () => {
        expect(checkResource(policy, deployment(podSpec({ initContainers: [container("migrate")] }))).violations).toEqual([]);
    });

    it("fires when the readiness probe is missing", () => {
        const spec = podSpec({ containers: [appContainer({ readinessProbe: undefined })] });
        expect(checkResource(policy, statefulSet(spec)).violations).toEqual([
            "container 'app' of StatefulSet 'app' has no readinessProbe: add one (e.g. httpGet on a /health endpoint) so Kubernetes can tell when it is ready for traffic.",
        ]);
    });

    it("fires when the liveness probe is missing", () => {
        const spec = podSpec({ containers: [appContainer({ livenessProbe: undefined })] });
        expect(checkResource(policy, daemonSet(spec)).violations).toEqual([expect.stringContaining("container 'app' of DaemonSet 'app' has no livenessProbe")]);
    });

    it("fires on every main container without probes (both omitted)", () => {
        const spec = podSpec({ containers: [appContainer({ livenessProbe: undefined, readinessProbe: undefined }), container("sidecar")] });
        expect(checkResource(policy, deployment(spec)).violations).toHaveLength(4);
    });

    it("fires on a probe with no check or of the wrong type, without crashing", () => {
        const empty = podSpec({ containers: [appContainer({ livenessProbe: { periodSeconds: 10 } })] });
        expect(checkResource(policy, deployment(empty)).violations).toEqual([expect.stringContaining("sets a livenessProbe with no check")]);
        const wrong = podSpec({ containers: [appContainer({ readinessProbe: "/ready" as never })] });
        expect(checkResource(policy, deployment(wrong)).violations).toEqual([expect.stringContaining("sets readinessProbe to a string, not a probe")]);
    });

    it("leaves Jobs and CronJobs alone: they run to completion", () => {
        expect(checkResource(policy, job(unprobed)).violations).toEqual([]);
        expect(checkResource(policy, cronJob(unprobed)).violations).toEqual([]);
    });

    it("reports a probe unknown during preview as unknown, not as a verdict", () => {
        const verdict = checkResource(policy, deployment(podSpec({ containers: [appContainer({ livenessProbe: UNKNOWN as never })] })));
        expect(verdict.unknown).toBeDefined();
        expect(verdict.violations).toEqual([]);
    });

    it("takes the required probes from config", () => {
        const readinessOnly = podSpec({ containers: [appContainer({ livenessProbe: undefined })] });
        expect(checkResource(policy, { ...deployment(readinessOnly), config: { requiredProbes: ["readiness"] } }).violations).toEqual([]);
        expect(checkResource(policy, { ...deployment(), config: { requiredProbes: ["liveness", "readiness", "startup"] } }).violations).toEqual([
            expect.stringContaining("has no startupProbe"),
        ]);
    });

    it("judges only what a Patch sets", () => {
        expect(checkResource(policy, deploymentPatch({ containers: [patchContainer({ image: "app:2.0.0" })] })).violations).toEqual([]);
        expect(checkResource(policy, deploymentPatch({ containers: [patchContainer({ readinessProbe: { periodSeconds: 5 } })] })).violations).toHaveLength(1);
    });

    it("reports a missing probe next to one unknown during preview, whatever the workload's name and namespace", () => {
        const spec = podSpec({ containers: [appContainer({ livenessProbe: UNKNOWN as never, readinessProbe: undefined })] });
        expect(checkResource(policy, deployment(spec, UNKNOWN_METADATA))).toEqual({ violations: [expect.stringContaining("container 'app' of Deployment 'subject' has no readinessProbe")] });
        // A probe's handler settings may be unknown: that a handler is there decides.
        const unknownPort = podSpec({ containers: [appContainer({ livenessProbe: { httpGet: UNKNOWN as never } })] });
        expect(checkResource(policy, deployment(unknownPort, UNKNOWN_METADATA))).toEqual({ violations: [] });
    });
});
