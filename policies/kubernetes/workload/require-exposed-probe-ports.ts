import { podPolicy } from "../../lib/pod-policy";
import { attempt, judgeEach, knownItems } from "../../lib/unknowns";
import { at, describeType, integer, record, text } from "../../lib/values";

const PROBES = ["livenessProbe", "readinessProbe", "startupProbe"];
// Handlers that name a port of the container (exec probes name none).
const HANDLERS = ["httpGet", "tcpSocket", "grpc"];

export default podPolicy({
    name: "kubernetes-workload-require-exposed-probe-ports",
    description: "A probe that names its port (port: http) names a port the container declares in its ports. A numbered probe port needs no declaration (a container's ports list is informational) and is not judged.",
    priority: "P1",
    severity: "medium",
    checklist: ["001.observability.readiness-probe", "004.health-checks.readiness-probe", "004.health-checks.liveness-probe", "002.build-and-deployment.health-checks"],
    remediationSteps: "Name the port in the container's ports (e.g. ports: [{name: http, containerPort: 8080}] for port: http), or point the probe at the port number.",
    tags: ["availability"],
    workloads: "long-running",
    validateContainer: ({ view, where }, _config, report) => {
        if (view.role !== "container") {
            return; // init containers take no probes; ephemeral ones are for debugging
        }
        // The port names declared and known during preview; one unknown decides only a probe no known name answers.
        const names = new Set<string>();
        const declared = knownItems(view.container.ports);
        let unknownName = declared.unknown;
        for (const item of declared.items) {
            const name = attempt(() => text(record(item)?.name));
            unknownName ??= name.unknown;
            if (name.value !== undefined) {
                names.add(name.value);
            }
        }
        const handlers = PROBES.flatMap((probe) => HANDLERS.map((handler) => [probe, handler] as const));
        judgeEach(handlers, report, ([probe, handler], report) => {
            const port = at(view.container, probe, handler, "port");
            if (port === undefined || integer(port) !== undefined) {
                return; // a number needs no declaration: the kubelet probes it whatever ports[] lists
            }
            const name = text(port);
            if (name === undefined) {
                report(`${where} sets ${probe}.${handler}.port to ${describeType(port)}, neither a number nor a port name: set it to the port number or a port name the container declares.`);
            } else if (!names.has(name)) {
                if (unknownName !== undefined) {
                    throw unknownName;
                }
                const known = names.size ? ` (${[...names].join(", ")})` : " (it names none)";
                report(`${where} aims its ${probe} at port '${name}', which is not one of its named ports${known}, so the probe always fails: name the port in ports[] (ports: [{name: ${name}, containerPort: <port>}]), point the probe at a declared name, or give the port number.`);
            }
        });
    },
});
