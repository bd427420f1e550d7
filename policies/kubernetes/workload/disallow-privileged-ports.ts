import { podPolicy } from "../../lib/pod-policy";
import { judgeItems } from "../../lib/unknowns";
import { describeType, integer, record } from "../../lib/values";

export default podPolicy({
    name: "kubernetes-workload-disallow-privileged-ports",
    description: "Containers listen on unprivileged ports (1024 and above), never on the SSH port 22: a port below 1024 needs root or NET_BIND_SERVICE, and SSH into a container bypasses the cluster's access control.",
    priority: "P2",
    severity: "medium",
    checklist: ["003.security.container-security", "003.security.ssh-access-restricted"],
    remediationSteps: "Serve on a port of 1024 or above (e.g. containerPort: 8080) and map the public port on the Service (port: 80, targetPort: 8080); remove SSH servers and use kubectl exec or ephemeral containers for debugging.",
    tags: ["workload-security"],
    config: {
        minimumPort: {
            type: "integer",
            minimum: 1,
            maximum: 65535,
            default: 1024,
            description: "Lowest containerPort accepted. Default 1024: below it the process needs root or NET_BIND_SERVICE, and 003 asks for containers that run as a non-root user.",
        },
        disallowedPorts: {
            type: "array",
            items: { type: "integer", minimum: 1, maximum: 65535 },
            default: [22],
            description: "Ports no container may declare, whatever minimumPort says. Default 22 (SSH): 003 asks that SSH access be restricted, and containers are reached through kubectl exec instead.",
        },
    },
    validateContainer: ({ view, where }, config, report) => {
        judgeItems(view.container.ports, report, (item, _index, report) => {
            const raw = record(item)?.containerPort;
            if (raw === undefined) {
                return;
            }
            const number = integer(raw);
            if (number === undefined) {
                report(`${where} sets a containerPort to ${describeType(raw)}, not a port number: set it to a port of ${config.minimumPort} or above.`);
            } else if (config.disallowedPorts.includes(number)) {
                report(`${where} declares containerPort ${number}${number === 22 ? " (SSH)" : ""}: remove it${number === 22 ? "; use kubectl exec or an ephemeral container to debug" : ""}.`);
            } else if (number < config.minimumPort) {
                report(`${where} listens on privileged port ${number}: serve on ${config.minimumPort} or above (e.g. 8080) and map port ${number} on the Service.`);
            }
        });
    },
});
