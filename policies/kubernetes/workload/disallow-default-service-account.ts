import { resourcePolicy } from "../../lib/define";
import { allowedWorkloadsSetting, describeWorkload, isPatch, isPodTemplateType, podSpec, POD_WORKLOAD_TYPES, unlessWorkloadListed } from "../../lib/kubernetes";
import { given, text } from "../../lib/values";

export default resourcePolicy({
    name: "kubernetes-workload-disallow-default-service-account",
    description: "Workloads run under their own ServiceAccount, not the namespace's `default` one that every other pod shares.",
    priority: "P1",
    severity: "medium",
    checklist: ["003.security.service-accounts", "003.security.least-privilege"],
    remediationSteps: "Create a ServiceAccount for the workload and set spec.template.spec.serviceAccountName to it; grant it only the roles it needs.",
    tags: ["secrets-identity"],
    config: {
        allowedWorkloads: allowedWorkloadsSetting("Workloads (globs over `name` or `namespace/name`) that may run as `default`. Default none: 003 asks for dedicated service accounts and least privilege, and a role granted to `default` reaches every pod of the namespace."),
    },
    resourceTypes: POD_WORKLOAD_TYPES,
    appliesTo: isPodTemplateType,
    validate: ({ type, name, props }, config, report) => {
        const spec = podSpec(type, props);
        if (!spec) {
            return;
        }
        unlessWorkloadListed(config.allowedWorkloads, { name, props }, report, (report) => {
            // serviceAccount is the deprecated alias the API server still reads when serviceAccountName is unset.
            const account = given(spec.serviceAccountName) ?? given(spec.serviceAccount);
            const where = `the pod template of ${describeWorkload(type, name, props)}`;
            if (account === undefined) {
                if (!isPatch(type)) {
                    report(`${where} sets no serviceAccountName, so its pods run as the namespace's default ServiceAccount: create a dedicated ServiceAccount and set serviceAccountName.`);
                }
            } else if (text(account) === "default") {
                report(`${where} runs as the namespace's default ServiceAccount: create a dedicated ServiceAccount and set serviceAccountName to it.`);
            }
        });
    },
});
