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

    it("passes a numbered targetPort, or a port without targetPort, that no container declares: a container's ports list is informational", () => {
        expect(checkStack(policy, [web(), service(undefined, [{ port: 80, targetPort: 9090 }])]).violations).toEqual([]);
        expect(checkStack(policy, [web(), service(undefined, [{ port: 80 }])]).violations).toEqual([]);
        expect(checkStack(policy, [web({ ports: [] }), service(undefined, [{ port: 80, targetPort: 8080 }])]).violations).toEqual([]);
        expect(checkStack(policy, [web({ ports: [] }), service(undefined, [{ port: 80, targetPort: "8080" }])]).violations).toEqual([]);
    });

    it("fires on a named targetPort when the selected containers declare no ports at all", () => {
        expect(checkStack(policy, [web({ ports: [] }), service()]).violations).toEqual([
            "Service 'web' sends ports[0] to targetPort 'http', which no container of the pods it selects names, so the Service has no endpoint for it: name the port in the container's ports (ports: [{name: http, containerPort: <port>}]), or set targetPort to the port number.",
        ]);
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
        expect(checkStack(policy, [service(undefined, [UNKNOWN as never, { name: "admin", port: 9000, targetPort: "admin" }]), web()]).violations)
            .toEqual([expect.stringContaining("sends ports[1] to targetPort 'admin', which no container of the pods it selects names")]);
        // A port number unknown during preview decides nothing: numbers are not judged.
        expect(checkStack(policy, [service(undefined, [{ name: "admin", port: UNKNOWN as never }]), web()])).toEqual({ violations: [], urns: [] });
        expect(checkStack(policy, [service(undefined, [{ name: "admin", port: 9000, targetPort: "admin" }]), unknownPort]).unknownUrns).toEqual([urnOf(TYPES.Service, "web-svc")]);
    });
});
