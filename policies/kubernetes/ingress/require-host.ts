import { resourcePolicy } from "../../lib/define";
import { describeWorkload, kindTypes } from "../../lib/kubernetes";
import { judgeItems } from "../../lib/unknowns";
import { at, given, record } from "../../lib/values";

const INGRESS_VERSIONS = ["networking.k8s.io/v1", "networking.k8s.io/v1beta1", "extensions/v1beta1"];

export default resourcePolicy({
    name: "kubernetes-ingress-require-host",
    description: "Every Ingress rule names the host it serves, so the Ingress does not answer for every domain pointed at the controller (and its TLS certificate covers what it serves).",
    priority: "P2",
    severity: "medium",
    checklist: ["002.infrastructure-setup.domain", "003.domain-ssl-tls.domain-name"],
    remediationSteps: "Set spec.rules[].host to the production domain (e.g. shop.example.com), and list it under spec.tls[].hosts.",
    tags: ["network"],
    resourceTypes: kindTypes("Ingress", INGRESS_VERSIONS),
    validate: ({ type, name, props }, _config, report) => {
        const where = describeWorkload(type, name, props);
        // Each rule on its own: one unknown during preview hides no rule without a host.
        judgeItems(at(props, "spec", "rules"), report, (item, index, report) => {
            const rule = record(item);
            if (rule && given(rule.host) === undefined) {
                report(`${where} has rules[${index}] without a host, so it serves every domain that reaches the controller: set host to the production domain.`);
            }
        });
    },
});
