import { resourcePolicy } from "../../lib/define";
import { allowedWorkloadsSetting, describeWorkload, kindTypes, unlessWorkloadListed } from "../../lib/kubernetes";
import { judgeItems, knownOr } from "../../lib/unknowns";
import { at, integer, isDeclared, record, text } from "../../lib/values";

// The AWS cloud provider and the AWS Load Balancer Controller both read TLS listeners from these.
const SSL_CERT = "service.beta.kubernetes.io/aws-load-balancer-ssl-cert";
const SSL_PORTS = "service.beta.kubernetes.io/aws-load-balancer-ssl-ports";
const LB_TYPE = "service.beta.kubernetes.io/aws-load-balancer-type";

/**
 * Whether the AWS Load Balancer Controller (not the cloud provider's built-in one) reconciles the
 * Service: there, an ssl-ports value of `*` matches no port, while the built-in controller reads it
 * as every port.
 */
function reconciledByLoadBalancerController(props: Record<string, unknown>): boolean {
    const type = text(at(props, "metadata", "annotations", LB_TYPE));
    return type === "external" || type === "nlb-ip" || text(at(props, "spec", "loadBalancerClass")) === "service.k8s.aws/nlb";
}

/**
 * Whether the load balancer terminates TLS on this port: a certificate is set (any value, also one
 * unknown during preview: it is an ARN) and ssl-ports, when given, lists the port by number or name.
 */
function terminatesTls(props: Record<string, unknown>, port: number, portName: () => string | undefined): boolean {
    const annotations = record(at(props, "metadata", "annotations"));
    if (!isDeclared(annotations, SSL_CERT)) {
        return false;
    }
    const listed = text(annotations?.[SSL_PORTS]);
    if (listed === undefined || listed.trim() === "") {
        return true; // both controllers put a TLS listener on every port
    }
    const entries = listed.split(",").map((entry) => entry.trim());
    if (entries.includes("*") && !reconciledByLoadBalancerController(props)) {
        return true;
    }
    return entries.includes(String(port)) || (portName() !== undefined && entries.includes(portName()!));
}

export default resourcePolicy({
    name: "kubernetes-service-require-load-balancer-tls",
    description: "Services of type LoadBalancer terminate TLS on their plain-HTTP ports (80 and 8080 by default): the AWS ssl-cert annotation is set and ssl-ports, when given, lists the port. Load balancers of other clouds that cannot terminate TLS on a Service pass plain HTTP through, so such ports are reported there too; list a Service whose backend only redirects to HTTPS (an ingress controller) in allowedServices.",
    priority: "P1",
    severity: "high",
    checklist: ["003.infrastructure.load-balancer-tls-termination", "004.data-security.encryption-in-transit", "000.authentication-security.https-enforced"],
    remediationSteps: "Terminate TLS on the load balancer (on AWS, set the service.beta.kubernetes.io/aws-load-balancer-ssl-cert annotation to an ACM certificate ARN and list the port in aws-load-balancer-ssl-ports), serve HTTPS on 443 instead, or expose the workload through an Ingress with TLS.",
    tags: ["transport-security"],
    config: {
        plainHttpPorts: {
            type: "array",
            items: { type: "integer", minimum: 1, maximum: 65535 },
            default: [80, 8080],
            description: "Load balancer ports that carry plain HTTP unless TLS is terminated on them. Default 80 and 8080: the HTTP port 003 opens and the usual application port; 000 and 004 ask for HTTPS and TLS in transit, 003 for TLS terminated on the load balancer.",
        },
        allowedServices: allowedWorkloadsSetting("Services (globs over `name` or `namespace/name`) that may expose a plain-HTTP port, such as an ingress controller that only redirects it to HTTPS. Default none."),
    },
    resourceTypes: kindTypes("Service", ["core/v1"]),
    validate: ({ type, name, props }, config, report) => {
        // A Service without a type is ClusterIP; a Patch that does not set the type keeps the live one.
        if (at(props, "spec", "type") !== "LoadBalancer") {
            return;
        }
        const service = describeWorkload(type, name, props);
        unlessWorkloadListed(config.allowedServices, { name, props }, report, (report) => {
            // Each port on its own: one unknown during preview hides no other's violation. A port's
            // name is read only to match ssl-ports or to label a message.
            judgeItems(at(props, "spec", "ports"), report, (item, index, report) => {
                const port = record(item);
                const number = integer(port?.port);
                if (!port || number === undefined || !config.plainHttpPorts.includes(number)) {
                    return; // other ports and malformed numbers are kubernetes-service-restrict-load-balancer-ports' to judge
                }
                const portName = () => text(port.name);
                if (terminatesTls(props, number, portName)) {
                    return;
                }
                const label = knownOr(portName, undefined) ? `port '${knownOr(portName, "")}'` : `spec.ports[${index}]`;
                report(`${service} exposes port ${number} (${label}) on its load balancer without TLS, so requests and credentials cross the network in plain HTTP: terminate TLS on it (on AWS, set the ${SSL_CERT} annotation to an ACM certificate ARN and list ${number} in ${SSL_PORTS}), or serve HTTPS on 443 through an Ingress with TLS.`);
            });
        });
    },
});
