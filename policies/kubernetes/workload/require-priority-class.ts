import { isPatch, runsToCompletion } from "../../lib/kubernetes";
import { podPolicy } from "../../lib/pod-policy";
import { describeType, given, text } from "../../lib/values";

export default podPolicy({
    name: "kubernetes-workload-require-priority-class",
    description: "Long-running workloads set a priorityClassName, so under node pressure the scheduler preempts less important pods before production ones.",
    priority: "P2",
    severity: "low",
    checklist: ["002.infrastructure-setup.load-balancer"],
    remediationSteps: "Create a PriorityClass for production services and set spec.template.spec.priorityClassName to it.",
    tags: ["availability"],
    config: {
        allowedPriorityClasses: {
            type: "array",
            items: { type: "string" },
            default: [],
            description: "Priority classes a workload may use. Default none listed: any class is accepted, as long as one is set (the backends behind the load balancer of 002 and 003 should not be the first pods evicted).",
        },
        disallowedPriorityClasses: {
            type: "array",
            items: { type: "string" },
            default: ["system-cluster-critical", "system-node-critical"],
            description: "Priority classes applications must not use. Default the two built-in system classes, which Kubernetes reserves for cluster components.",
        },
    },
    workloads: "long-running",
    allowedWorkloads: "Workloads (globs over `name` or `namespace/name`) that need no priority class. Default none.",
    validatePod: ({ type, props, spec, workload }, config, report) => {
        if (runsToCompletion(type, props)) {
            return;
        }
        const where = `the pod template of ${workload}`;
        const raw = spec.priorityClassName;
        if (given(raw) === undefined) {
            if (!isPatch(type)) {
                report(`${where} sets no priorityClassName, so its pods get the cluster's default priority (usually 0) and are preempted first: set priorityClassName to a production PriorityClass.`);
            }
            return;
        }
        const value = text(raw);
        if (value === undefined) {
            report(`${where} sets priorityClassName to ${describeType(raw)}, not a name: set it to a production PriorityClass.`);
        } else if (config.disallowedPriorityClasses.includes(value)) {
            report(`${where} uses priority class ${value}, reserved for cluster components: set priorityClassName to the application's own PriorityClass.`);
        } else if (config.allowedPriorityClasses.length > 0 && !config.allowedPriorityClasses.includes(value)) {
            report(`${where} uses priority class ${value}: set priorityClassName to one of ${config.allowedPriorityClasses.join(", ")}.`);
        }
    },
});
