import type * as k8s from "@pulumi/kubernetes";
import policy from "../../../../policies/kubernetes/workload/restrict-volume-types";
import { checkResource, UNKNOWN } from "../../../harness/policy";
import { cronJob, deployment, pod, podSpec, UNKNOWN_METADATA } from "./fixtures";

type Volume = k8s.types.input.core.v1.Volume;
const withVolumes = (volumes: Volume[]) => podSpec({ volumes });

describe("kubernetes-workload-restrict-volume-types", () => {
    it("passes the volume types Pod Security Standards restricted allows, on every shape", () => {
        const volumes: Volume[] = [
            { name: "tmp", emptyDir: {} }, { name: "config", configMap: { name: "app" } }, { name: "creds", secret: { secretName: "app" } },
            { name: "data", persistentVolumeClaim: { claimName: "data" } }, { name: "token", projected: { sources: [{ serviceAccountToken: { path: "token" } }] } },
            { name: "info", downwardAPI: { items: [{ path: "labels", fieldRef: { fieldPath: "metadata.labels" } }] } },
            { name: "vault", csi: { driver: "secrets-store.csi.k8s.io" } },
        ];
        for (const shape of [deployment, cronJob, pod]) {
            expect(checkResource(policy, shape(withVolumes(volumes))).violations).toEqual([]);
        }
    });

    it("fires on other volume types", () => {
        expect(checkResource(policy, deployment(withVolumes([{ name: "shared", nfs: { server: "nfs.internal", path: "/exports" } }]))).violations)
            .toEqual([expect.stringContaining("volume 'shared' of Deployment 'app' is a nfs volume")]);
        expect(checkResource(policy, pod(withVolumes([{ name: "logs", hostPath: { path: "/var/log" } }, { name: "repo", gitRepo: { repository: "https://example.com/app.git" } }]))).violations).toHaveLength(2);
        expect(checkResource(policy, cronJob(withVolumes(["tmp" as unknown as Volume]))).violations).toEqual([expect.stringContaining("not a volume")]);
    });

    it("passes a pod without volumes", () => {
        expect(checkResource(policy, deployment(podSpec({ volumes: undefined }))).violations).toEqual([]);
    });

    it("is unknown when the volumes are unknown during preview", () => {
        expect(checkResource(policy, deployment(withVolumes(UNKNOWN as unknown as Volume[]))).unknown).toBeDefined();
    });

    it("follows allowedVolumeTypes", () => {
        expect(checkResource(policy, { ...deployment(withVolumes([{ name: "shared", nfs: { server: "nfs.internal", path: "/exports" } }])), config: { allowedVolumeTypes: ["emptyDir", "nfs"] } }).violations).toEqual([]);
        expect(checkResource(policy, { ...deployment(), config: { allowedVolumeTypes: ["configMap"] } }).violations).toHaveLength(1);
    });

    it("reports a disallowed volume next to values unknown during preview, reading only which sources a volume sets", () => {
        const spec = podSpec({ volumes: [UNKNOWN as never, { name: UNKNOWN, hostPath: { path: UNKNOWN } }, { name: "config", secret: UNKNOWN as never }] });
        expect(checkResource(policy, deployment(spec, UNKNOWN_METADATA))).toEqual({ violations: [expect.stringContaining("volume '#1' of Deployment 'subject' is a hostPath volume")] });
        expect(checkResource(policy, deployment(podSpec({ volumes: [{ name: "config", secret: UNKNOWN as never }] }), UNKNOWN_METADATA))).toEqual({ violations: [] });
    });
});
