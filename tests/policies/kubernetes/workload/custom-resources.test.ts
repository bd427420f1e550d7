// Every pod-level workload policy judges the pod templates of custom resources (Argo Rollouts,
// Knative Services, OpenShift DeploymentConfigs, CronJob-like and Pod-like kinds), found by shape.
import type * as k8s from "@pulumi/kubernetes";
import type { ProdreadyPolicy } from "../../../../policies/lib/define";
import defaultNamespace from "../../../../policies/kubernetes/workload/disallow-default-namespace";
import hostNamespaces from "../../../../policies/kubernetes/workload/disallow-host-namespaces";
import hostPath from "../../../../policies/kubernetes/workload/disallow-host-path-volumes";
import hostPorts from "../../../../policies/kubernetes/workload/disallow-host-ports";
import mutableTags from "../../../../policies/kubernetes/workload/disallow-mutable-image-tags";
import plaintextSecrets from "../../../../policies/kubernetes/workload/disallow-plaintext-secrets";
import privilegeEscalation from "../../../../policies/kubernetes/workload/disallow-privilege-escalation";
import privileged from "../../../../policies/kubernetes/workload/disallow-privileged";
import zeroReplicas from "../../../../policies/kubernetes/workload/disallow-zero-replicas";
import zeroGrace from "../../../../policies/kubernetes/workload/disallow-zero-termination-grace";
import dropAll from "../../../../policies/kubernetes/workload/require-drop-all-capabilities";
import nonRoot from "../../../../policies/kubernetes/workload/require-non-root";
import probes from "../../../../policies/kubernetes/workload/require-probes";
import readOnlyRoot from "../../../../policies/kubernetes/workload/require-read-only-root-filesystem";
import resourceLimits from "../../../../policies/kubernetes/workload/require-resource-limits";
import seccomp from "../../../../policies/kubernetes/workload/require-seccomp-profile";
import runAsUser from "../../../../policies/kubernetes/workload/restrict-run-as-user";
import { checkResource, ResourceCase, UNKNOWN } from "../../../harness/policy";
import { appContainer, CUSTOM_SHAPES, deploymentConfig, HARDENED, knativeService, pod, podSpec, PodSpec, rollout, scheduledWorkload } from "./fixtures";

const withContext = (securityContext: k8s.types.input.core.v1.SecurityContext): PodSpec => podSpec({ containers: [appContainer({ securityContext })] });

/** Each policy, with a pod spec that breaks it and what its message says. */
const BROKEN: Array<[ProdreadyPolicy, PodSpec, string]> = [
    [hostNamespaces, podSpec({ hostNetwork: true }), "shares the node's network"],
    [hostPath, podSpec({ volumes: [{ name: "docker", hostPath: { path: "/var/run/docker.sock" } }] }), "mounts the node's /var/run/docker.sock"],
    [hostPorts, podSpec({ containers: [appContainer({ ports: [{ containerPort: 8080, hostPort: 8080 }] })] }), "binds host port 8080"],
    [mutableTags, podSpec({ containers: [appContainer({ image: "registry.example.com/shop/app:latest" })] }), "uses mutable tag :latest"],
    [plaintextSecrets, podSpec({ containers: [appContainer({ env: [{ name: "DB_PASSWORD", value: "not-a-reference" }] })] }), "sets env DB_PASSWORD to a literal value"],
    [privilegeEscalation, withContext({ ...HARDENED, allowPrivilegeEscalation: true }), "allows privilege escalation"],
    [privileged, withContext({ ...HARDENED, privileged: true }), "runs privileged"],
    [zeroGrace, podSpec({ terminationGracePeriodSeconds: 0 }), "gives its pods 0s to shut down"],
    [dropAll, withContext({ ...HARDENED, capabilities: { drop: ["ALL"], add: ["SYS_ADMIN"] } }), "adds capabilities SYS_ADMIN"],
    [nonRoot, withContext({ ...HARDENED, runAsUser: 0 }), "runs as root (runAsUser: 0)"],
    [readOnlyRoot, withContext({ ...HARDENED, readOnlyRootFilesystem: false }), "has a writable root filesystem"],
    [resourceLimits, podSpec({ containers: [appContainer({ resources: {} })] }), "sets no resources.limits.cpu"],
    [seccomp, withContext({ ...HARDENED, seccompProfile: { type: "Unconfined" } }), "runs under seccomp profile Unconfined"],
    [runAsUser, withContext({ ...HARDENED, runAsUser: 100 }), "runs as uid 100, below the minimum 1000"],
];

describe("workload policies on custom resources with a pod template", () => {
    const shapes = Object.entries(CUSTOM_SHAPES);

    describe.each(BROKEN.map(([policy, spec, message]) => [policy.name, policy, spec, message] as const))("%s", (_name, policy, spec, message) => {
        it.each(shapes)("passes a hardened %s", (_kind, shape) => {
            expect(checkResource(policy, shape()).violations).toEqual([]);
        });

        it.each(shapes)("fires on a %s that breaks it", (_kind, shape) => {
            expect(checkResource(policy, shape(spec)).violations).toEqual([expect.stringContaining(message)]);
        });
    });

    it("names the custom kind in the message", () => {
        expect(checkResource(privileged, rollout(withContext({ ...HARDENED, privileged: true }))).violations).toEqual([
            expect.stringContaining("container 'app' of Rollout 'app' runs privileged"),
        ]);
    });

    it("judges a custom resource's namespace", () => {
        expect(checkResource(defaultNamespace, knativeService()).violations).toEqual([]);
        expect(checkResource(defaultNamespace, knativeService(podSpec(), { name: "app", namespace: "default" })).violations).toEqual([
            expect.stringContaining("Service 'app' runs in namespace 'default'"),
        ]);
    });

    it("requires probes on long-running custom workloads, not on scheduled ones", () => {
        const unprobed = podSpec({ containers: [appContainer({ readinessProbe: undefined })] });
        expect(checkResource(probes, rollout(unprobed)).violations).toEqual([expect.stringContaining("container 'app' of Rollout 'app' has no readinessProbe")]);
        expect(checkResource(probes, knativeService(unprobed)).violations).toHaveLength(1);
        expect(checkResource(probes, scheduledWorkload(unprobed)).violations).toEqual([]);
    });

    it("reads spec.replicas where the custom kind has it", () => {
        expect(checkResource(zeroReplicas, rollout()).violations).toEqual([]);
        expect(checkResource(zeroReplicas, rollout(podSpec(), undefined, 0)).violations).toEqual([expect.stringContaining("Rollout 'app' sets spec.replicas to 0")]);
        expect(checkResource(zeroReplicas, deploymentConfig(podSpec(), undefined, 0)).violations).toEqual([expect.stringContaining("DeploymentConfig 'app' sets spec.replicas to 0")]);
        expect(checkResource(zeroReplicas, { ...rollout(podSpec(), undefined, 1), config: { minimumReplicas: 2 } }).violations).toHaveLength(1);
        // Knative scales on requests: no spec.replicas, nothing to judge.
        expect(checkResource(zeroReplicas, knativeService()).violations).toEqual([]);
    });

    it("leaves custom resources without a pod template alone", () => {
        const certificate: k8s.apiextensions.CustomResourceArgs = {
            apiVersion: "cert-manager.io/v1", kind: "Certificate", metadata: { name: "web", namespace: "default" },
            spec: { secretName: "web-tls", replicas: 0, dnsNames: ["shop.example.com"] },
        };
        const subject: ResourceCase = { type: "kubernetes:cert-manager.io/v1:Certificate", props: certificate };
        for (const [policy] of BROKEN) {
            expect(checkResource(policy, subject).violations).toEqual([]);
        }
        expect(checkResource(zeroReplicas, subject).violations).toEqual([]);
        expect(checkResource(defaultNamespace, subject).violations).toEqual([]);
    });

    it("reports a pod template unknown during preview as unknown", () => {
        const unknown: k8s.apiextensions.CustomResourceArgs = { apiVersion: "argoproj.io/v1alpha1", kind: "Rollout", metadata: { name: "app" }, spec: { replicas: 2, template: UNKNOWN } };
        const verdict = checkResource(privileged, { type: "kubernetes:argoproj.io/v1alpha1:Rollout", props: unknown });
        expect(verdict.unknown).toBeDefined();
        expect(verdict.violations).toEqual([]);
    });

    it("takes config as for built-in workloads", () => {
        const broken = rollout(withContext({ ...HARDENED, privileged: true }));
        expect(checkResource(privileged, { ...broken, config: { allowedWorkloads: ["shop/app"] } }).violations).toEqual([]);
    });

    it("does not judge a built-in kind under an apiVersion that does not serve it (kubernetes-object-require-valid-shape does)", () => {
        const misplaced = { ...rollout(withContext({ ...HARDENED, privileged: true })), type: "kubernetes:core/v1:Deployment" };
        expect(checkResource(privileged, misplaced).violations).toEqual([]);
    });

    it("judges a Pod declared as a CustomResource with apiVersion v1 like a Pod", () => {
        const declared = { ...pod(withContext({ ...HARDENED, privileged: true })), type: "kubernetes:v1:Pod" };
        expect(checkResource(privileged, declared).violations).toEqual([expect.stringContaining("container 'app' of Pod 'app' runs privileged")]);
    });
});
