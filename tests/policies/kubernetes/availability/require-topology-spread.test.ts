import policy from "../../../../policies/kubernetes/availability/require-topology-spread";
import { checkStack, ResourceCase, StackResource, UNKNOWN, urnOf, Verdict } from "../../../harness/policy";
import { deployment, podSpec, PodSpec, rollout, statefulSet, UNKNOWN_METADATA } from "../workload/fixtures";

const SPREAD: Partial<PodSpec> = { topologySpreadConstraints: [{ maxSkew: 1, topologyKey: "topology.kubernetes.io/zone", whenUnsatisfiable: "ScheduleAnyway", labelSelector: { matchLabels: { app: "app" } } }] };
const ANTI_AFFINITY: Partial<PodSpec> = { affinity: { podAntiAffinity: { preferredDuringSchedulingIgnoredDuringExecution: [{ weight: 100, podAffinityTerm: { topologyKey: "kubernetes.io/hostname", labelSelector: { matchLabels: { app: "app" } } } }] } } };

/** One workload judged in a stack of its own and the `others` given, with the workload's config. */
function check(subject: ResourceCase, ...others: StackResource[]): Verdict {
    const { urns: _urns, ...verdict } = checkStack(policy, [{ ...subject, name: subject.name ?? "subject" }, ...others], subject.config);
    return verdict;
}

/** A HorizontalPodAutoscaler scaling the fixtures' Deployment 'app' in namespace 'shop', unless told otherwise. */
function autoscaler(minReplicas: unknown, target: Record<string, unknown> = { apiVersion: "apps/v1", kind: "Deployment", name: "app" }, namespace = "shop"): StackResource {
    return {
        type: "kubernetes:autoscaling/v2:HorizontalPodAutoscaler",
        name: "app-hpa",
        props: { metadata: { name: "app", namespace }, spec: { scaleTargetRef: target, minReplicas, maxReplicas: 10 } },
    };
}

/** A workload shape with spec.replicas set. */
function replicated(shape: typeof deployment, spec: PodSpec, replicas: unknown) {
    const resource = shape(spec);
    const props = resource.props as { spec: Record<string, unknown> };
    return { ...resource, props: { ...props, spec: { ...props.spec, replicas } } };
}

describe("kubernetes-availability-require-topology-spread", () => {
    it("passes spread constraints or pod anti-affinity, on every replicated shape", () => {
        for (const shape of [deployment, statefulSet]) {
            expect(check(replicated(shape, podSpec(SPREAD), 3)).violations).toEqual([]);
            expect(check(replicated(shape, podSpec(ANTI_AFFINITY), 3)).violations).toEqual([]);
        }
        expect(check(rollout(podSpec(SPREAD), undefined, 4)).violations).toEqual([]);
    });

    it("fires on 3 or more replicas with neither", () => {
        expect(check(replicated(deployment, podSpec(), 3)).violations).toEqual([expect.stringContaining("Deployment 'app' runs 3 replicas with neither topologySpreadConstraints nor pod anti-affinity")]);
        expect(check(replicated(statefulSet, podSpec({ topologySpreadConstraints: [] }), 5)).violations).toHaveLength(1);
        expect(check(rollout(podSpec(), undefined, 4)).violations).toHaveLength(1);
        // pod affinity alone packs replicas together
        expect(check(replicated(deployment, podSpec({ affinity: { podAffinity: {} } }), 3)).violations).toHaveLength(1);
    });

    it("fires on anti-affinity and spread constraints that spread nothing of the workload's own pods", () => {
        const own = { matchLabels: { app: "app" } };
        const term = (topologyKey: string, labelSelector?: { matchLabels: Record<string, string> }, namespaces?: string[]) => ({ topologyKey, labelSelector, namespaces });
        const unspread: Partial<PodSpec>[] = [
            // anti-affinity that keeps it away from OTHER pods
            { affinity: { podAntiAffinity: { requiredDuringSchedulingIgnoredDuringExecution: [term("kubernetes.io/hostname", { matchLabels: { app: "cache" } })] } } },
            // a topology key that separates no failure domain
            { affinity: { podAntiAffinity: { preferredDuringSchedulingIgnoredDuringExecution: [{ weight: 100, podAffinityTerm: term("kubernetes.io/os", own) }] } } },
            // no labelSelector: the term selects no pod
            { affinity: { podAntiAffinity: { requiredDuringSchedulingIgnoredDuringExecution: [term("kubernetes.io/hostname")] } } },
            // its own labels, looked for in another namespace only
            { affinity: { podAntiAffinity: { requiredDuringSchedulingIgnoredDuringExecution: [term("kubernetes.io/hostname", own, ["other"])] } } },
            // spread constraints without a labelSelector, or selecting other pods
            { topologySpreadConstraints: [{ maxSkew: 1, topologyKey: "topology.kubernetes.io/zone", whenUnsatisfiable: "ScheduleAnyway" }] },
            { topologySpreadConstraints: [{ maxSkew: 1, topologyKey: "kubernetes.io/hostname", whenUnsatisfiable: "DoNotSchedule", labelSelector: { matchLabels: { app: "db" } } }] },
        ];
        for (const changes of unspread) {
            expect(check(replicated(deployment, podSpec(changes), 3)).violations).toEqual([
                "Deployment 'app' runs 3 replicas but no topologySpreadConstraint has a labelSelector matching its pod template labels, and no pod anti-affinity term selects those labels with topologyKey kubernetes.io/hostname or topology.kubernetes.io/zone, so the scheduler may place them all on one node: add topologySpreadConstraints (topologyKey: topology.kubernetes.io/zone or kubernetes.io/hostname, maxSkew: 1) with a labelSelector matching the pod template labels.",
            ]);
        }
        expect(check(rollout(podSpec(unspread[4]), undefined, 4)).violations).toHaveLength(1);
        expect(check(replicated(statefulSet, podSpec(unspread[0]), 3)).violations).toHaveLength(1);
    });

    it("accepts anti-affinity on its own pods by node or zone, the deprecated zone label and matchExpressions included", () => {
        const expression = { matchExpressions: [{ key: "app", operator: "In", values: ["app"] }] };
        for (const topologyKey of ["kubernetes.io/hostname", "topology.kubernetes.io/zone", "failure-domain.beta.kubernetes.io/zone"]) {
            const spec = podSpec({ affinity: { podAntiAffinity: { requiredDuringSchedulingIgnoredDuringExecution: [{ topologyKey, labelSelector: expression }] } } });
            expect(check(replicated(deployment, spec, 3)).violations).toEqual([]);
        }
        const ownNamespace = podSpec({ affinity: { podAntiAffinity: { requiredDuringSchedulingIgnoredDuringExecution: [{ topologyKey: "kubernetes.io/hostname", labelSelector: { matchLabels: { app: "app" } }, namespaces: ["shop"] }] } } });
        expect(check(replicated(deployment, ownNamespace, 3)).violations).toEqual([]);
    });

    it("lets a known way of spreading win over one unknown during preview, and an unknown one decide only when nothing else spreads", () => {
        const unknownTerm = { affinity: { podAntiAffinity: { requiredDuringSchedulingIgnoredDuringExecution: [UNKNOWN as never] } } };
        expect(check(replicated(deployment, podSpec({ ...SPREAD, ...unknownTerm }), 3))).toEqual({ violations: [] });
        const unknownSelector: Partial<PodSpec> = { topologySpreadConstraints: [{ maxSkew: 1, topologyKey: "kubernetes.io/hostname", whenUnsatisfiable: "DoNotSchedule", labelSelector: UNKNOWN as never }] };
        expect(check(replicated(deployment, podSpec({ ...ANTI_AFFINITY, ...unknownSelector }), 3))).toEqual({ violations: [] });
        expect(check(replicated(deployment, podSpec(unknownSelector), 3)).unknown).toBeDefined();
    });

    it("does not judge fewer replicas, or replicas omitted (1)", () => {
        expect(check(replicated(deployment, podSpec(), 2)).violations).toEqual([]);
        expect(check(deployment()).violations).toEqual([]);
    });

    it("is unknown when the replica count or the pod spec is unknown during preview", () => {
        expect(check(replicated(deployment, podSpec(), UNKNOWN)).unknown).toBeDefined();
        expect(check(replicated(deployment, podSpec({ topologySpreadConstraints: UNKNOWN as unknown as [] }), 3)).unknown).toBeDefined();
    });

    it("follows minimumReplicas and allowedWorkloads", () => {
        expect(check({ ...replicated(deployment, podSpec(), 2), config: { minimumReplicas: 2 } }).violations).toHaveLength(1);
        expect(check({ ...replicated(deployment, podSpec(), 3), config: { minimumReplicas: 4 } }).violations).toEqual([]);
        expect(check({ ...replicated(deployment, podSpec(), 3), config: { allowedWorkloads: ["shop/app"] } }).violations).toEqual([]);
    });

    it("reads the namespace and name only when allowedWorkloads could exempt a violation", () => {
        const unspread = { ...replicated(deployment, podSpec(), 3), props: { ...(replicated(deployment, podSpec(), 3).props as object), metadata: UNKNOWN_METADATA } };
        const spread = { ...replicated(deployment, podSpec(SPREAD), 3), props: { ...(replicated(deployment, podSpec(SPREAD), 3).props as object), metadata: UNKNOWN_METADATA } };
        expect(check(unspread)).toEqual({ violations: [expect.stringContaining("Deployment 'subject' runs 3 replicas with neither topologySpreadConstraints nor pod anti-affinity")] });
        expect(check(spread)).toEqual({ violations: [] });
        const config = { allowedWorkloads: ["shop/app"] };
        expect(check({ ...spread, config })).toEqual({ violations: [] });
        expect(check({ ...unspread, config }).unknown).toBeDefined();
    });

    describe("a workload that leaves its replica count to an autoscaler of the stack", () => {
        const WORKLOAD_URN = urnOf("kubernetes:apps/v1:Deployment", "subject");

        it("is judged by the autoscaler's minReplicas: fires without spreading, on the workload", () => {
            const verdict = checkStack(policy, [{ ...deployment(), name: "subject" }, autoscaler(3)]);
            expect(verdict.violations).toEqual([
                "Deployment 'app' runs at least 3 replicas (its HorizontalPodAutoscaler's minReplicas) with neither topologySpreadConstraints nor pod anti-affinity, so the scheduler may place them all on one node: add topologySpreadConstraints (topologyKey: topology.kubernetes.io/zone or kubernetes.io/hostname, maxSkew: 1) with a labelSelector matching the pod template labels.",
            ]);
            expect(verdict.urns).toEqual([WORKLOAD_URN]);
            expect(check(deployment(podSpec({ topologySpreadConstraints: [{ maxSkew: 1, topologyKey: "kubernetes.io/hostname", whenUnsatisfiable: "DoNotSchedule", labelSelector: { matchLabels: { app: "db" } } }] })), autoscaler(5)).violations)
                .toEqual([expect.stringContaining("Deployment 'app' runs at least 5 replicas (its HorizontalPodAutoscaler's minReplicas) but no topologySpreadConstraint has a labelSelector matching")]);
            expect(check(statefulSet(), autoscaler(4, { apiVersion: "apps/v1", kind: "StatefulSet", name: "app" })).violations).toHaveLength(1);
        });

        it("passes when it spreads its own pods", () => {
            expect(check(deployment(podSpec(SPREAD)), autoscaler(3))).toEqual({ violations: [] });
            expect(check(deployment(podSpec(ANTI_AFFINITY)), autoscaler(6))).toEqual({ violations: [] });
        });

        it("is not judged when the autoscaler may run a single pod or fewer than minimumReplicas, whatever its maxReplicas", () => {
            // minReplicas 1 (also by default): at rest one pod runs, and spreading it keeps nothing up when its node fails.
            expect(check(deployment(), autoscaler(1))).toEqual({ violations: [] });
            expect(check(deployment(), autoscaler(undefined))).toEqual({ violations: [] });
            expect(check(deployment(), autoscaler(2))).toEqual({ violations: [] });
            expect(check({ ...deployment(), config: { minimumReplicas: 2 } }, autoscaler(2)).violations).toHaveLength(1);
            // a malformed minReplicas raises nothing
            expect(check(deployment(), autoscaler("three"))).toEqual({ violations: [] });
        });

        it("counts only an autoscaler that names the workload's kind, name and namespace", () => {
            expect(check(deployment(), autoscaler(3, { apiVersion: "apps/v1", kind: "Deployment", name: "other" }))).toEqual({ violations: [] });
            expect(check(deployment(), autoscaler(3, { apiVersion: "apps/v1", kind: "StatefulSet", name: "app" }))).toEqual({ violations: [] });
            expect(check(deployment(), autoscaler(3, undefined, "other"))).toEqual({ violations: [] });
        });

        it("keeps judging a declared count above the autoscaler's minReplicas", () => {
            expect(check(replicated(deployment, podSpec(), 3), autoscaler(1)).violations).toEqual([expect.stringContaining("Deployment 'app' runs 3 replicas with neither")]);
        });

        it("is unknown, not a pass, when the autoscaler's minReplicas or target is unknown during preview and nothing spreads", () => {
            const minimumUnknown = checkStack(policy, [{ ...deployment(), name: "subject" }, autoscaler(UNKNOWN)]);
            expect(minimumUnknown.violations).toEqual([]);
            expect(minimumUnknown.unknownUrns).toEqual([WORKLOAD_URN]);
            expect(check(deployment(), autoscaler(3, UNKNOWN as never)).unknown).toBeDefined();
            expect(check(deployment(), { ...autoscaler(3), props: { metadata: { name: "app", namespace: UNKNOWN }, spec: { scaleTargetRef: { kind: "Deployment", name: "app" }, minReplicas: 3 } } }).unknown).toBeDefined();
        });

        it("lets spreading, or a known minReplicas that reaches the threshold, decide over an unknown autoscaler", () => {
            expect(check(deployment(podSpec(SPREAD)), autoscaler(UNKNOWN))).toEqual({ violations: [] });
            expect(check(deployment(podSpec(SPREAD)), autoscaler(3, UNKNOWN as never))).toEqual({ violations: [] });
            expect(check(deployment(), autoscaler(3), { ...autoscaler(UNKNOWN), name: "app-hpa-2" }).violations).toHaveLength(1);
            expect(check(deployment(), autoscaler(3), { ...autoscaler(3, UNKNOWN as never), name: "app-hpa-2" }).violations).toHaveLength(1);
            // a declared count decides without the autoscalers
            expect(check(replicated(deployment, podSpec(), 3), autoscaler(3, UNKNOWN as never)).violations).toHaveLength(1);
        });

        it("judges each workload on its own: one unknown during preview hides no other's violation", () => {
            const web = { ...replicated(deployment, podSpec(), 3), name: "web", props: { ...(replicated(deployment, podSpec(), 3).props as object), metadata: { name: "web", namespace: "shop" } } };
            const verdict = checkStack(policy, [{ ...deployment(), name: "subject" }, autoscaler(UNKNOWN), web]);
            expect(verdict.violations).toEqual([expect.stringContaining("Deployment 'web' runs 3 replicas")]);
            expect(verdict.unknownUrns).toEqual([WORKLOAD_URN]);
        });
    });
});
