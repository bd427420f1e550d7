// A workload's namespace and name are often unknown during preview (a Namespace the stack creates
// and autonames, a name built from another output). They decide no policy that judges the pod
// template itself, nor a stack policy with nothing else in the stack, so every Kubernetes policy
// that reports a violation of a workload still reports it when they are unknown (word for word,
// unless the message named the namespace); and one that passes a workload still passes it.
import * as path from "path";
import type * as k8s from "@pulumi/kubernetes";
import type { ProdreadyPolicy } from "../../../../policies/lib/define";
import { policyFiles } from "../../../../policies/registry";
import { checkResource, checkStack, UNKNOWN, Verdict } from "../../../harness/policy";
import { appContainer, container, podSpec, PodSpec } from "./fixtures";

const POLICIES_DIR = path.resolve(__dirname, "..", "..", "..", "..", "policies");
// eslint-disable-next-line @typescript-eslint/no-require-imports
const policies: ProdreadyPolicy[] = policyFiles(POLICIES_DIR).filter((f) => f.expectedName.startsWith("kubernetes-")).map((f) => require(f.file).default);

/** Policies whose verdict the workload's namespace decides, so it is unknown while the namespace is. */
const DECIDED_BY_NAMESPACE = new Set(["kubernetes-workload-disallow-default-namespace"]);

/** A pod spec that breaks every pod-level rule the pack checks, each in one place. */
const BROKEN: PodSpec = podSpec({
    hostNetwork: true,
    hostPID: true,
    hostIPC: true,
    serviceAccountName: "default",
    automountServiceAccountToken: true,
    terminationGracePeriodSeconds: 0,
    priorityClassName: "system-node-critical",
    securityContext: {
        runAsUser: 0,
        runAsNonRoot: false,
        seccompProfile: { type: "Unconfined" },
        appArmorProfile: { type: "Unconfined" },
        seLinuxOptions: { user: "system_u" },
        sysctls: [{ name: "kernel.msgmax", value: "65536" }],
        windowsOptions: { hostProcess: true },
    },
    volumes: [{ name: "docker", hostPath: { path: "/var/run/docker.sock" } }],
    initContainers: [container("migrate", { image: "registry.example.com/shop/migrate:latest" })],
    containers: [appContainer({
        image: "registry.example.com/shop/app:latest",
        imagePullPolicy: "IfNotPresent",
        ports: [{ name: "ssh", containerPort: 22, hostPort: 2222 }],
        livenessProbe: { httpGet: { path: "/health", port: "http" } },
        readinessProbe: undefined,
        resources: {},
        env: [
            { name: "DB_PASSWORD", value: "hunter2-hunter2" },
            { name: "LOG_LEVEL", value: "debug" },
        ],
        securityContext: {
            privileged: true,
            allowPrivilegeEscalation: true,
            readOnlyRootFilesystem: false,
            capabilities: { add: ["SYS_ADMIN"] },
            procMount: "Unmasked",
            runAsGroup: 0,
        },
    })],
});

const KNOWN = { name: "app", namespace: "default" };
const UNKNOWN_IDENTITY = { name: UNKNOWN, namespace: UNKNOWN };

/** A Pod and a Deployment (with one replica) around a pod spec; the Pulumi name equals the metadata name. */
function shapes(spec: PodSpec, metadata: k8s.types.input.meta.v1.ObjectMeta): Array<{ type: string; props: object }> {
    const pod: k8s.core.v1.PodArgs = { metadata, spec };
    const deployment: k8s.apps.v1.DeploymentArgs = {
        metadata, spec: { replicas: 1, selector: { matchLabels: { app: "app" } }, template: { metadata: { labels: { app: "app" } }, spec } },
    };
    return [{ type: "kubernetes:core/v1:Pod", props: pod }, { type: "kubernetes:apps/v1:Deployment", props: deployment }];
}

/** What a policy says about one workload, alone in the stack for a stack policy. */
function judge(policy: ProdreadyPolicy, subject: { type: string; props: object }): Verdict | undefined {
    if ("validateStack" in policy) {
        return checkStack(policy, [{ type: subject.type, name: "app", props: subject.props }]);
    }
    const judges = policy.appliesTo ? policy.appliesTo(subject.type, subject.props as Record<string, unknown>) : policy.resourceTypes?.includes(subject.type);
    return judges ? checkResource(policy, { type: subject.type, name: "app", props: subject.props }) : undefined;
}

const CASES = shapes(BROKEN, KNOWN).flatMap((known, i) => policies.map((policy) => ({ policy, known, unknown: shapes(BROKEN, UNKNOWN_IDENTITY)[i] })));

describe("Kubernetes policies with the workload's namespace and name unknown during preview", () => {
    const violated = CASES.filter(({ policy, known }) => (judge(policy, known)?.violations.length ?? 0) > 0);

    it("judge the broken workload with most of the pack", () => {
        // Guards the table below against a fixture that stops breaking the policies it is meant to.
        expect(new Set(violated.map(({ policy }) => policy.name)).size).toBeGreaterThanOrEqual(25);
    });

    it.each(violated.filter(({ policy }) => !DECIDED_BY_NAMESPACE.has(policy.name)).map((c) => [c.policy.name, c.known.type, c] as const))(
        "%s still reports the violations of a %s", (_name, _type, { policy, known, unknown }) => {
            const before = judge(policy, known)!.violations;
            const verdict = judge(policy, unknown)!;
            expect(verdict.unknown).toBeUndefined();
            if (before.some((message) => message.includes("namespace 'default'"))) {
                expect(verdict.violations).toHaveLength(before.length);
                verdict.violations.forEach((message) => expect(message).not.toContain(UNKNOWN));
            } else {
                expect(verdict.violations).toEqual(before);
            }
        });

    it.each([...DECIDED_BY_NAMESPACE].map((name) => [name]))("%s, which the namespace decides, is unknown", (name) => {
        const policy = policies.find((p) => p.name === name)!;
        const verdict = judge(policy, shapes(BROKEN, UNKNOWN_IDENTITY)[0])!;
        expect(verdict.unknown).toBeDefined();
    });

    const compliant = shapes(podSpec(), { name: "app", namespace: "shop" }).flatMap((known, i) => policies
        .filter((policy) => !DECIDED_BY_NAMESPACE.has(policy.name))
        .filter((policy) => {
            const verdict = judge(policy, known);
            return verdict !== undefined && verdict.violations.length === 0 && verdict.unknown === undefined;
        })
        .map((policy) => [policy.name, known.type, policy, shapes(podSpec(), UNKNOWN_IDENTITY)[i]] as const));

    it.each(compliant)("%s still passes a compliant %s", (_name, _type, policy, subject) => {
        const verdict = judge(policy, subject)!;
        expect(verdict.unknown).toBeUndefined();
        expect(verdict.violations).toEqual([]);
    });
});
