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

    it("fires on a numbered port the container does not declare, and on a port of the wrong type", () => {
        expect(checkResource(policy, statefulSet(spec({ livenessProbe: { httpGet: { path: "/live", port: 9090 } } }))).violations).toEqual([expect.stringContaining("port 9090, which it does not declare in ports[] (it declares 8080)")]);
        expect(checkResource(policy, deployment(spec({ livenessProbe: { tcpSocket: { port: true as unknown as number } } }))).violations).toEqual([expect.stringContaining("neither a number nor a port name")]);
    });

    it("does not judge probes that are omitted, or Jobs", () => {
        expect(checkResource(policy, deployment(spec({ livenessProbe: undefined, readinessProbe: undefined }))).violations).toEqual([]);
        expect(checkResource(policy, cronJob(spec({ readinessProbe: { httpGet: { port: "none" } } }))).violations).toEqual([]);
    });

    it("is unknown when a probe port is unknown during preview", () => {
        expect(checkResource(policy, deployment(spec({ livenessProbe: { httpGet: { port: UNKNOWN } } }))).unknown).toBeDefined();
    });

    it("accepts undeclared numbered ports when checkNumberedPorts is off", () => {
        expect(checkResource(policy, { ...deployment(spec({ livenessProbe: { httpGet: { port: 9090 } } })), config: { checkNumberedPorts: false } }).violations).toEqual([]);
    });

    it("reads a port unknown during preview only when no known port answers the probe", () => {
        // The probe's named port is declared: an unknown sibling port decides nothing.
        const declared = spec({ ports: [UNKNOWN as never, { name: "http", containerPort: 8080 }] });
        expect(checkResource(policy, deployment(declared, UNKNOWN_METADATA))).toEqual({ violations: [] });
        // A probe aimed at an undeclared number is reported beside it, whatever the workload's name and namespace.
        const wrong = spec({ ports: [{ name: UNKNOWN, containerPort: 8080 }], livenessProbe: { tcpSocket: { port: 9090 } }, readinessProbe: undefined });
        expect(checkResource(policy, deployment(wrong, UNKNOWN_METADATA))).toEqual({ violations: [expect.stringContaining("container 'app' of Deployment 'subject' aims its livenessProbe at port 9090")] });
        // The probe's named port may be the unknown one.
        expect(checkResource(policy, deployment(spec({ ports: [{ name: UNKNOWN, containerPort: 8080 }] }))).unknown).toBeDefined();
    });
});
