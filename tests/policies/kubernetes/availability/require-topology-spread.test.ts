import policy from "../../../../policies/kubernetes/availability/require-topology-spread";
import { checkResource, UNKNOWN } from "../../../harness/policy";
import { deployment, podSpec, PodSpec, rollout, statefulSet, UNKNOWN_METADATA } from "../workload/fixtures";

const SPREAD: Partial<PodSpec> = { topologySpreadConstraints: [{ maxSkew: 1, topologyKey: "topology.kubernetes.io/zone", whenUnsatisfiable: "ScheduleAnyway", labelSelector: { matchLabels: { app: "app" } } }] };
const ANTI_AFFINITY: Partial<PodSpec> = { affinity: { podAntiAffinity: { preferredDuringSchedulingIgnoredDuringExecution: [{ weight: 100, podAffinityTerm: { topologyKey: "kubernetes.io/hostname", labelSelector: { matchLabels: { app: "app" } } } }] } } };

/** A workload shape with spec.replicas set. */
function replicated(shape: typeof deployment, spec: PodSpec, replicas: unknown) {
    const resource = shape(spec);
    const props = resource.props as { spec: Record<string, unknown> };
    return { ...resource, props: { ...props, spec: { ...props.spec, replicas } } };
}

describe("kubernetes-availability-require-topology-spread", () => {
    it("passes spread constraints or pod anti-affinity, on every replicated shape", () => {
        for (const shape of [deployment, statefulSet]) {
            expect(checkResource(policy, replicated(shape, podSpec(SPREAD), 3)).violations).toEqual([]);
            expect(checkResource(policy, replicated(shape, podSpec(ANTI_AFFINITY), 3)).violations).toEqual([]);
        }
        expect(checkResource(policy, rollout(podSpec(SPREAD), undefined, 4)).violations).toEqual([]);
    });

    it("fires on 3 or more replicas with neither", () => {
        expect(checkResource(policy, replicated(deployment, podSpec(), 3)).violations).toEqual([expect.stringContaining("Deployment 'app' runs 3 replicas with neither topologySpreadConstraints nor pod anti-affinity")]);
        expect(checkResource(policy, replicated(statefulSet, podSpec({ topologySpreadConstraints: [] }), 5)).violations).toHaveLength(1);
        expect(checkResource(policy, rollout(podSpec(), undefined, 4)).violations).toHaveLength(1);
        // pod affinity alone packs replicas together
        expect(checkResource(policy, replicated(deployment, podSpec({ affinity: { podAffinity: {} } }), 3)).violations).toHaveLength(1);
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
            expect(checkResource(policy, replicated(deployment, podSpec(changes), 3)).violations).toEqual([
                "Deployment 'app' runs 3 replicas but no topologySpreadConstraint has a labelSelector matching its pod template labels, and no pod anti-affinity term selects those labels with topologyKey kubernetes.io/hostname or topology.kubernetes.io/zone, so the scheduler may place them all on one node: add topologySpreadConstraints (topologyKey: topology.kubernetes.io/zone or kubernetes.io/hostname, maxSkew: 1) with a labelSelector matching the pod template labels.",
            ]);
        }
        expect(checkResource(policy, rollout(podSpec(unspread[4]), undefined, 4)).violations).toHaveLength(1);
        expect(checkResource(policy, replicated(statefulSet, podSpec(unspread[0]), 3)).violations).toHaveLength(1);
    });

    it("accepts anti-affinity on its own pods by node or zone, the deprecated zone label and matchExpressions included", () => {
        const expression = { matchExpressions: [{ key: "app", operator: "In", values: ["app"] }] };
        for (const topologyKey of ["kubernetes.io/hostname", "topology.kubernetes.io/zone", "failure-domain.beta.kubernetes.io/zone"]) {
            const spec = podSpec({ affinity: { podAntiAffinity: { requiredDuringSchedulingIgnoredDuringExecution: [{ topologyKey, labelSelector: expression }] } } });
            expect(checkResource(policy, replicated(deployment, spec, 3)).violations).toEqual([]);
        }
        const ownNamespace = podSpec({ affinity: { podAntiAffinity: { requiredDuringSchedulingIgnoredDuringExecution: [{ topologyKey: "kubernetes.io/hostname", labelSelector: { matchLabels: { app: "app" } }, namespaces: ["shop"] }] } } });
        expect(checkResource(policy, replicated(deployment, ownNamespace, 3)).violations).toEqual([]);
    });

    it("lets a known way of spreading win over one unknown during preview, and an unknown one decide only when nothing else spreads", () => {
        const unknownTerm = { affinity: { podAntiAffinity: { requiredDuringSchedulingIgnoredDuringExecution: [UNKNOWN as never] } } };
        expect(checkResource(policy, replicated(deployment, podSpec({ ...SPREAD, ...unknownTerm }), 3))).toEqual({ violations: [] });
        const unknownSelector: Partial<PodSpec> = { topologySpreadConstraints: [{ maxSkew: 1, topologyKey: "kubernetes.io/hostname", whenUnsatisfiable: "DoNotSchedule", labelSelector: UNKNOWN as never }] };
        expect(checkResource(policy, replicated(deployment, podSpec({ ...ANTI_AFFINITY, ...unknownSelector }), 3))).toEqual({ violations: [] });
        expect(checkResource(policy, replicated(deployment, podSpec(unknownSelector), 3)).unknown).toBeDefined();
    });

    it("does not judge fewer replicas, or replicas omitted (1)", () => {
        expect(checkResource(policy, replicated(deployment, podSpec(), 2)).violations).toEqual([]);
        expect(checkResource(policy, deployment()).violations).toEqual([]);
    });

    it("is unknown when the replica count or the pod spec is unknown during preview", () => {
        expect(checkResource(policy, replicated(deployment, podSpec(), UNKNOWN)).unknown).toBeDefined();
        expect(checkResource(policy, replicated(deployment, podSpec({ topologySpreadConstraints: UNKNOWN as unknown as [] }), 3)).unknown).toBeDefined();
    });

    it("follows minimumReplicas and allowedWorkloads", () => {
        expect(checkResource(policy, { ...replicated(deployment, podSpec(), 2), config: { minimumReplicas: 2 } }).violations).toHaveLength(1);
        expect(checkResource(policy, { ...replicated(deployment, podSpec(), 3), config: { minimumReplicas: 4 } }).violations).toEqual([]);
        expect(checkResource(policy, { ...replicated(deployment, podSpec(), 3), config: { allowedWorkloads: ["shop/app"] } }).violations).toEqual([]);
    });

    it("reads the namespace and name only when allowedWorkloads could exempt a violation", () => {
        const unspread = { ...replicated(deployment, podSpec(), 3), props: { ...(replicated(deployment, podSpec(), 3).props as object), metadata: UNKNOWN_METADATA } };
        const spread = { ...replicated(deployment, podSpec(SPREAD), 3), props: { ...(replicated(deployment, podSpec(SPREAD), 3).props as object), metadata: UNKNOWN_METADATA } };
        expect(checkResource(policy, unspread)).toEqual({ violations: [expect.stringContaining("Deployment 'subject' runs 3 replicas with neither topologySpreadConstraints nor pod anti-affinity")] });
        expect(checkResource(policy, spread)).toEqual({ violations: [] });
        const config = { allowedWorkloads: ["shop/app"] };
        expect(checkResource(policy, { ...spread, config })).toEqual({ violations: [] });
        expect(checkResource(policy, { ...unspread, config }).unknown).toBeDefined();
    });
});
