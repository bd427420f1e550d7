import policy from "../../../../policies/kubernetes/service/require-exposed-target-ports";
import { checkStack, UNKNOWN, urnOf } from "../../../harness/policy";
import { service, TYPES, web } from "../stack-fixtures";

describe("kubernetes-service-require-exposed-target-ports", () => {
    it("passes targetPorts named or numbered as the container declares them, and a port equal to its containerPort", () => {
        expect(checkStack(policy, [web(), service()]).violations).toEqual([]);
        expect(checkStack(policy, [web(), service(undefined, [{ port: 80, targetPort: 8080 }])]).violations).toEqual([]);
        expect(checkStack(policy, [web(), service(undefined, [{ port: 8080 }])]).violations).toEqual([]);
    });

    it("fires on a named targetPort no container names", () => {
        const verdict = checkStack(policy, [web(), service(undefined, [{ port: 80, targetPort: "web" }])]);
        expect(verdict.violations).toEqual([expect.stringContaining("Service 'web' sends ports[0] to targetPort 'web', which no container of the pods it selects names")]);
        expect(verdict.urns).toEqual([urnOf(TYPES.Service, "web-svc")]);
    });

    it("fires on a numbered targetPort, or a port without targetPort, no container declares", () => {
        expect(checkStack(policy, [web(), service(undefined, [{ port: 80, targetPort: 9090 }])]).violations).toEqual([expect.stringContaining("targetPort 9090")]);
        expect(checkStack(policy, [web(), service(undefined, [{ port: 80 }])]).violations).toEqual([expect.stringContaining("targetPort 80")]);
        expect(checkStack(policy, [web({ ports: [] }), service()]).violations).toHaveLength(1);
    });

    it("does not judge a Service that selects nothing in the stack", () => {
        expect(checkStack(policy, [service(undefined, [{ port: 80, targetPort: 9090 }])]).violations).toEqual([]);
    });

    it("is unknown for the Service when its ports are unknown during preview", () => {
        expect(checkStack(policy, [web(), service(undefined, [{ port: 80, targetPort: UNKNOWN }])]).unknownUrns).toEqual([urnOf(TYPES.Service, "web-svc")]);
    });

    it("reads a container port unknown during preview only when no known port answers the target", () => {
        const unknownPort = web({ ports: [UNKNOWN as never, { name: "http", containerPort: 8080 }] });
        expect(checkStack(policy, [service(), unknownPort])).toEqual({ violations: [], urns: [] });
        expect(checkStack(policy, [service(undefined, [UNKNOWN as never, { name: "admin", port: 9000, targetPort: 9000 }]), web()]).violations)
            .toEqual([expect.stringContaining("sends ports[1] to targetPort 9000, which no container of the pods it selects declares")]);
        expect(checkStack(policy, [service(undefined, [{ name: "admin", port: 9000, targetPort: "admin" }]), unknownPort]).unknownUrns).toEqual([urnOf(TYPES.Service, "web-svc")]);
    });
});
