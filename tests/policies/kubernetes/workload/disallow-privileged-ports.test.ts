import policy from "../../../../policies/kubernetes/workload/disallow-privileged-ports";
import { checkResource, UNKNOWN } from "../../../harness/policy";
import { appContainer, cronJob, deployment, pod, podSpec, UNKNOWN_METADATA } from "./fixtures";

const withPorts = (...containerPorts: unknown[]) => podSpec({ containers: [appContainer({ ports: containerPorts.map((containerPort) => ({ containerPort: containerPort as number })), livenessProbe: undefined, readinessProbe: undefined })] });

describe("kubernetes-workload-disallow-privileged-ports", () => {
    it("passes ports of 1024 and above, on every shape", () => {
        for (const shape of [deployment, cronJob, pod]) {
            expect(checkResource(policy, shape()).violations).toEqual([]);
            expect(checkResource(policy, shape(withPorts(1024, 8443))).violations).toEqual([]);
        }
    });

    it("fires on a privileged port and on the SSH port", () => {
        expect(checkResource(policy, deployment(withPorts(80))).violations).toEqual([expect.stringContaining("container 'app' of Deployment 'app' listens on privileged port 80")]);
        expect(checkResource(policy, pod(withPorts(22))).violations).toEqual([expect.stringContaining("declares containerPort 22 (SSH)")]);
        expect(checkResource(policy, cronJob(withPorts("http"))).violations).toEqual([expect.stringContaining("not a port number")]);
    });

    it("passes a container without ports", () => {
        expect(checkResource(policy, deployment(withPorts())).violations).toEqual([]);
    });

    it("is unknown when a port is unknown during preview", () => {
        expect(checkResource(policy, deployment(withPorts(UNKNOWN))).unknown).toBeDefined();
    });

    it("follows minimumPort and disallowedPorts", () => {
        expect(checkResource(policy, { ...deployment(withPorts(80)), config: { minimumPort: 1 } }).violations).toEqual([]);
        expect(checkResource(policy, { ...deployment(withPorts(22)), config: { minimumPort: 1 } }).violations).toHaveLength(1);
        expect(checkResource(policy, { ...deployment(withPorts(2222)), config: { disallowedPorts: [22, 2222] } }).violations).toHaveLength(1);
    });

    it("reports a privileged port next to a port unknown during preview, whatever the workload's name and namespace", () => {
        expect(checkResource(policy, deployment(withPorts(UNKNOWN, 80), UNKNOWN_METADATA))).toEqual({ violations: [expect.stringContaining("container 'app' of Deployment 'subject' listens on privileged port 80")] });
        expect(checkResource(policy, deployment(podSpec(), UNKNOWN_METADATA))).toEqual({ violations: [] });
        expect(checkResource(policy, deployment(withPorts(UNKNOWN, 8080))).unknown).toBeDefined();
    });
});
