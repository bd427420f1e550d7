import type { PolicyResource } from "@pulumi/policy";
import { stackPolicy } from "../../lib/define";
import { anyPasses, describeWorkload, isKind, isPatch, isPodTemplateType, known, namespaceOrDefault, podSpec } from "../../lib/kubernetes";
import { at, given, text } from "../../lib/values";

export default stackPolicy({
    name: "kubernetes-workload-require-existing-service-account",
    description: "Workloads name a ServiceAccount the stack declares in their namespace (judged only in stacks that declare ServiceAccounts), so pods are not rejected for a missing or misspelt account.",
    priority: "P1",
    severity: "medium",
    checklist: ["003.security.service-accounts"],
    remediationSteps: "Declare the ServiceAccount in the workload's namespace, or correct serviceAccountName to the one the stack declares.",
    tags: ["secrets-identity"],
    config: {
        externalServiceAccounts: {
            type: "array",
            items: { type: "string" },
            default: ["default"],
            description: "ServiceAccounts (`name` or `namespace/name`) that exist without being declared in the stack. Default `default`, which Kubernetes creates in every namespace; 003 asks for service accounts, and one the stack forgets to create makes the workload fail to start.",
        },
    },
    validate: (resources, config, report, context) => {
        // Indexed once: declared ServiceAccounts by namespace/name. One whose name or namespace is
        // unknown during preview may be any of them.
        const declared = new Set<string>();
        const unknownAccounts: PolicyResource[] = [];
        const workloads: PolicyResource[] = [];
        let anyDeclared = false;
        for (const resource of resources) {
            if (isKind(resource.type, "ServiceAccount") && resource.type.startsWith("kubernetes:core/")) {
                anyDeclared = true;
                const key = known(() => `${namespaceOrDefault(resource.props)}/${text(at(resource.props, "metadata", "name")) ?? ""}`);
                if (key) {
                    declared.add(key.value);
                } else {
                    unknownAccounts.push(resource);
                }
            } else if (isPodTemplateType(resource.type, resource.props) && !isPatch(resource.type)) {
                workloads.push(resource);
            }
        }
        if (!anyDeclared) {
            return; // the stack manages no identities: its ServiceAccounts live elsewhere
        }
        const external = new Set(config.externalServiceAccounts);
        for (const workload of workloads) {
            context.judge(workload, () => {
                const spec = podSpec(workload.type, workload.props);
                const account = text(given(spec?.serviceAccountName) ?? given(spec?.serviceAccount));
                if (!spec || account === undefined) {
                    return;
                }
                const namespace = namespaceOrDefault(workload.props);
                const key = `${namespace}/${account}`;
                if (declared.has(key) || external.has(account) || external.has(key)) {
                    return;
                }
                // An account unknown during preview decides only when no known one matches.
                if (anyPasses(unknownAccounts, (sa) => `${namespaceOrDefault(sa.props)}/${text(at(sa.props, "metadata", "name"))}` === key)) {
                    return;
                }
                report(`${describeWorkload(workload.type, workload.name, workload.props)} runs as ServiceAccount '${account}', which the stack does not declare in namespace '${namespace}': declare it, or set serviceAccountName to one the stack declares.`, workload.urn);
            });
        }
    },
});
