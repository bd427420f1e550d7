import { resourcePolicy } from "../../lib/define";
import { describeWorkload, isPatch, kindTypes } from "../../lib/kubernetes";
import { judgeItems, knownOr, Parts } from "../../lib/unknowns";
import { at, describeType, integer, list, record, text } from "../../lib/values";

// The cloud controllers read source ranges from this annotation as well as from the spec field.
const SOURCE_RANGES_ANNOTATION = "service.beta.kubernetes.io/load-balancer-source-ranges";

export default resourcePolicy({
    name: "kubernetes-service-restrict-load-balancer-ports",
    description: "Services of type LoadBalancer expose only the allowed ports (80 and 443 by default) and, where required, only to listed source ranges.",
    priority: "P0",
    severity: "high",
    checklist: ["003.infrastructure.only-necessary-ports-open", "002.security-configuration.firewall-rules", "003.infrastructure.network-configuration"],
    remediationSteps: "Expose only ports 80 and 443 on LoadBalancer Services (put other ports behind a ClusterIP Service or an Ingress), and set spec.loadBalancerSourceRanges where source ranges are required.",
    tags: ["network"],
    config: {
        allowedPorts: {
            type: "array",
            items: { type: "integer", minimum: 1, maximum: 65535 },
            default: [80, 443],
            description: "Ports a LoadBalancer Service may expose. Default 80 and 443: 003 asks for only the necessary ports (80, 443) to be open.",
        },
        requireSourceRanges: {
            type: "boolean",
            default: false,
            description: "Whether a LoadBalancer Service must limit clients with loadBalancerSourceRanges. Default false: the checklists expose the public web ports to everyone; set true for internal services.",
        },
    },
    resourceTypes: kindTypes("Service", ["core/v1"]),
    validate: ({ type, name, props }, config, report) => {
        // A Service without a type is ClusterIP; a Patch that does not set the type keeps the live one.
        const serviceType = at(props, "spec", "type");
        if (serviceType !== "LoadBalancer") {
            return;
        }
        const service = describeWorkload(type, name, props);
        const allowed = config.allowedPorts.join(", ");
        // Each port and the source ranges on their own: a value unknown during preview in one hides
        // no violation of another. A port's name only labels it in messages.
        const parts = new Parts(report);
        parts.judge(() => judgeItems(at(props, "spec", "ports"), parts.report, (item, index, report) => {
            const port = record(item);
            if (!port) {
                return;
            }
            const portName = knownOr(() => text(port.name), undefined);
            const label = portName ? `port '${portName}'` : `spec.ports[${index}]`;
            const number = integer(port.port);
            if (number === undefined) {
                report(`${service} sets ${label} to ${describeType(port.port)}, not a port number: expose only ${allowed}.`);
            } else if (!config.allowedPorts.includes(number)) {
                report(`${service} exposes port ${number} (${label}) on its load balancer: expose only ${allowed}, and reach other ports through a ClusterIP Service or an Ingress.`);
            }
        }));
        if (config.requireSourceRanges) {
            parts.judge(() => {
                const ranges = at(props, "spec", "loadBalancerSourceRanges");
                if ((ranges === undefined && isPatch(type)) || list(ranges).length > 0) {
                    return;
                }
                // The annotation is read only when no range is set, as only then can it decide.
                const annotation = text(at(props, "metadata", "annotations", SOURCE_RANGES_ANNOTATION));
                if (!annotation?.trim()) {
                    parts.report(`${service} accepts load balancer traffic from any address: set spec.loadBalancerSourceRanges to the client CIDR ranges.`);
                }
            });
        }
        parts.settle();
    },
});
