import { judgeEnvironmentSecrets } from "../../lib/aws";
import { resourcePolicy } from "../../lib/define";
import { ecsEnvironment, SECRET_STORE_NAMES_SETTING } from "../../lib/runtime-env";
import { Parts } from "../../lib/unknowns";
import { given, isRecord, Props, records, text } from "../../lib/values";
import { ENVIRONMENT_SECRETS_CHECKLIST } from "../../lib/secrets";

/** A JSON property of a job definition, parsed; undefined when omitted, a string when it cannot be read. */
function parsed(value: unknown): Props | string | undefined {
    if (given(value) === undefined) {
        return undefined;
    }
    let document = value;
    if (typeof value === "string") {
        try {
            document = JSON.parse(value);
        } catch {
            return "is not valid JSON";
        }
    }
    return isRecord(document) ? document : "is not a JSON object";
}

/** The containers of a job definition, each with the phrase that names it. */
function containers(property: string, document: Props): Array<{ container: Props; label: string }> {
    if (property === "containerProperties") {
        return [{ container: document, label: "containerProperties" }];
    }
    if (property === "nodeProperties") {
        return records(document.nodeRangeProperties).flatMap((range, i) =>
            isRecord(range.container) ? [{ container: range.container, label: `nodeProperties node range ${text(range.targetNodes) ?? `#${i + 1}`}` }] : []);
    }
    return records(document.taskProperties).flatMap((task, t) => records(task.containers).map((container, c) =>
        ({ container, label: `ecsProperties container ${text(container.name) ? `'${text(container.name)}'` : `#${t + 1}.${c + 1}`}` })));
}

export default resourcePolicy({
    name: "aws-batch-disallow-plaintext-secrets",
    description: "AWS Batch job definitions hold no credentials in plain text in their containers' environment (containerProperties, nodeProperties, ecsProperties), and the settings the checklists name as secrets (DATABASE_URL, JWT_SECRET, *_API_KEY, ...) come from Secrets Manager or SSM through secrets whatever their value.",
    priority: "P0",
    severity: "critical",
    checklist: ENVIRONMENT_SECRETS_CHECKLIST,
    remediationSteps: "Store the value in Secrets Manager or SSM Parameter Store and reference it from the container's secrets ({ name, valueFrom: <ARN> }) instead of environment; the execution role needs read access to it.",
    tags: ["secrets-identity"],
    config: {
        secretStoreNames: SECRET_STORE_NAMES_SETTING,
    },
    resourceTypes: ["aws:batch/jobDefinition:JobDefinition"],
    validate: ({ name, props }, config, report) => {
        const where = `Batch job definition '${name}'`;
        // Each container property apart: one unknown during preview hides no secret in another.
        const parts = new Parts(report);
        for (const property of ["containerProperties", "nodeProperties", "ecsProperties"]) {
            parts.judge(() => {
                const document = parsed(props[property]);
                if (typeof document === "string") {
                    parts.report(`${where}: its ${property} ${document}, so its environment cannot be checked for secrets: set ${property} to a JSON object (pulumi.jsonStringify({...})).`);
                    return;
                }
                for (const { container, label } of document === undefined ? [] : containers(property, document)) {
                    judgeEnvironmentSecrets(ecsEnvironment(container), `${where} (${label})`, config.secretStoreNames, "reference it from secrets[].valueFrom instead", parts.report);
                }
            });
        }
        parts.settle();
    },
});
