import { podPolicy } from "../../lib/pod-policy";
import { describeType, integer } from "../../lib/values";

export default podPolicy({
    name: "kubernetes-workload-disallow-zero-termination-grace",
    description: "Pods get time to shut down gracefully: terminationGracePeriodSeconds is not below the minimum (0 kills them at once).",
    priority: "P1",
    severity: "medium",
    checklist: ["002.build-and-deployment.graceful-shutdown"],
    remediationSteps: "Remove terminationGracePeriodSeconds (Kubernetes gives 30 seconds) or set it to the time the service needs to drain requests after SIGTERM.",
    tags: ["availability"],
    config: {
        minimumSeconds: {
            type: "integer",
            minimum: 1,
            maximum: 3600,
            default: 1,
            description: "Smallest grace period accepted, in seconds. Default 1: 002 asks for graceful shutdown, which 0 (SIGKILL at once) rules out; raise it to the time your service needs to drain (at most an hour).",
        },
    },
    validatePod: ({ spec, workload }, config, report) => {
        const setting = spec.terminationGracePeriodSeconds;
        if (setting === undefined) {
            return; // Kubernetes defaults to 30 seconds
        }
        const seconds = integer(setting);
        if (seconds === undefined) {
            report(`${workload} sets terminationGracePeriodSeconds to ${describeType(setting)}, not a number of seconds: set it to ${Math.max(config.minimumSeconds, 30)} or remove it.`);
        } else if (seconds < config.minimumSeconds) {
            report(`${workload} gives its pods ${seconds}s to shut down (terminationGracePeriodSeconds), below the minimum ${config.minimumSeconds}s: set it to the time the service needs to drain, at least ${config.minimumSeconds}.`);
        }
    },
});
