import policy from "../../../../policies/kubernetes/workload/require-exposed-probe-ports";
import { checkResource, UNKNOWN } from "../../../harness/policy";
import { appContainer, Container, cronJob, deployment, pod, podSpec, rollout, statefulSet, UNKNOWN_METADATA } from "./fixtures";

const spec = (changes: Partial<Container>) => podSpec({ containers: [appContainer(changes)] });

describe("kubernetes-workload-require-exposed-probe-ports", () => {
    it("passes probes aimed at declared port names and numbers, and exec probes, on every long-running shape", () => {
        for (const shape of [deployment, statefulSet, pod, rollout]) {
            expect(checkResource(policy, shape()).violations).toEqual([]);
        }
        expect(checkResource(policy, deployment(spec({ livenessProbe: { tcpSocket: { port: 8080 } }, startupProbe: { exec: { command: ["true"] } } }))).violations).toEqual([]);
    });

    it("fires on a named port the container does not name", () => {
        expect(checkResource(policy, deployment(spec({ readinessProbe: { httpGet: { path: "/ready", port: "metrics" } } }))).violations)
            .toEqual([expect.stringContaining("container 'app' of Deployment 'app' aims its readinessProbe at port 'metrics', which is not one of its named ports (http)")]);
        expect(checkResource(policy, pod(spec({ ports: [], livenessProbe: { grpc: { port: "grpc" as unknown as number } } }))).violations).toHaveLength(2);
    });

    it("passes a numbered port the container does not declare: its ports list is informational", () => {
        expect(checkResource(policy, statefulSet(spec({ livenessProbe: { httpGet: { path: "/live", port: 9090 } } }))).violations).toEqual([]);
        expect(checkResource(policy, deployment(spec({ ports: undefined, livenessProbe: { tcpSocket: { port: 8080 } }, readinessProbe: { grpc: { port: 9000 } } }))).violations).toEqual([]);
        expect(checkResource(policy, pod(spec({ ports: [], livenessProbe: { httpGet: { path: "/live", port: "8080" } }, readinessProbe: undefined }))).violations).toEqual([]);
    });

    it("fires on a port of the wrong type", () => {
        expect(checkResource(policy, deployment(spec({ livenessProbe: { tcpSocket: { port: true as unknown as number } } }))).violations).toEqual([expect.stringContaining("neither a number nor a port name")]);
    });

    it("does not judge probes that are omitted, or Jobs", () => {
        expect(checkResource(policy, deployment(spec({ livenessProbe: undefined, readinessProbe: undefined }))).violations).toEqual([]);
        expect(checkResource(policy, cronJob(spec({ readinessProbe: { httpGet: { port: "none" } } }))).violations).toEqual([]);
    });

    it("is unknown when a probe port is unknown during preview", () => {
        expect(checkResource(policy, deployment(spec({ livenessProbe: { httpGet: { port: UNKNOWN } } }))).unknown).toBeDefined();
    });

    it("takes no threshold: only an exemption changes the verdict", () => {
        expect(Object.keys(policy.configSchema?.properties ?? {}).sort()).toEqual(["allowUnknown", "exemptions", "exemptionsFromResources"]);
        const unnamed = deployment(spec({ livenessProbe: { httpGet: { port: "metrics" } } }));
        expect(checkResource(policy, { ...unnamed, name: "legacy", config: { exemptions: [{ resource: "legacy", reason: "probe fixed in the next chart" }] } }).notApplicable).toContain("probe fixed in the next chart");
    });

    it("reads a port unknown during preview only when no known port answers the probe", () => {
        // The probe's named port is declared: an unknown sibling port decides nothing.
        const declared = spec({ ports: [UNKNOWN as never, { name: "http", containerPort: 8080 }] });
        expect(checkResource(policy, deployment(declared, UNKNOWN_METADATA))).toEqual({ violations: [] });
        // A port number decides nothing, so an unknown port name beside it is never read.
        const numbered = spec({ ports: [{ name: UNKNOWN, containerPort: 8080 }], livenessProbe: { tcpSocket: { port: 9090 } }, readinessProbe: undefined });
        expect(checkResource(policy, deployment(numbered, UNKNOWN_METADATA))).toEqual({ violations: [] });
        // A probe aimed at an undeclared name is reported beside a container port unknown during preview, whatever the workload's name and namespace.
        const wrong = spec({ ports: [{ name: "http", containerPort: UNKNOWN as never }], livenessProbe: { tcpSocket: { port: "health" } }, readinessProbe: undefined });
        expect(checkResource(policy, deployment(wrong, UNKNOWN_METADATA))).toEqual({ violations: [expect.stringContaining("container 'app' of Deployment 'subject' aims its livenessProbe at port 'health', which is not one of its named ports (http)")] });
        // The probe's named port may be the unknown one.
        expect(checkResource(policy, deployment(spec({ ports: [{ name: UNKNOWN, containerPort: 8080 }] }))).unknown).toBeDefined();
    });
});
