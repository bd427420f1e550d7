import { resourcePolicy } from "../../lib/define";
import { describeWorkload, HPA_TYPES, isPatch } from "../../lib/kubernetes";
import { knownOr, Parts } from "../../lib/unknowns";
import { describeType, integer, record } from "../../lib/values";

export default resourcePolicy({
    name: "kubernetes-hpa-require-min-replicas",
    description: "HorizontalPodAutoscalers keep at least the minimum number of replicas and allow maxReplicas of at least minReplicas.",
    priority: "P1",
    severity: "medium",
    checklist: ["001.deployment.auto-scaling-min-1", "002.infrastructure-setup.auto-scaling", "003.performance.auto-scaling"],
    remediationSteps: "Set spec.minReplicas to the minimum (1 or more) and spec.maxReplicas to at least minReplicas.",
    tags: ["availability"],
    config: {
        minimumReplicas: {
            type: "integer",
            minimum: 1,
            maximum: 1000,
            default: 1,
            description: "Smallest minReplicas accepted. Default 1: 001 asks for auto-scaling with a minimum of 1 instance.",
        },
    },
    resourceTypes: HPA_TYPES,
    validate: ({ type, name, props }, config, report) => {
        const hpa = describeWorkload(type, name, props);
        const spec = record(props.spec);
        if (!spec) {
            if (!isPatch(type)) {
                report(`${hpa} sets no spec: set spec.minReplicas to ${config.minimumReplicas} or more and spec.maxReplicas.`);
            }
            return;
        }
        // Kubernetes defaults an omitted minReplicas to 1; a Patch that omits it keeps the live value.
        // The minimum and the maximum are judged apart: one unknown during preview hides no violation
        // of the other, and the maximum reads the minimum only to compare the two.
        const minimum = (): number | "malformed" | undefined => {
            const raw = spec.minReplicas;
            return raw === undefined ? (isPatch(type) ? undefined : 1) : integer(raw) ?? "malformed";
        };
        const parts = new Parts(report);
        parts.judge(() => {
            const minReplicas = minimum();
            if (minReplicas === "malformed") {
                parts.report(`${hpa} sets spec.minReplicas to ${describeType(spec.minReplicas)}, not a whole number: set it to ${config.minimumReplicas} or more.`);
            } else if (minReplicas !== undefined && minReplicas < config.minimumReplicas) {
                const how = spec.minReplicas === undefined ? "leaves spec.minReplicas unset (Kubernetes uses 1)" : `sets spec.minReplicas to ${minReplicas}`;
                parts.report(`${hpa} ${how}, below the minimum of ${config.minimumReplicas}: set spec.minReplicas to ${config.minimumReplicas} or more.`);
            }
        });
        // A malformed minimum is reported alone.
        const malformedMinimum = () => minimum() === "malformed";
        parts.judge(() => {
            if (spec.maxReplicas === undefined) {
                if (!isPatch(type) && !knownOr(malformedMinimum, false)) {
                    parts.report(`${hpa} sets no spec.maxReplicas: set it to at least spec.minReplicas.`);
                }
                return;
            }
            if (malformedMinimum()) {
                return;
            }
            const maxReplicas = integer(spec.maxReplicas);
            if (maxReplicas === undefined) {
                parts.report(`${hpa} sets spec.maxReplicas to ${describeType(spec.maxReplicas)}, not a whole number: set it to at least spec.minReplicas.`);
                return;
            }
            const minReplicas = minimum();
            if (typeof minReplicas === "number" && maxReplicas < minReplicas) {
                parts.report(`${hpa} sets spec.maxReplicas (${maxReplicas}) below spec.minReplicas (${minReplicas}): set maxReplicas to ${minReplicas} or more.`);
            }
        });
        parts.settle();
    },
});
