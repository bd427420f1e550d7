import { resourcePolicy } from "../../lib/define";
import { judgeItems, knownOr } from "../../lib/unknowns";
import { describeType, given, integer, isRecord, text } from "../../lib/values";
import { CLASSIC_LOAD_BALANCER_TYPES } from "./require-health-check";

const ENCRYPTED = new Set(["https", "ssl"]);

export default resourcePolicy({
    name: "aws-elb-require-tls-listeners",
    description: "Classic Load Balancers terminate TLS on every listener: lbProtocol is https or ssl. A Classic Load Balancer cannot redirect HTTP to HTTPS, so a plain http or tcp listener serves traffic unencrypted; as for application load balancers (aws-lb-require-https-redirect), port 80 gets no exception unless it is listed in allowedPlainPorts.",
    priority: "P0",
    severity: "high",
    checklist: ["003.infrastructure.load-balancer-tls-termination", "000.authentication-security.https-enforced", "004.data-security.encryption-in-transit"],
    remediationSteps: "Set each listener's lbProtocol to \"https\" (or \"ssl\" for TCP services) with an ACM certificate in sslCertificateId; to redirect HTTP to HTTPS, move the service to an application load balancer.",
    tags: ["transport-security"],
    config: {
        allowedPlainPorts: {
            type: "array",
            items: { type: "integer", minimum: 1, maximum: 65535 },
            uniqueItems: true,
            default: [],
            description: "Load balancer ports that may listen with plain http or tcp. Default none: 000 enforces HTTPS for all API calls and 003 asks for TLS termination on the load balancer, and a Classic Load Balancer cannot redirect port 80 to HTTPS.",
        },
    },
    resourceTypes: CLASSIC_LOAD_BALANCER_TYPES,
    validate: ({ name, props }, config, report) => {
        const where = `Classic Load Balancer '${name}'`;
        const listeners = given(props.listeners);
        if (listeners !== undefined && !Array.isArray(listeners)) {
            report(`${where} sets listeners to ${describeType(listeners)}, not a list: declare each listener with lbProtocol "https" or "ssl".`);
            return;
        }
        const allowed = new Set(config.allowedPlainPorts);
        // Each listener on its own: one unknown during preview hides no other that is not encrypted.
        judgeItems(listeners, report, (listener, i, report) => {
            if (!isRecord(listener)) {
                report(`${where} listener #${i + 1} is ${describeType(listener)}: declare it as { lbPort, lbProtocol: "https", instancePort, instanceProtocol, sslCertificateId }.`);
                return;
            }
            const protocol = text(listener.lbProtocol)?.trim().toLowerCase();
            if (protocol !== undefined && ENCRYPTED.has(protocol)) {
                return;
            }
            // The port decides only through allowedPlainPorts; otherwise it only labels the listener.
            const plain = protocol === "http" || protocol === "tcp";
            const port = plain && allowed.size > 0 ? integer(listener.lbPort) : knownOr(() => integer(listener.lbPort), undefined);
            if (plain && port !== undefined && allowed.has(port)) {
                return;
            }
            const label = port === undefined ? `#${i + 1}` : `on port ${port}`;
            const what = protocol ? `uses lbProtocol '${protocol}', which is not encrypted` : `has lbProtocol ${describeType(given(listener.lbProtocol))}`;
            report(`${where} listener ${label} ${what}: set lbProtocol to "https" (or "ssl") with an ACM certificate in sslCertificateId${port === undefined ? "" : `, or allow port ${port} in allowedPlainPorts`}.`);
        });
    },
});
