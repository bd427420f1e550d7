import type { PolicyResource } from "@pulumi/policy";
import { stackPolicy } from "../../lib/define";
import { describeWorkload, isKind, isPatch, isPodTemplateType, kindTypes, namespaceOrDefault, POD_WORKLOAD_TYPES, podSpec } from "../../lib/kubernetes";
import { anyPasses, attempt, known } from "../../lib/unknowns";
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
    resourceTypes: [...kindTypes("ServiceAccount", ["core/v1"], false), ...POD_WORKLOAD_TYPES],
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
                // An account listed by name alone needs no namespace, which may be unknown during preview.
                if (external.has(account)) {
                    return;
                }
                // The namespace decides only when an account of that name is declared or listed in some
                // namespace, or may be (its own namespace or name unknown during preview).
                const anywhere = unknownAccounts.length > 0 || [...declared, ...external].some((entry) => entry.endsWith(`/${account}`));
                const placed = attempt(() => namespaceOrDefault(workload.props));
                if (anywhere) {
                    const namespace = placed.unknown === undefined ? placed.value : namespaceOrDefault(workload.props);
                    const key = `${namespace}/${account}`;
                    if (declared.has(key) || external.has(key)) {
                        return;
                    }
                    // An account unknown during preview decides only when no known one matches.
                    if (anyPasses(unknownAccounts, (sa) => `${namespaceOrDefault(sa.props)}/${text(at(sa.props, "metadata", "name"))}` === key)) {
                        return;
                    }
                }
                const inNamespace = placed.unknown === undefined ? `in namespace '${placed.value}'` : "in the workload's namespace";
                report(`${describeWorkload(workload.type, workload.name, workload.props)} runs as ServiceAccount '${account}', which the stack does not declare ${inNamespace}: declare it, or set serviceAccountName to one the stack declares.`, workload.urn);
            });
        }
    },
});
