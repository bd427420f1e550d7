import type * as k8s from "@pulumi/kubernetes";
import policy from "../../../../policies/kubernetes/workload/restrict-selinux-options";
import { checkResource, UNKNOWN } from "../../../harness/policy";
import { appContainer, cronJob, deployment, HARDENED, pod, POD_SECURITY, podSpec, UNKNOWN_METADATA } from "./fixtures";

type Options = k8s.types.input.core.v1.SELinuxOptions;
const onPod = (seLinuxOptions: Options) => podSpec({ securityContext: { ...POD_SECURITY, seLinuxOptions } });
const onContainer = (seLinuxOptions: Options) => podSpec({ containers: [appContainer({ securityContext: { ...HARDENED, seLinuxOptions } })] });

describe("kubernetes-workload-restrict-selinux-options", () => {
    it("passes no options, a container type and a level, on every shape", () => {
        for (const shape of [deployment, cronJob, pod]) {
            expect(checkResource(policy, shape()).violations).toEqual([]);
            expect(checkResource(policy, shape(onPod({ type: "container_t", level: "s0:c123,c456" }))).violations).toEqual([]);
            expect(checkResource(policy, shape(onContainer({ type: "container_init_t" }))).violations).toEqual([]);
        }
    });

    it("fires on a type outside the container types, and on any user or role", () => {
        expect(checkResource(policy, deployment(onPod({ type: "spc_t" }))).violations).toEqual([expect.stringContaining("the pod of Deployment 'app' sets securityContext.seLinuxOptions.type to spc_t")]);
        expect(checkResource(policy, cronJob(onContainer({ user: "system_u", role: "system_r" }))).violations).toEqual([
            expect.stringContaining("container 'app' of CronJob 'app' sets securityContext.seLinuxOptions.user"),
            expect.stringContaining("seLinuxOptions.role"),
        ]);
        expect(checkResource(policy, pod(podSpec({ securityContext: { seLinuxOptions: "spc_t" as unknown as Options } }))).violations).toEqual([expect.stringContaining("not an object")]);
    });

    it("is unknown when the options are unknown during preview", () => {
        expect(checkResource(policy, deployment(onPod({ type: UNKNOWN }))).unknown).toBeDefined();
    });

    it("follows allowedTypes", () => {
        expect(checkResource(policy, { ...deployment(onPod({ type: "spc_t" })), config: { allowedTypes: ["container_t", "spc_t"] } }).violations).toEqual([]);
    });

    it("reports a set user whose value, like the pod's options and the workload's name, is unknown during preview", () => {
        const spec = podSpec({ securityContext: { ...POD_SECURITY, seLinuxOptions: UNKNOWN as never }, containers: [appContainer({ securityContext: { ...HARDENED, seLinuxOptions: { user: UNKNOWN, type: UNKNOWN } } })] });
        expect(checkResource(policy, deployment(spec, UNKNOWN_METADATA))).toEqual({ violations: [expect.stringContaining("container 'app' of Deployment 'subject' sets securityContext.seLinuxOptions.user")] });
        expect(checkResource(policy, deployment(podSpec(), UNKNOWN_METADATA))).toEqual({ violations: [] });
    });
});
