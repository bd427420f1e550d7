import { resourcePolicy } from "../../lib/define";
import { eachContainer, isLongRunningType, LONG_RUNNING_WORKLOAD_TYPES } from "../../lib/kubernetes";
import { attempt, judgeEach, knownItems } from "../../lib/unknowns";
import { at, describeType, integer, record, text } from "../../lib/values";

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
        eachContainer(resource, report, (view, where, report) => {
            if (view.role !== "container") {
                return; // init containers take no probes; ephemeral ones are for debugging
            }
            // The declared ports known during preview; one unknown decides only a probe no known port answers.
            const names = new Set<string>();
            const numbers = new Set<number>();
            const declared = knownItems(view.container.ports);
            let unknownName = declared.unknown;
            let unknownNumber = declared.unknown;
            for (const item of declared.items) {
                const port = record(item);
                const name = attempt(() => text(port?.name));
                const number = attempt(() => integer(port?.containerPort));
                unknownName ??= name.unknown;
                unknownNumber ??= number.unknown;
                if (name.value !== undefined) {
                    names.add(name.value);
                }
                if (number.value !== undefined) {
                    numbers.add(number.value);
                }
            }
            const handlers = PROBES.flatMap((probe) => HANDLERS.map((handler) => [probe, handler] as const));
            judgeEach(handlers, report, ([probe, handler], report) => {
                const port = at(view.container, probe, handler, "port");
                if (port === undefined) {
                    return;
                }
                const number = integer(port);
                const name = number === undefined ? text(port) : undefined;
                if (name !== undefined) {
                    if (!names.has(name)) {
                        if (unknownName !== undefined) {
                            throw unknownName;
                        }
                        report(`${where} aims its ${probe} at port '${name}', which is not one of its named ports${names.size ? ` (${[...names].join(", ")})` : ""}: name the port in ports[] or point the probe at a declared one.`);
                    }
                } else if (number === undefined) {
                    report(`${where} sets ${probe}.${handler}.port to ${describeType(port)}, neither a number nor a port name: set it to a declared port.`);
                } else if (config.checkNumberedPorts && !numbers.has(number)) {
                    if (unknownNumber !== undefined) {
                        throw unknownNumber;
                    }
                    report(`${where} aims its ${probe} at port ${number}, which it does not declare in ports[]${numbers.size ? ` (it declares ${[...numbers].join(", ")})` : ""}: point the probe at a declared containerPort, or declare port ${number}.`);
                }
            });
        });
    },
});
