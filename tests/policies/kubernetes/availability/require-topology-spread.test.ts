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
