import { resourcePolicy } from "../../lib/define";
import { LISTENER_TYPES, listenerProtocol } from "../../lib/edge";
import { judgeItems } from "../../lib/unknowns";
import { describeType, record, text } from "../../lib/values";

export default resourcePolicy({
    name: "aws-lb-require-https-redirect",
    description: "Plain HTTP load balancer listeners serve nothing: every default action redirects to HTTPS.",
    priority: "P0",
    severity: "high",
    checklist: ["003.domain-ssl-tls.https-redirect", "004.network-security.https-redirect", "000.authentication-security.https-enforced"],
    remediationSteps: "Make the HTTP listener's only default action { type: \"redirect\", redirect: { protocol: \"HTTPS\", port: \"443\", statusCode: \"HTTP_301\" } } and serve the application on an HTTPS listener.",
    tags: ["transport-security"],
    resourceTypes: LISTENER_TYPES,
    validate: ({ name, props }, _config, report) => {
        // TCP, UDP, TLS and HTTPS listeners are out of scope: only HTTP can be redirected.
        if (listenerProtocol(props) !== "HTTP") {
            return;
        }
        const where = `HTTP listener '${name}'`;
        const actions = props.defaultActions;
        if (!Array.isArray(actions) || actions.length === 0) {
            report(`${where} has ${Array.isArray(actions) ? "no" : describeType(actions)} defaultActions: give it one redirect action to protocol HTTPS.`);
            return;
        }
        // Each action on its own: one unknown during preview hides no other that serves plain HTTP.
        judgeItems(actions, report, (action, i, report) => {
            const entry = record(action);
            const type = text(entry?.type);
            if (type !== "redirect") {
                report(`${where} default action #${i + 1} is ${type ? `'${type}'` : "untyped"}, so it serves plain HTTP: replace it with a redirect to protocol HTTPS.`);
                return;
            }
            const protocol = text(record(entry?.redirect)?.protocol);
            if (protocol?.toUpperCase() !== "HTTPS") {
                report(`${where} default action #${i + 1} redirects to ${protocol ? `protocol '${protocol}'` : "the same protocol (redirect.protocol unset)"}: set redirect.protocol to "HTTPS".`);
            }
        });
    },
});
