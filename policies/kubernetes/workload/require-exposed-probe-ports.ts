import { resourcePolicy } from "../../lib/define";
import { eachContainer, isLongRunningType, LONG_RUNNING_WORKLOAD_TYPES } from "../../lib/kubernetes";
import { at, describeType, integer, records, text } from "../../lib/values";

const PROBES = ["livenessProbe", "readinessProbe", "startupProbe"];
// Handlers that name a port of the container (exec probes name none).
const HANDLERS = ["httpGet", "tcpSocket", "grpc"];

export default resourcePolicy({
    name: "kubernetes-workload-require-exposed-probe-ports",
    description: "Probes check a port the container declares: a named port exists in its ports, a numbered one is one of its containerPorts.",
    priority: "P1",
    severity: "medium",
    checklist: ["001.observability.readiness-probe", "004.health-checks.readiness-probe", "004.health-checks.liveness-probe", "002.build-and-deployment.health-checks"],
    remediationSteps: "Point the probe's port at a name or number listed in the container's ports (e.g. port: http with ports: [{name: http, containerPort: 8080}]).",
    tags: ["availability"],
    config: {
        checkNumberedPorts: {
            type: "boolean",
            default: true,
            description: "Also require a numbered probe port to be among the container's containerPorts. Default true: a probe of 001 and 004 aimed at a port the container does not serve fails and restarts healthy pods; a named port that does not exist never works.",
        },
    },
    resourceTypes: LONG_RUNNING_WORKLOAD_TYPES,
    appliesTo: isLongRunningType,
    validate: (resource, config, report) => {
        eachContainer(resource, (view, where) => {
            if (view.role !== "container") {
                return; // init containers take no probes; ephemeral ones are for debugging
            }
            const ports = records(view.container.ports);
            const names = new Set(ports.map((port) => text(port.name)).filter((name): name is string => name !== undefined));
            const numbers = new Set(ports.map((port) => integer(port.containerPort)).filter((n): n is number => n !== undefined));
            for (const probe of PROBES) {
                for (const handler of HANDLERS) {
                    const port = at(view.container, probe, handler, "port");
                    if (port === undefined) {
                        continue;
                    }
                    const number = integer(port);
                    const name = number === undefined ? text(port) : undefined;
                    if (name !== undefined) {
                        if (!names.has(name)) {
                            report(`${where} aims its ${probe} at port '${name}', which is not one of its named ports${names.size ? ` (${[...names].join(", ")})` : ""}: name the port in ports[] or point the probe at a declared one.`);
                        }
                    } else if (number === undefined) {
                        report(`${where} sets ${probe}.${handler}.port to ${describeType(port)}, neither a number nor a port name: set it to a declared port.`);
                    } else if (config.checkNumberedPorts && !numbers.has(number)) {
                        report(`${where} aims its ${probe} at port ${number}, which it does not declare in ports[]${numbers.size ? ` (it declares ${[...numbers].join(", ")})` : ""}: point the probe at a declared containerPort, or declare port ${number}.`);
                    }
                }
            }
        });
    },
});
