import { resourcePolicy } from "../../lib/define";
import { lambdaEnvironment, PRODUCTION_SETTINGS, productionProblems } from "../../lib/runtime-env";
import { judgeEach, Parts } from "../../lib/unknowns";
import { given, record, showSetting, text } from "../../lib/values";

export default resourcePolicy({
    name: "aws-lambda-require-production-settings",
    description: "Lambda functions run with production settings: an environment name such as NODE_ENV or ENVIRONMENT, when set, says production; LOG_LEVEL, and the application and system log levels of loggingConfig (JSON logging), are info or less verbose; DEBUG is off.",
    priority: "P1",
    severity: "medium",
    checklist: ["002.environment-variables.node-env", "003.configuration.environment-variables", "004.environment-configuration.environment-variables"],
    remediationSteps: "In environment.variables set NODE_ENV (or ENVIRONMENT) to production, LOG_LEVEL to info, and DEBUG to false, or leave them out; set loggingConfig.applicationLogLevel and systemLogLevel to INFO or WARN.",
    tags: ["deployment"],
    config: PRODUCTION_SETTINGS,
    resourceTypes: ["aws:lambda/function:Function"],
    validate: ({ name, props }, config, report) => {
        // Each variable and each log level on its own: a value unknown during preview in one hides no problem of another.
        const parts = new Parts(report);
        parts.judge(() => judgeEach(lambdaEnvironment(props), parts.report, (variable, report) => {
            for (const problem of productionProblems([variable], config)) {
                report(`Lambda function '${name}' ${problem}.`);
            }
        }));
        // Lambda's advanced logging controls filter logs by level (TRACE, DEBUG, INFO, WARN, ERROR, FATAL).
        for (const property of ["applicationLogLevel", "systemLogLevel"]) {
            parts.judge(() => {
                const level = text(given(record(props.loggingConfig)?.[property]));
                if (level !== undefined && !config.allowedLogLevels.some((allowed) => allowed.toLowerCase() === level.trim().toLowerCase())) {
                    parts.report(`Lambda function '${name}' sets loggingConfig.${property} to ${showSetting(level)}, a log level too verbose for production: set it to INFO or less verbose.`);
                }
            });
        }
        parts.settle();
    },
});
