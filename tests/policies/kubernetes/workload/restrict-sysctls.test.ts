import policy from "../../../../policies/kubernetes/workload/restrict-sysctls";
import { checkResource, UNKNOWN } from "../../../harness/policy";
import { cronJob, deployment, pod, POD_SECURITY, podSpec, UNKNOWN_METADATA } from "./fixtures";

const withSysctls = (sysctls: { name: string; value: string }[]) => podSpec({ securityContext: { ...POD_SECURITY, sysctls } });

describe("kubernetes-workload-restrict-sysctls", () => {
    it("passes no sysctls or safe ones, on every shape", () => {
        for (const shape of [deployment, cronJob, pod]) {
            expect(checkResource(policy, shape()).violations).toEqual([]);
            expect(checkResource(policy, shape(withSysctls([{ name: "net.ipv4.ip_local_port_range", value: "1024 65535" }, { name: "net.ipv4.tcp_keepalive_time", value: "600" }]))).violations).toEqual([]);
        }
    });

    it("fires on each unsafe sysctl", () => {
        const verdict = checkResource(policy, deployment(withSysctls([{ name: "kernel.msgmax", value: "65536" }, { name: "net.core.somaxconn", value: "1024" }])));
        expect(verdict.violations).toEqual([
            expect.stringContaining("the pod of Deployment 'app' sets unsafe sysctl kernel.msgmax"),
            expect.stringContaining("unsafe sysctl net.core.somaxconn"),
        ]);
        expect(checkResource(policy, pod(withSysctls([{ name: 7 as unknown as string, value: "1" }]))).violations).toHaveLength(1);
    });

    it("is unknown when a sysctl name is unknown during preview", () => {
        expect(checkResource(policy, deployment(withSysctls([{ name: UNKNOWN, value: "1" }]))).unknown).toBeDefined();
    });

    it("accepts sysctls added to allowedSysctls", () => {
        expect(checkResource(policy, { ...deployment(withSysctls([{ name: "net.core.somaxconn", value: "1024" }])), config: { allowedSysctls: ["net.core.somaxconn"] } }).violations).toEqual([]);
    });

    it("reports an unsafe sysctl next to one unknown during preview, whatever the workload's name and namespace", () => {
        const spec = podSpec({ securityContext: { ...POD_SECURITY, sysctls: [UNKNOWN as never, { name: "kernel.msgmax", value: "65536" }] } });
        expect(checkResource(policy, deployment(spec, UNKNOWN_METADATA))).toEqual({ violations: [expect.stringContaining("the pod of Deployment 'subject' sets unsafe sysctl kernel.msgmax")] });
        expect(checkResource(policy, deployment(podSpec(), UNKNOWN_METADATA))).toEqual({ violations: [] });
    });
});
