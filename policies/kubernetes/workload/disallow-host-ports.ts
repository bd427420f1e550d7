import { podPolicy } from "../../lib/pod-policy";
import { judgeItems } from "../../lib/unknowns";
import { describeType, integer, record } from "../../lib/values";

export default podPolicy({
    name: "kubernetes-workload-disallow-host-ports",
    description: "No container binds a port on the node (ports[].hostPort): traffic reaches pods through a Service.",
    priority: "P1",
    severity: "medium",
    checklist: ["003.security.container-security", "003.security.least-privilege"],
    remediationSteps: "Remove hostPort from the container's ports and expose the pod through a Service (ClusterIP behind an Ingress or load balancer).",
    tags: ["workload-security"],
    config: {
        allowedHostPorts: {
            type: "array",
            items: { type: "integer", minimum: 1, maximum: 65535 },
            default: [],
            description: "Host ports a container may bind. Default none: Pod Security Standards baseline allows no host ports unless listed.",
        },
    },
    validateContainer: ({ view, where }, config, report) => {
        judgeItems(view.container.ports, report, (item, _index, report) => {
            const hostPort = record(item)?.hostPort;
            if (hostPort === undefined) {
                return;
            }
            const number = integer(hostPort);
            if (number === undefined) {
                report(`${where} sets a hostPort to ${describeType(hostPort)}, not a port number: remove hostPort and use a Service.`);
            } else if (number !== 0 && !config.allowedHostPorts.includes(number)) {
                report(`${where} binds host port ${number} on the node: remove hostPort and expose the pod through a Service.`);
            }
        });
    },
});
