import { resourcePolicy } from "../../lib/define";
import { attempt } from "../../lib/unknowns";
import { at, bool, describeType, given, record, text } from "../../lib/values";

export default resourcePolicy({
    name: "aws-ecs-require-deployment-circuit-breaker",
    description: "ECS services with the ECS deployment controller stop a failing deployment and roll back to the last working one.",
    priority: "P1",
    severity: "medium",
    checklist: ["004.rollback-triggers.service-down", "004.rollback-triggers.error-rate"],
    remediationSteps: "Set deploymentCircuitBreaker: { enable: true, rollback: true }.",
    tags: ["deployment"],
    resourceTypes: ["aws:ecs/service:Service"],
    validate: ({ name, props }, _config, report) => {
        const controller = text(at(props.deploymentController, "type"));
        if (controller === "CODE_DEPLOY" || controller === "EXTERNAL") {
            return; // the circuit breaker applies to rolling updates of the ECS controller only
        }
        const where = `ECS service '${name}'`;
        const breaker = given(props.deploymentCircuitBreaker);
        if (breaker === undefined) {
            report(`${where} has no deployment circuit breaker, so a failing deployment keeps retrying: set deploymentCircuitBreaker: { enable: true, rollback: true }.`);
            return;
        }
        const settings = record(breaker);
        if (!settings) {
            report(`${where} sets deploymentCircuitBreaker to ${describeType(breaker)}, not an object: set { enable: true, rollback: true }.`);
            return;
        }
        // A switch known during preview to be off decides before one that is unknown.
        let unknown: unknown;
        const missing = ["enable", "rollback"].filter((key) => {
            const on = attempt(() => bool(settings[key]) === true);
            unknown ??= on.unknown;
            return on.unknown === undefined && !on.value;
        });
        if (missing.length === 0 && unknown !== undefined) {
            throw unknown;
        }
        if (missing.length > 0) {
            report(`${where} does not set deploymentCircuitBreaker.${missing.join(" and ")} to true: set deploymentCircuitBreaker: { enable: true, rollback: true }.`);
        }
    },
});
