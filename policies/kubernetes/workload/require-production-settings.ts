import { podPolicy } from "../../lib/pod-policy";
import { kubernetesVariable, PRODUCTION_SETTINGS, productionProblems } from "../../lib/runtime-env";
import { judgeItems } from "../../lib/unknowns";

export default podPolicy({
    name: "kubernetes-workload-require-production-settings",
    description: "Containers (init containers included) of every pod template run with production settings: an environment name such as NODE_ENV or ENVIRONMENT, when set, says production; LOG_LEVEL is info or less verbose; DEBUG is off. Values from ConfigMaps (envFrom, configMapKeyRef) are not judged.",
    priority: "P1",
    severity: "medium",
    checklist: ["002.environment-variables.node-env", "003.configuration.environment-variables", "004.environment-configuration.environment-variables"],
    remediationSteps: "In each container's env set NODE_ENV (or ENVIRONMENT) to production, LOG_LEVEL to info, and DEBUG to false, or leave them out.",
    tags: ["deployment"],
    config: PRODUCTION_SETTINGS,
    validateContainer: ({ view, where }, config, report) => {
        // Each variable on its own: one unknown during preview hides no other's problem.
        judgeItems(view.container.env, report, (item, _index, report) => {
            const variable = kubernetesVariable(item);
            for (const problem of productionProblems(variable ? [variable] : [], config)) {
                report(`${where} ${problem}.`);
            }
        });
    },
});
