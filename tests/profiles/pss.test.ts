// The Pod Security Standards profiles state exactly the standard's rules for the controls prodready
// has (https://kubernetes.io/docs/concepts/security/pod-security-standards/): for each control, a
// compliant pod passes and each violating variant fails under the profile's settings.
import type * as k8s from "@pulumi/kubernetes";
import * as fs from "fs";
import * as path from "path";
import type { ProdreadyPolicy } from "../../policies/lib/define";
import hostNamespaces from "../../policies/kubernetes/workload/disallow-host-namespaces";
import hostPath from "../../policies/kubernetes/workload/disallow-host-path-volumes";
import hostPorts from "../../policies/kubernetes/workload/disallow-host-ports";
import privilegeEscalation from "../../policies/kubernetes/workload/disallow-privilege-escalation";
import privileged from "../../policies/kubernetes/workload/disallow-privileged";
import capabilities from "../../policies/kubernetes/workload/require-drop-all-capabilities";
import nonRoot from "../../policies/kubernetes/workload/require-non-root";
import seccomp from "../../policies/kubernetes/workload/require-seccomp-profile";
import hostProcess from "../../policies/kubernetes/workload/disallow-host-process";
import appArmor from "../../policies/kubernetes/workload/restrict-apparmor-profile";
import procMount from "../../policies/kubernetes/workload/restrict-proc-mount";
import seLinux from "../../policies/kubernetes/workload/restrict-selinux-options";
import sysctls from "../../policies/kubernetes/workload/restrict-sysctls";
import volumeTypes from "../../policies/kubernetes/workload/restrict-volume-types";
import { loadPolicies } from "../../policies/registry";
import { resolvePolicyConfig } from "../../src/pack/config";
import { checkResource } from "../harness/policy";
import { checklistsProfile } from "../../profiles/write-checklists";
import { cronJob, deployment, pod } from "../policies/kubernetes/workload/fixtures";

type PodSpec = k8s.types.input.core.v1.PodSpec;
type Container = k8s.types.input.core.v1.Container;
type SecurityContext = k8s.types.input.core.v1.SecurityContext;

const ROOT = path.resolve(__dirname, "..", "..");
const policies = loadPolicies(path.join(ROOT, "policies"));
const profile = (name: string) => JSON.parse(fs.readFileSync(path.join(ROOT, "profiles", `${name}.json`), "utf8")) as Record<string, unknown>;
const PROFILES = { "pss-baseline": profile("pss-baseline"), "pss-restricted": profile("pss-restricted") };
type ProfileName = keyof typeof PROFILES;

/** The policy's settings and level under a profile, resolved as the analyzer resolves them. */
const resolved = new Map<ProfileName, ReturnType<typeof resolvePolicyConfig>>();
function settings(name: ProfileName, policy: ProdreadyPolicy) {
    if (!resolved.has(name)) {
        resolved.set(name, resolvePolicyConfig(policies, PROFILES[name], name));
    }
    return resolved.get(name)!.get(policy.name)!;
}

function violations(name: ProfileName, policy: ProdreadyPolicy, spec: PodSpec): string[] {
    const { enforcementLevel, properties } = settings(name, policy);
    expect(enforcementLevel).toBe("mandatory");
    const { exemptions: _e, exemptionsFromResources: _f, ...config } = properties;
    // Three workload shapes: PSS applies to the pods every one of them creates.
    const verdicts = [pod(spec), deployment(spec), cronJob(spec)].map((shape) => checkResource(policy, { ...shape, config }).violations);
    expect(verdicts[1].length).toBe(verdicts[0].length);
    expect(verdicts[2].length).toBe(verdicts[0].length);
    return verdicts[0];
}

// A minimal pod (Kubernetes defaults everywhere): baseline accepts it, restricted does not.
const plain = (container: Partial<Container> = {}, pod: Partial<PodSpec> = {}): PodSpec => ({ containers: [{ name: "app", image: "registry.example.com/app:1.0.0", ...container }], ...pod });
const withSecurity = (securityContext: SecurityContext, pod: Partial<PodSpec> = {}) => plain({ securityContext }, pod);

// What restricted asks of every container, so each restricted case changes one control only.
const RESTRICTED_CONTAINER: SecurityContext = { allowPrivilegeEscalation: false, capabilities: { drop: ["ALL"] } };
const RESTRICTED_POD: k8s.types.input.core.v1.PodSecurityContext = { runAsNonRoot: true, seccompProfile: { type: "RuntimeDefault" } };
const restricted = (container: SecurityContext = {}, podSecurity: k8s.types.input.core.v1.PodSecurityContext = {}, pod: Partial<PodSpec> = {}): PodSpec =>
    withSecurity({ ...RESTRICTED_CONTAINER, ...container }, { securityContext: { ...RESTRICTED_POD, ...podSecurity }, ...pod });

describe("the profiles are valid policy-pack configs", () => {
    it.each(["checklists", "pss-baseline", "pss-restricted", "aws-well-architected", "cis-kubernetes", "cis-aws-foundations"])("%s resolves against every policy's config schema", (name) => {
        expect(() => resolvePolicyConfig(policies, profile(name), name)).not.toThrow();
    });

    it("checklists spells out every policy's default level and settings", () => {
        expect(profile("checklists")).toEqual(checklistsProfile());
    });

    it.each(Object.keys(PROFILES) as ProfileName[])("%s disables every policy that is not a Pod Security Standards control, AWS ones included", (name) => {
        const controls = new Set(Object.keys(PROFILES[name]).filter((key) => key !== "all"));
        for (const [policy, resolved] of resolvePolicyConfig(policies, PROFILES[name], name)) {
            expect([policy, resolved.enforcementLevel]).toEqual([policy, controls.has(policy) ? "mandatory" : "disabled"]);
        }
        expect(controls.has("kubernetes-workload-restrict-run-as-user")).toBe(false); // uid ≥ 1000 is stricter than PSS
    });
});

const BASELINE_CONTROLS = [hostNamespaces, privileged, capabilities, hostPath, hostPorts, seccomp, hostProcess, appArmor, seLinux, procMount, sysctls];

describe("Pod Security Standards baseline", () => {
    const B: ProfileName = "pss-baseline";

    it("accepts the default, minimally specified pod under every control", () => {
        for (const policy of BASELINE_CONTROLS) {
            expect([policy.name, violations(B, policy, plain())]).toEqual([policy.name, []]);
        }
    });

    it("Host Namespaces: hostNetwork, hostPID, hostIPC undefined or false", () => {
        expect(violations(B, hostNamespaces, plain({}, { hostNetwork: false, hostPID: false, hostIPC: false }))).toEqual([]);
        for (const field of ["hostNetwork", "hostPID", "hostIPC"] as const) {
            expect(violations(B, hostNamespaces, plain({}, { [field]: true }))).toHaveLength(1);
        }
    });

    it("Privileged Containers: privileged undefined or false, on containers, init and ephemeral containers", () => {
        expect(violations(B, privileged, withSecurity({ privileged: false }))).toEqual([]);
        expect(violations(B, privileged, withSecurity({ privileged: true }))).toHaveLength(1);
        expect(violations(B, privileged, plain({}, { initContainers: [{ name: "init", image: "registry.example.com/init:1.0.0", securityContext: { privileged: true } }] }))).toHaveLength(1);
        expect(violations(B, privileged, plain({}, { ephemeralContainers: [{ name: "debug", image: "registry.example.com/debug:1.0.0", securityContext: { privileged: true } }] }))).toHaveLength(1);
    });

    it("Capabilities: only the baseline list may be added, nothing need be dropped", () => {
        const baseline = ["AUDIT_WRITE", "CHOWN", "DAC_OVERRIDE", "FOWNER", "FSETID", "KILL", "MKNOD", "NET_BIND_SERVICE", "SETFCAP", "SETGID", "SETPCAP", "SETUID", "SYS_CHROOT"];
        expect(violations(B, capabilities, withSecurity({ capabilities: { add: baseline } }))).toEqual([]);
        expect(violations(B, capabilities, withSecurity({ capabilities: { add: ["SYS_ADMIN"] } }))).toHaveLength(1);
        expect(violations(B, capabilities, withSecurity({ capabilities: { add: ["NET_RAW"] } }))).toHaveLength(1);
    });

    it("HostPath Volumes: none", () => {
        expect(violations(B, hostPath, plain({}, { volumes: [{ name: "tmp", emptyDir: {} }] }))).toEqual([]);
        expect(violations(B, hostPath, plain({}, { volumes: [{ name: "logs", hostPath: { path: "/var/log" } }] }))).toHaveLength(1);
    });

    it("Host Ports: undefined or 0", () => {
        expect(violations(B, hostPorts, plain({ ports: [{ containerPort: 8080 }, { containerPort: 8081, hostPort: 0 }] }))).toEqual([]);
        expect(violations(B, hostPorts, plain({ ports: [{ containerPort: 8080, hostPort: 8080 }] }))).toHaveLength(1);
    });

    it("Seccomp: undefined, RuntimeDefault or Localhost, never Unconfined (pod or container)", () => {
        expect(violations(B, seccomp, withSecurity({ seccompProfile: { type: "Localhost", localhostProfile: "app.json" } }, { securityContext: { seccompProfile: { type: "RuntimeDefault" } } }))).toEqual([]);
        expect(violations(B, seccomp, plain({}, { securityContext: { seccompProfile: { type: "Unconfined" } } }))).toHaveLength(1);
        expect(violations(B, seccomp, withSecurity({ seccompProfile: { type: "Unconfined" } }))).toHaveLength(1);
    });

    it("HostProcess: windowsOptions.hostProcess undefined or false (pod or container)", () => {
        expect(violations(B, hostProcess, withSecurity({ windowsOptions: { hostProcess: false } }, { securityContext: { windowsOptions: { hostProcess: false } } }))).toEqual([]);
        expect(violations(B, hostProcess, plain({}, { securityContext: { windowsOptions: { hostProcess: true } } }))).toHaveLength(1);
        expect(violations(B, hostProcess, withSecurity({ windowsOptions: { hostProcess: true } }))).toHaveLength(1);
    });

    it("AppArmor: undefined, RuntimeDefault or Localhost; annotations runtime/default or localhost/*", () => {
        expect(violations(B, appArmor, withSecurity({ appArmorProfile: { type: "Localhost", localhostProfile: "k8s-app" } }, { securityContext: { appArmorProfile: { type: "RuntimeDefault" } } }))).toEqual([]);
        expect(violations(B, appArmor, plain({}, { securityContext: { appArmorProfile: { type: "Unconfined" } } }))).toHaveLength(1);
        expect(violations(B, appArmor, withSecurity({ appArmorProfile: { type: "Unconfined" } }))).toHaveLength(1);
        const annotated = (value: string) => checkResource(appArmor, { ...pod(plain(), { name: "app", annotations: { "container.apparmor.security.beta.kubernetes.io/app": value } }), config: settings(B, appArmor).properties }).violations;
        expect(annotated("runtime/default")).toEqual([]);
        expect(annotated("localhost/k8s-app")).toEqual([]);
        expect(annotated("unconfined")).toHaveLength(1);
    });

    it("SELinux: type undefined or a container type, user and role undefined (pod or container)", () => {
        for (const type of ["container_t", "container_init_t", "container_kvm_t", "container_engine_t"]) {
            expect(violations(B, seLinux, withSecurity({ seLinuxOptions: { type, level: "s0:c1,c2" } }))).toEqual([]);
        }
        expect(violations(B, seLinux, plain({}, { securityContext: { seLinuxOptions: { type: "spc_t" } } }))).toHaveLength(1);
        expect(violations(B, seLinux, withSecurity({ seLinuxOptions: { user: "system_u" } }))).toHaveLength(1);
        expect(violations(B, seLinux, withSecurity({ seLinuxOptions: { role: "system_r" } }))).toHaveLength(1);
    });

    it("/proc Mount Type: undefined or Default", () => {
        expect(violations(B, procMount, withSecurity({ procMount: "Default" }))).toEqual([]);
        expect(violations(B, procMount, withSecurity({ procMount: "Unmasked" }))).toHaveLength(1);
    });

    it("Sysctls: only the safe set", () => {
        const safe = ["kernel.shm_rmid_forced", "net.ipv4.ip_local_port_range", "net.ipv4.ip_unprivileged_port_start", "net.ipv4.tcp_syncookies", "net.ipv4.ping_group_range",
            "net.ipv4.ip_local_reserved_ports", "net.ipv4.tcp_keepalive_time", "net.ipv4.tcp_fin_timeout", "net.ipv4.tcp_keepalive_intvl", "net.ipv4.tcp_keepalive_probes", "net.ipv4.tcp_rmem", "net.ipv4.tcp_wmem"];
        expect(violations(B, sysctls, plain({}, { securityContext: { sysctls: safe.map((name) => ({ name, value: "1" })) } }))).toEqual([]);
        expect(violations(B, sysctls, plain({}, { securityContext: { sysctls: [{ name: "kernel.msgmax", value: "65536" }] } }))).toHaveLength(1);
    });

    it("Volume Types is a restricted control: baseline does not enforce it", () => {
        expect(PROFILES[B]["kubernetes-workload-restrict-volume-types"]).toBeUndefined();
    });
});

describe("Pod Security Standards restricted", () => {
    const R: ProfileName = "pss-restricted";
    const CONTROLS = [...BASELINE_CONTROLS, privilegeEscalation, nonRoot, volumeTypes];

    it("accepts a pod that meets every restricted control", () => {
        for (const policy of CONTROLS) {
            expect([policy.name, violations(R, policy, restricted())]).toEqual([policy.name, []]);
        }
    });

    it("includes baseline: host namespaces, privileged, hostPath and host ports still fail", () => {
        expect(violations(R, hostNamespaces, restricted({}, {}, { hostPID: true }))).toHaveLength(1);
        expect(violations(R, privileged, restricted({ privileged: true }))).toHaveLength(1);
        expect(violations(R, hostPath, restricted({}, {}, { volumes: [{ name: "sock", hostPath: { path: "/run/containerd.sock" } }] }))).toHaveLength(1);
        expect(violations(R, hostPorts, restricted({}, {}, { containers: [{ name: "app", image: "registry.example.com/app:1.0.0", securityContext: RESTRICTED_CONTAINER, ports: [{ containerPort: 80, hostPort: 80 }] }] }))).toHaveLength(1);
    });

    it("Privilege Escalation: allowPrivilegeEscalation must be false", () => {
        expect(violations(R, privilegeEscalation, restricted({ allowPrivilegeEscalation: true }))).toHaveLength(1);
        expect(violations(R, privilegeEscalation, restricted({ allowPrivilegeEscalation: undefined }))).toHaveLength(1);
    });

    it("Running as Non-root: runAsNonRoot true on the pod, or on every container", () => {
        expect(violations(R, nonRoot, restricted({ runAsNonRoot: true }, { runAsNonRoot: undefined }))).toEqual([]);
        expect(violations(R, nonRoot, restricted({}, { runAsNonRoot: undefined }))).toHaveLength(1);
        expect(violations(R, nonRoot, restricted({ runAsNonRoot: false }))).toHaveLength(1);
        expect(violations(R, nonRoot, restricted({ runAsNonRoot: true }, { runAsNonRoot: false }))).toHaveLength(1);
        // A non-root uid alone is not enough for the standard.
        expect(violations(R, nonRoot, restricted({ runAsUser: 1000 }, { runAsNonRoot: undefined }))).toHaveLength(1);
    });

    it("Running as Non-root user: runAsUser any non-zero value or undefined (uid 1000 is not required)", () => {
        expect(violations(R, nonRoot, restricted({ runAsUser: 1 }))).toEqual([]);
        expect(violations(R, nonRoot, restricted({ runAsUser: 0 }))).toHaveLength(1);
        expect(violations(R, nonRoot, restricted({ runAsUser: 1000 }, { runAsUser: 0 }))).toHaveLength(1);
        // The root group is not a Pod Security Standards control.
        expect(violations(R, nonRoot, restricted({}, { runAsGroup: 0 }))).toEqual([]);
    });

    it("Seccomp: RuntimeDefault or Localhost on the pod, or on every container", () => {
        expect(violations(R, seccomp, restricted({ seccompProfile: { type: "Localhost", localhostProfile: "app.json" } }, { seccompProfile: undefined }))).toEqual([]);
        expect(violations(R, seccomp, restricted({}, { seccompProfile: undefined }))).toHaveLength(1);
        expect(violations(R, seccomp, restricted({ seccompProfile: { type: "Unconfined" } }))).toHaveLength(1);
        expect(violations(R, seccomp, restricted({}, { seccompProfile: { type: "Unconfined" } }))).toHaveLength(1);
    });

    it("Volume Types: configMap, csi, downwardAPI, emptyDir, ephemeral, persistentVolumeClaim, projected, secret only", () => {
        const allowed: PodSpec["volumes"] = [
            { name: "a", configMap: { name: "app" } }, { name: "b", csi: { driver: "secrets-store.csi.k8s.io" } },
            { name: "c", downwardAPI: { items: [{ path: "labels", fieldRef: { fieldPath: "metadata.labels" } }] } }, { name: "d", emptyDir: {} },
            { name: "e", ephemeral: { volumeClaimTemplate: { spec: { accessModes: ["ReadWriteOnce"], resources: { requests: { storage: "1Gi" } } } } } },
            { name: "f", persistentVolumeClaim: { claimName: "data" } }, { name: "g", projected: { sources: [] } }, { name: "h", secret: { secretName: "app" } },
        ];
        expect(violations(R, volumeTypes, restricted({}, {}, { volumes: allowed }))).toEqual([]);
        expect(violations(R, volumeTypes, restricted({}, {}, { volumes: [{ name: "shared", nfs: { server: "nfs.internal", path: "/exports" } }] }))).toHaveLength(1);
        expect(violations(R, volumeTypes, restricted({}, {}, { volumes: [{ name: "logs", hostPath: { path: "/var/log" } }] }))).toHaveLength(1);
    });

    it("Capabilities: drop ALL, add only NET_BIND_SERVICE", () => {
        expect(violations(R, capabilities, restricted({ capabilities: { drop: ["ALL"], add: ["NET_BIND_SERVICE"] } }))).toEqual([]);
        expect(violations(R, capabilities, restricted({ capabilities: { drop: ["NET_RAW"] } }))).toHaveLength(1);
        expect(violations(R, capabilities, restricted({ capabilities: { drop: ["ALL"], add: ["CHOWN"] } }))).toHaveLength(1);
    });
});
