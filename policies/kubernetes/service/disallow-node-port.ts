import { resourcePolicy } from "../../lib/define";
import { describeWorkload, kindTypes } from "../../lib/kubernetes";
import { at } from "../../lib/values";

export default resourcePolicy({
    name: "kubernetes-service-disallow-node-port",
    description: "Services are not of type NodePort, which opens a port in 30000-32767 on every node of the cluster.",
    priority: "P1",
    severity: "medium",
    checklist: ["003.infrastructure.only-necessary-ports-open", "002.security-configuration.firewall-rules"],
    remediationSteps: "Use a ClusterIP Service behind an Ingress, or a LoadBalancer Service on ports 80/443, instead of type NodePort.",
    tags: ["network"],
    resourceTypes: kindTypes("Service", ["core/v1"]),
    validate: ({ type, name, props }, _config, report) => {
        if (at(props, "spec", "type") === "NodePort") {
            report(`${describeWorkload(type, name, props)} is of type NodePort, which opens its ports on every node: use type ClusterIP behind an Ingress, or a LoadBalancer on ports 80/443.`);
        }
    },
});
