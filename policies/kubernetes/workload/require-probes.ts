import { isPatch, PROBE_HANDLERS, runsToCompletion } from "../../lib/kubernetes";
import { podPolicy } from "../../lib/pod-policy";
import { judgeEach } from "../../lib/unknowns";
import { describeType, isRecord } from "../../lib/values";

type ProbeKind = "liveness" | "readiness" | "startup";


export default podPolicy({
    name: "kubernetes-workload-require-probes",
    description: "Long-running workloads define liveness and readiness probes on their main containers, so Kubernetes restarts hung pods and routes traffic only to ready ones.",
    priority: "P0",
    severity: "high",
    checklist: [
        "001.observability.health-check-endpoint",
        "004.health-checks.health-endpoint",
        "001.observability.readiness-probe",
        "004.health-checks.liveness-probe",
        "004.health-checks.readiness-probe",
        "002.build-and-deployment.health-checks",
    ],
    remediationSteps: "Add a livenessProbe (e.g. httpGet /health/live) and a readinessProbe (e.g. httpGet /health/ready) to every main container.",
    tags: ["availability"],
    config: {
        requiredProbes: {
            type: "array",
            items: { type: "string", enum: ["liveness", "readiness", "startup"] },
            default: ["liveness", "readiness"],
            description: "Probes every main container defines. Default liveness and readiness: 004 asks for a liveness (/health/live) and a readiness (/health/ready) probe, 001 for a readiness probe.",
        },
    },
    // Jobs and CronJobs run to completion: no traffic to route, nothing to keep alive.
    workloads: "long-running",
    validateContainer: ({ view, where, pod }, config, report) => {
        if (runsToCompletion(pod.type, pod.props)) {
            return; // a custom resource with a job template, or a Job kind
        }
        // Init containers run to completion before the pod starts, ephemeral ones are for debugging.
        if (view.role !== "container") {
            return;
        }
        judgeEach(config.requiredProbes, report, (kind, report) => {
            const field = `${kind}Probe`;
            const probe = view.container[field];
            if (probe === undefined) {
                if (!isPatch(pod.type)) {
                    report(`${where} has no ${field}: add one (e.g. httpGet on a /health endpoint) so Kubernetes can tell when it is ${kind === "readiness" ? "ready for traffic" : kind === "liveness" ? "hung" : "started"}.`);
                }
            } else if (!isRecord(probe)) {
                report(`${where} sets ${field} to ${describeType(probe)}, not a probe: set it to an httpGet, tcpSocket, exec or grpc probe.`);
            } else if (!PROBE_HANDLERS.some((handler) => handler in probe)) {
                // Only whether a handler is there decides: its settings may be unknown during preview.
                report(`${where} sets a ${field} with no check: give it an httpGet, tcpSocket, exec or grpc handler.`);
            }
        });
    },
});
