import { requireTrue } from "../../lib/checks";
import { resourcePolicy } from "../../lib/define";
import { describeType, given, isRecord } from "../../lib/values";

export default resourcePolicy({
    name: "aws-apigateway-require-cache-encryption",
    description: "API Gateway method settings that turn response caching on also encrypt the cached responses (settings.cacheDataEncrypted); API Gateway leaves a stage cache unencrypted unless asked.",
    priority: "P0",
    severity: "medium",
    checklist: ["004.data-security.encryption-at-rest", "003.security.data-encryption"],
    remediationSteps: "Set settings.cacheDataEncrypted: true on every MethodSettings that sets settings.cachingEnabled: true.",
    tags: ["encryption"],
    resourceTypes: ["aws:apigateway/methodSettings:MethodSettings"],
    validate: ({ name, props }, _config, report) => {
        const where = `API Gateway method settings '${name}'`;
        const settings = given(props.settings);
        if (settings !== undefined && !isRecord(settings)) {
            report(`${where} sets settings to ${describeType(settings)}, not a block: set settings: { cacheDataEncrypted: true } when caching is on.`);
            return;
        }
        // Without caching nothing is cached, so the encryption switch decides nothing.
        const caching = given(settings?.cachingEnabled);
        if (caching !== true && caching !== "true") {
            return;
        }
        requireTrue(settings?.cacheDataEncrypted, where, "settings.cacheDataEncrypted", "so API Gateway caches responses unencrypted", "set settings.cacheDataEncrypted: true", report);
    },
});
