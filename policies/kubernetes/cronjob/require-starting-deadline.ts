import { requireAtLeast } from "../../lib/checks";
import { resourcePolicy } from "../../lib/define";
import { describeWorkload, isPatch, kindTypes } from "../../lib/kubernetes";
import { at } from "../../lib/values";

export default resourcePolicy({
    name: "kubernetes-cronjob-require-starting-deadline",
    description: "CronJobs set spec.startingDeadlineSeconds to at least the minimum: without it, a CronJob that missed more than 100 schedules (a controller outage, a long suspension) is never started again, and a missed run may start at any time later; below 10 seconds, the controller (which checks every 10 seconds) may skip runs.",
    priority: "P1",
    severity: "medium",
    checklist: ["003.backup-disaster-recovery.backup-strategy"],
    remediationSteps: "Set spec.startingDeadlineSeconds on every CronJob, e.g. to 600: a run that cannot start within that window is skipped and counted as missed, and the CronJob keeps scheduling.",
    tags: ["availability"],
    config: {
        minimumSeconds: {
            type: "integer",
            minimum: 1,
            maximum: 86400,
            default: 10,
            description: "Smallest startingDeadlineSeconds accepted. Default 10: the CronJob controller checks schedules every 10 seconds, so Kubernetes documents that a shorter deadline may keep a CronJob from running; scheduled work such as 003's daily backups must run.",
        },
    },
    resourceTypes: kindTypes("CronJob", ["batch/v1", "batch/v1beta1", "batch/v2alpha1"]),
    validate: ({ type, name, props }, config, report) => {
        const deadline = at(props, "spec", "startingDeadlineSeconds");
        // A Patch that leaves the deadline out keeps the live one.
        if (deadline === undefined && isPatch(type)) {
            return;
        }
        requireAtLeast(deadline, {
            where: describeWorkload(type, name, props),
            property: "spec.startingDeadlineSeconds",
            minimum: config.minimumSeconds,
            unit: "second(s)",
            omitted: "so after more than 100 missed schedules the controller stops starting it and a missed run may start at any time later",
        }, report);
    },
});
