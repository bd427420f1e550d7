import * as k8s from "@pulumi/kubernetes";

/** The priority class of the shop's production pods, so the scheduler preempts less important pods first. */
export const PRIORITY_CLASS = "shop-production";

export function scheduling(): k8s.scheduling.v1.PriorityClass {
    return new k8s.scheduling.v1.PriorityClass("shop-production", {
        metadata: { name: PRIORITY_CLASS },
        value: 100000,
        globalDefault: false,
        preemptionPolicy: "PreemptLowerPriority",
        description: "Production services of the shop: scheduled before, and preempted after, batch and development pods.",
    });
}
