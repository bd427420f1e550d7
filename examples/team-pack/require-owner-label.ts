// Every workload names the team that owns it, so an alert reaches someone.
import { kubernetes, resourcePolicy, values } from "prodready";

export default resourcePolicy({
    name: "acme-kubernetes-require-owner-label",
    description: "Kubernetes workloads carry an owner label naming one of Acme's teams.",
    priority: "P0", // P0: mandatory, it fails the run
    severity: "medium",
    checklist: [], // Acme's own rule: no item of prodready's checklists
    remediationSteps: "Add metadata.labels.owner with the name of the owning team.",
    config: {
        label: { type: "string", default: "owner", description: "The label that names the owning team." },
        teams: { type: "array", items: { type: "string" }, default: [], description: "The teams that may own a workload; empty: any team." },
    },
    // Whole objects only: a Patch changes some fields of a workload and need not repeat its labels.
    resourceTypes: kubernetes.POD_WORKLOAD_TYPES.filter((type) => !kubernetes.isPatch(type)),
    validate: ({ type, name, props }, config, report) => {
        const workload = kubernetes.describeWorkload(type, name, props);
        const owner = values.text(values.given(kubernetes.labelsOf(props)[config.label]));
        if (owner === undefined) {
            report(`${workload} has no '${config.label}' label: add metadata.labels.${config.label} naming the owning team.`);
        } else if (config.teams.length > 0 && !config.teams.includes(owner)) {
            report(`${workload} is owned by '${owner}', which is not one of ${config.teams.join(", ")}: name the owning team.`);
        }
    },
});
