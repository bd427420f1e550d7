import policy from "../../../../policies/kubernetes/workload/disallow-identical-probes";
import { checkResource, UNKNOWN } from "../../../harness/policy";
import { appContainer, container, cronJob, deployment, deploymentPatch, job, LONG_RUNNING_SHAPES, patchContainer, pod, podSpec, statefulSet, UNKNOWN_METADATA } from "./fixtures";

const SAME_HTTP = { livenessProbe: { httpGet: { path: "/health", port: "http" }, periodSeconds: 10 }, readinessProbe: { httpGet: { path: "/health", port: "http" }, periodSeconds: 5 } };

describe("kubernetes-workload-disallow-identical-probes", () => {
    it.each(Object.entries(LONG_RUNNING_SHAPES))("passes a %s whose liveness and readiness probes check different endpoints", (_kind, shape) => {
        expect(checkResource(policy, shape()).violations).toEqual([]);
    });

    it("fires when both probes call the same HTTP endpoint, whatever their timing", () => {
        expect(checkResource(policy, deployment(podSpec({ containers: [appContainer(SAME_HTTP)] }))).violations).toEqual([
            "container 'app' of Deployment 'app' uses the same httpGet check for its livenessProbe and readinessProbe, so a pod that is only busy or waiting on a dependency is restarted instead of taken out of rotation: point the livenessProbe at a check of the process alone (e.g. httpGet /health/live) and keep dependency checks in the readinessProbe (e.g. /health/ready).",
        ]);
    });

    it("resolves a named port and the API server's defaults before comparing", () => {
        const named = appContainer({ livenessProbe: { httpGet: { port: "http" } }, readinessProbe: { httpGet: { path: "/", port: 8080, scheme: "HTTP" } } });
        expect(checkResource(policy, statefulSet(podSpec({ containers: [named] }))).violations).toEqual([expect.stringContaining("container 'app' of StatefulSet 'app' uses the same httpGet check")]);
    });

    it("fires on the same TCP port, the same command and the same gRPC service", () => {
        const tcp = appContainer({ livenessProbe: { tcpSocket: { port: 8080 } }, readinessProbe: { tcpSocket: { port: "http" } } });
        const exec = appContainer({ livenessProbe: { exec: { command: ["/bin/check"] } }, readinessProbe: { exec: { command: ["/bin/check"] } } });
        const grpc = appContainer({ livenessProbe: { grpc: { port: 9090 } }, readinessProbe: { grpc: { port: 9090, service: "" } } });
        expect(checkResource(policy, pod(podSpec({ containers: [tcp] }))).violations).toEqual([expect.stringContaining("uses the same tcpSocket check")]);
        expect(checkResource(policy, pod(podSpec({ containers: [exec] }))).violations).toEqual([expect.stringContaining("uses the same exec check")]);
        expect(checkResource(policy, pod(podSpec({ containers: [grpc] }))).violations).toEqual([expect.stringContaining("uses the same grpc check")]);
    });

    it("passes probes that differ in path, port, command, service or kind of check", () => {
        const cases = [
            appContainer({ livenessProbe: { httpGet: { path: "/health/live", port: "http" } }, readinessProbe: { httpGet: { path: "/health/live", port: 9090 } } }),
            appContainer({ livenessProbe: { exec: { command: ["/bin/alive"] } }, readinessProbe: { exec: { command: ["/bin/ready"] } } }),
            appContainer({ livenessProbe: { grpc: { port: 9090, service: "liveness" } }, readinessProbe: { grpc: { port: 9090, service: "readiness" } } }),
            appContainer({ livenessProbe: { tcpSocket: { port: "http" } }, readinessProbe: { httpGet: { path: "/health/ready", port: "http" } } }),
        ];
        for (const probed of cases) {
            expect(checkResource(policy, deployment(podSpec({ containers: [probed] }))).violations).toEqual([]);
        }
    });

    it("leaves a missing probe to kubernetes-workload-require-probes", () => {
        expect(checkResource(policy, deployment(podSpec({ containers: [appContainer({ readinessProbe: undefined })] }))).violations).toEqual([]);
        expect(checkResource(policy, deployment(podSpec({ containers: [appContainer({ livenessProbe: undefined })] }))).violations).toEqual([]);
    });

    it("judges a sidecar (an init container with restartPolicy: Always)", () => {
        const sidecar = container("proxy", { restartPolicy: "Always", ...SAME_HTTP });
        expect(checkResource(policy, deployment(podSpec({ initContainers: [sidecar] }))).violations).toEqual([expect.stringContaining("init container 'proxy' of Deployment 'app' uses the same httpGet check")]);
    });

    it("skips Jobs, CronJobs and init containers", () => {
        expect(checkResource(policy, job(podSpec({ containers: [appContainer(SAME_HTTP)] }))).violations).toEqual([]);
        expect(checkResource(policy, cronJob(podSpec({ containers: [appContainer(SAME_HTTP)] }))).violations).toEqual([]);
        expect(checkResource(policy, deployment(podSpec({ initContainers: [container("migrate", SAME_HTTP)] }))).violations).toEqual([]);
    });

    it("judges a Patch that sets both probes", () => {
        expect(checkResource(policy, deploymentPatch({ containers: [patchContainer({ readinessProbe: { httpGet: { path: "/health" } } })] })).violations).toEqual([]);
        expect(checkResource(policy, deploymentPatch({ containers: [patchContainer(SAME_HTTP)] })).violations).toHaveLength(1);
    });

    it("reports a probe path unknown during preview as unknown, not as a verdict", () => {
        const unknownPath = appContainer({ livenessProbe: { httpGet: { path: UNKNOWN, port: "http" } }, readinessProbe: { httpGet: { path: "/health", port: "http" } } });
        const verdict = checkResource(policy, deployment(podSpec({ containers: [unknownPath] })));
        expect(verdict.unknown).toBeDefined();
        expect(verdict.violations).toEqual([]);
    });

    it("reports identical probes next to a container unknown during preview, whatever the workload's name and namespace", () => {
        const spec = podSpec({ containers: [appContainer(SAME_HTTP), UNKNOWN as never] });
        expect(checkResource(policy, deployment(spec, UNKNOWN_METADATA))).toEqual({ violations: [expect.stringContaining("container 'app' of Deployment 'subject' uses the same httpGet check")] });
        expect(checkResource(policy, deployment(podSpec(), UNKNOWN_METADATA))).toEqual({ violations: [] });
    });
});
