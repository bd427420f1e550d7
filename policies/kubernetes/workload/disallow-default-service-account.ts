import { isPatch } from "../../lib/kubernetes";
import { podPolicy } from "../../lib/pod-policy";
import { given, text } from "../../lib/values";

export default podPolicy({
    name: "kubernetes-workload-disallow-default-service-account",
    description: "Workloads run under their own ServiceAccount, not the namespace's `default` one that every other pod shares.",
    priority: "P1",
    severity: "medium",
    checklist: ["003.security.service-accounts", "003.security.least-privilege"],
    remediationSteps: "Create a ServiceAccount for the workload and set spec.template.spec.serviceAccountName to it; grant it only the roles it needs.",
    tags: ["secrets-identity"],
    allowedWorkloads: "Workloads (globs over `name` or `namespace/name`) that may run as `default`. Default none: 003 asks for dedicated service accounts and least privilege, and a role granted to `default` reaches every pod of the namespace.",
    validatePod: ({ type, spec, workload }, _config, report) => {
        // serviceAccount is the deprecated alias the API server still reads when serviceAccountName is unset.
        const account = given(spec.serviceAccountName) ?? given(spec.serviceAccount);
        const where = `the pod template of ${workload}`;
        if (account === undefined) {
            if (!isPatch(type)) {
                report(`${where} sets no serviceAccountName, so its pods run as the namespace's default ServiceAccount: create a dedicated ServiceAccount and set serviceAccountName.`);
            }
        } else if (text(account) === "default") {
            report(`${where} runs as the namespace's default ServiceAccount: create a dedicated ServiceAccount and set serviceAccountName to it.`);
        }
    },
});
