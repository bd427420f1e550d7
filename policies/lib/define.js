"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.CHECKLIST_FRAMEWORK = void 0;
exports.defaultEnforcement = defaultEnforcement;
exports.resourcePolicy = resourcePolicy;
exports.stackPolicy = stackPolicy;
/** The name of the framework every policy cites in its `framework` metadata. */
exports.CHECKLIST_FRAMEWORK = "prodready-checklists";
function defaultEnforcement(priority) {
    return priority === "P0" ? "mandatory" : "advisory";
}
function metadata(spec) {
    const provider = spec.name.split("-")[0];
    return {
        name: spec.name,
        description: spec.description,
        enforcementLevel: defaultEnforcement(spec.priority),
        severity: spec.severity,
        remediationSteps: spec.remediationSteps,
        framework: {
            name: exports.CHECKLIST_FRAMEWORK,
            version: "1",
            reference: spec.checklist.join(", "),
            specification: "catalog/checklist.yaml",
        },
        // The priority also travels as a tag, so Pulumi Cloud and the engine's JSON show it.
        tags: [provider, `priority:${spec.priority}`, ...(spec.tags ?? [])],
        configSchema: spec.config ? { properties: spec.config } : undefined,
        priority: spec.priority,
        checklist: spec.checklist,
    };
}
/** A policy that judges each resource of the listed types on its own. */
function resourcePolicy(spec) {
    const types = new Set(spec.resourceTypes);
    return {
        ...metadata(spec),
        resourceTypes: spec.resourceTypes,
        validateResource: (args, reportViolation) => {
            if (!types.has(args.type)) {
                return;
            }
            const subject = { type: args.type, name: args.name, urn: args.urn, props: args.props };
            spec.validate(subject, args.getConfig(), (message) => reportViolation(message));
        },
    };
}
/** A policy that needs the whole stack, to join resources that reference each other. */
function stackPolicy(spec) {
    return {
        ...metadata(spec),
        validateStack: (args, reportViolation) => {
            spec.validate(args.resources, args.getConfig(), (message, urn) => reportViolation(message, urn));
        },
    };
}
//# sourceMappingURL=define.js.map