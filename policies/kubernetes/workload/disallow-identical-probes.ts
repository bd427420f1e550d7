import { PROBE_HANDLERS, ProbeHandler, runsToCompletion } from "../../lib/kubernetes";
import { podPolicy } from "../../lib/pod-policy";
import { at, integer, isRecord, list, Props, records, text } from "../../lib/values";


/**
 * What a probe checks, with the API server's defaults filled in (path "/", scheme HTTP) and a named
 * port resolved to the container's port number, so `port: http` and `port: 8080` compare equal.
 * Timing settings (periods, thresholds) are left out: they change when a probe fails, not what it checks.
 */
function target(handler: ProbeHandler, check: Props, container: Props): string {
    const port = (value: unknown) => {
        const name = text(value);
        if (name === undefined || integer(name) !== undefined) {
            return integer(value);
        }
        const named = records(container.ports).find((p) => p.name === name);
        return named ? integer(named.containerPort) ?? name : name;
    };
    switch (handler) {
        case "httpGet":
            return JSON.stringify([text(check.host) ?? "", (text(check.scheme) ?? "HTTP").toUpperCase(), text(check.path) ?? "/", port(check.port), check.httpHeaders ?? []]);
        case "tcpSocket":
            return JSON.stringify([text(check.host) ?? "", port(check.port)]);
        case "exec":
            return JSON.stringify(list(check.command));
        case "grpc":
            return JSON.stringify([integer(check.port), text(check.service) ?? ""]);
    }
}

function handlerOf(probe: Props): ProbeHandler | undefined {
    return PROBE_HANDLERS.find((handler) => isRecord(probe[handler]));
}

export default podPolicy({
    name: "kubernetes-workload-disallow-identical-probes",
    description: "A container's livenessProbe and readinessProbe check different things: a liveness probe that repeats the readiness check restarts pods that are only busy or waiting on a dependency, turning a slow dependency into a restart storm.",
    priority: "P1",
    severity: "medium",
    checklist: ["004.health-checks.liveness-probe", "004.health-checks.readiness-probe"],
    remediationSteps: "Point the livenessProbe at a check of the process alone (e.g. httpGet /health/live) and keep dependency checks in the readinessProbe (e.g. httpGet /health/ready).",
    tags: ["availability"],
    // Jobs and CronJobs run to completion: they take no traffic and are not kept alive.
    workloads: "long-running",
    validateContainer: ({ view, where, pod }, _config, report) => {
        if (runsToCompletion(pod.type, pod.props)) {
            return; // a custom resource with a job template, or a Job kind
        }
        // Init containers run to completion before the pod starts, except sidecars (restartPolicy:
        // Always), which take probes; ephemeral containers are for debugging.
        const sidecar = view.role === "init container" && view.container.restartPolicy === "Always";
        if (view.role !== "container" && !sidecar) {
            return;
        }
        // Both probes must be there; kubernetes-workload-require-probes reports a missing one.
        const liveness = at(view.container, "livenessProbe");
        if (!isRecord(liveness)) {
            return;
        }
        const readiness = at(view.container, "readinessProbe");
        if (!isRecord(readiness)) {
            return;
        }
        const handler = handlerOf(liveness);
        if (handler === undefined || handlerOf(readiness) !== handler) {
            return;
        }
        const check = (probe: Props) => target(handler, probe[handler] as Props, view.container);
        if (check(liveness) === check(readiness)) {
            report(`${where} uses the same ${handler} check for its livenessProbe and readinessProbe, so a pod that is only busy or waiting on a dependency is restarted instead of taken out of rotation: point the livenessProbe at a check of the process alone (e.g. httpGet /health/live) and keep dependency checks in the readinessProbe (e.g. /health/ready).`);
        }
    },
});
