import { resourcePolicy } from "../../lib/define";
import { describeWorkload, kindTypes } from "../../lib/kubernetes";
import { at, describeType, given, list, text } from "../../lib/values";

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
        const claimed = list(raw).map((ip) => text(ip) ?? describeType(ip)).filter((ip) => !config.allowedExternalIPs.includes(ip));
        if (claimed.length > 0) {
            report(`${where} claims externalIPs ${claimed.join(", ")}, taking traffic for those addresses on every node: remove spec.externalIPs and expose the Service through an Ingress or a LoadBalancer.`);
        }
    },
});
