import { resourcePolicy } from "../../lib/define";
import { describeWorkload, kindTypes } from "../../lib/kubernetes";
import { knownItems } from "../../lib/unknowns";
import { at, describeType, given, text } from "../../lib/values";

export default resourcePolicy({
    name: "kubernetes-service-disallow-external-ips",
    description: "Services set no spec.externalIPs: any namespace user could otherwise capture traffic for an arbitrary address (CVE-2020-8554), and traffic bypasses the load balancer.",
    priority: "P1",
    severity: "high",
    checklist: ["002.security-configuration.firewall-rules", "003.infrastructure.only-necessary-ports-open"],
    remediationSteps: "Remove spec.externalIPs and expose the Service through an Ingress or a LoadBalancer Service.",
    tags: ["network"],
    config: {
        allowedExternalIPs: {
            type: "array",
            items: { type: "string" },
            default: [],
            description: "Addresses a Service may claim (reviewed, owned by the cluster). Default none: 002 and 003 ask that only the intended entry points accept traffic.",
        },
    },
    resourceTypes: kindTypes("Service", ["core/v1"]),
    validate: ({ type, name, props }, config, report) => {
        const raw = at(props, "spec", "externalIPs");
        if (given(raw) === undefined) {
            return;
        }
        const where = describeWorkload(type, name, props);
        if (!Array.isArray(raw)) {
            report(`${where} sets spec.externalIPs to ${describeType(raw)}, not a list: remove it.`);
            return;
        }
        // Addresses unknown during preview decide only when the known ones are all allowed, and
        // with no address allowed any address is claimed: its value is then not read.
        const ips = knownItems(raw);
        const claimed = ips.items.map((ip) => text(ip) ?? describeType(ip)).filter((ip) => !config.allowedExternalIPs.includes(ip));
        if (claimed.length > 0 || (ips.unknown !== undefined && config.allowedExternalIPs.length === 0)) {
            const addresses = claimed.length > 0 ? ` ${claimed.join(", ")}` : "";
            report(`${where} claims externalIPs${addresses}, taking traffic for those addresses on every node: remove spec.externalIPs and expose the Service through an Ingress or a LoadBalancer.`);
        } else if (ips.unknown !== undefined) {
            throw ips.unknown;
        }
    },
});
