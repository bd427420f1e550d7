import policy from "../../../../policies/kubernetes/workload/require-production-settings";
import { checkResource, UNKNOWN } from "../../../harness/policy";
import { appContainer, patchContainer, container, cronJob, deployment, deploymentPatch, pod, podSpec, rollout, SHAPES, UNKNOWN_METADATA } from "./fixtures";
import type { Container } from "./fixtures";

function withEnv(env: Container["env"]) {
    return podSpec({ containers: [appContainer({ env })] });
}

describe("kubernetes-workload-require-production-settings", () => {
    it.each(Object.entries(SHAPES))("passes a %s with LOG_LEVEL info", (_kind, shape) => {
        expect(checkResource(policy, shape()).violations).toEqual([]);
    });

    it("passes production values in any case, and quiet log levels", () => {
        const env = [
            { name: "NODE_ENV", value: "production" }, { name: "ASPNETCORE_ENVIRONMENT", value: "Production" },
            { name: "LOG_LEVEL", value: "WARNING" }, { name: "DEBUG", value: "false" }, { name: "FLASK_DEBUG", value: "0" },
        ];
        expect(checkResource(policy, deployment(withEnv(env))).violations).toEqual([]);
    });

    it("fires on an environment name that is not production", () => {
        expect(checkResource(policy, deployment(withEnv([{ name: "NODE_ENV", value: "development" }]))).violations).toEqual([
            "container 'app' of Deployment 'app' sets NODE_ENV to \"development\", not a production environment: set it to production.",
        ]);
        expect(checkResource(policy, pod(withEnv([{ name: "ENVIRONMENT", value: "staging" }]))).violations).toEqual([
            expect.stringContaining("sets ENVIRONMENT to \"staging\", not a production environment"),
        ]);
    });

    it("fires on a debug log level, in init containers too", () => {
        const spec = podSpec({ initContainers: [container("migrate", { env: [{ name: "LOG_LEVEL", value: "debug" }] })] });
        expect(checkResource(policy, cronJob(spec)).violations).toEqual([
            "init container 'migrate' of CronJob 'app' sets LOG_LEVEL to \"debug\", a log level too verbose for production: set it to info or less verbose.",
        ]);
        expect(checkResource(policy, deployment(withEnv([{ name: "log_level", value: "TRACE" }]))).violations).toHaveLength(1);
    });

    it("fires on debug mode switched on, including Node debug namespaces", () => {
        for (const value of ["true", "1", "*"]) {
            expect(checkResource(policy, deployment(withEnv([{ name: "DEBUG", value }]))).violations).toEqual([
                expect.stringContaining("sets DEBUG to"),
            ]);
        }
        const long = "express:*,app:router:*,app:database:*,knex:query";
        const [message] = checkResource(policy, deployment(withEnv([{ name: "DEBUG", value: long }]))).violations;
        expect(message).toContain(`sets DEBUG to a ${long.length}-character value (not shown, as an environment value may hold a secret), which turns debug mode on`);
        expect(message).not.toContain(long);
    });

    it("judges pod templates of custom resources and the fields a patch sets", () => {
        expect(checkResource(policy, rollout(withEnv([{ name: "APP_ENV", value: "dev" }]))).violations).toHaveLength(1);
        expect(checkResource(policy, deploymentPatch({ containers: [patchContainer({ env: [{ name: "LOG_LEVEL", value: "debug" }] })] })).violations).toHaveLength(1);
    });

    it("passes when the variables are omitted, empty, or come from a ConfigMap or Secret", () => {
        expect(checkResource(policy, deployment(withEnv(undefined))).violations).toEqual([]);
        expect(checkResource(policy, deployment(withEnv([{ name: "NODE_ENV", value: "" }]))).violations).toEqual([]);
        const env = [{ name: "NODE_ENV", valueFrom: { configMapKeyRef: { name: "app", key: "env" } } }];
        expect(checkResource(policy, deployment(withEnv(env))).violations).toEqual([]);
    });

    it("reports unknown when a judged value is unknown during preview, not when another one is", () => {
        expect(checkResource(policy, deployment(withEnv([{ name: "LOG_LEVEL", value: UNKNOWN }]))).unknown).toBeDefined();
        const other = checkResource(policy, deployment(withEnv([{ name: "IMAGE_BUCKET", value: UNKNOWN }, { name: "DEBUG", value: "true" }])));
        expect(other.unknown).toBeUndefined();
        expect(other.violations).toHaveLength(1);
    });

    it("takes names and accepted values from config", () => {
        const env = [{ name: "STAGE", value: "live" }, { name: "LOG_LEVEL", value: "debug" }];
        expect(checkResource(policy, { ...deployment(withEnv(env)), config: { environmentVariables: ["STAGE"] } }).violations).toHaveLength(2);
        expect(checkResource(policy, { ...deployment(withEnv(env)), config: { environmentVariables: ["STAGE"], productionValues: ["live"], allowedLogLevels: ["info", "debug"] } }).violations).toEqual([]);
        expect(checkResource(policy, { ...deployment(withEnv([{ name: "DEBUG", value: "1" }])), config: { debugVariables: [] } }).violations).toEqual([]);
    });

    it("reads a config name that is not a valid glob as the plain name it spells", () => {
        const env = [{ name: "STAGE[1", value: "dev" }];
        expect(checkResource(policy, { ...deployment(withEnv(env)), config: { environmentVariables: ["STAGE[1"] } }).violations).toHaveLength(1);
        expect(checkResource(policy, { ...deployment(withEnv([{ name: "ENV_7", value: "dev" }])), config: { environmentVariables: ["ENV_{1..100000}"] } }).violations).toEqual([]);
    });

    it("reports a debug log level next to a variable unknown during preview, whatever the workload's name and namespace", () => {
        const spec = withEnv([{ name: "NODE_ENV", value: UNKNOWN }, { name: "LOG_LEVEL", value: "debug" }]);
        expect(checkResource(policy, deployment(spec, UNKNOWN_METADATA))).toEqual({ violations: [expect.stringContaining("container 'app' of Deployment 'subject' sets LOG_LEVEL to \"debug\"")] });
        expect(checkResource(policy, deployment(podSpec(), UNKNOWN_METADATA))).toEqual({ violations: [] });
        expect(checkResource(policy, deployment(withEnv([{ name: "NODE_ENV", value: UNKNOWN }]))).unknown).toBeDefined();
    });
});
