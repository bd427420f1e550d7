import policy from "../../../../policies/kubernetes/workload/disallow-plaintext-secrets";
import { checkResource, UNKNOWN } from "../../../harness/policy";
import { appContainer, patchContainer, container, cronJob, deployment, deploymentPatch, job, pod, podSpec, SHAPES, statefulSet, UNKNOWN_METADATA } from "./fixtures";
import type { Container } from "./fixtures";

// Credential-shaped values are assembled at run time so no scanner mistakes this file for a leak.
const AWS_KEY_ID = ["AKIA", "Z7Q3XH4LK2P9WBNM"].join("");
const DB_URL = ["postgres://app", "s3cr3tPassw0rd@db.internal:5432/app"].join(":");

function withEnv(env: Container["env"]) {
    return podSpec({ containers: [appContainer({ env })] });
}

describe("kubernetes-workload-disallow-plaintext-secrets", () => {
    it.each(Object.entries(SHAPES))("passes a %s that takes its secrets from secretKeyRef", (_kind, shape) => {
        expect(checkResource(policy, shape()).violations).toEqual([]);
    });

    it("fires on a literal value that looks like a credential, whatever the name", () => {
        const { violations } = checkResource(policy, deployment(withEnv([{ name: "UPSTREAM_ID", value: AWS_KEY_ID }])));
        expect(violations).toEqual([
            "container 'app' of Deployment 'app' sets env UPSTREAM_ID to a literal value that looks like an AWS access key id: keep it in a Secret and use valueFrom.secretKeyRef (or mount the Secret as a file).",
        ]);
        expect(checkResource(policy, statefulSet(withEnv([{ name: "DATABASE_URL", value: DB_URL }]))).violations).toEqual([
            expect.stringContaining("sets env DATABASE_URL to a literal value that looks like a database connection string"),
        ]);
    });

    it("fires on any literal value of a variable whose name says secret", () => {
        const spec = podSpec({ initContainers: [container("migrate", { env: [{ name: "DB_PASSWORD", value: "changeme" }] })] });
        expect(checkResource(policy, job(spec)).violations).toEqual([
            "init container 'migrate' of Job 'app' sets env DB_PASSWORD to a literal value that variable name says it holds a secret: keep it in a Secret and use valueFrom.secretKeyRef (or mount the Secret as a file).",
        ]);
        expect(checkResource(policy, pod(withEnv([{ name: "stripe_api_key", value: "x" }]))).violations).toHaveLength(1);
    });

    it("never prints the value", () => {
        const { violations } = checkResource(policy, deployment(withEnv([{ name: "A", value: AWS_KEY_ID }, { name: "GITHUB_TOKEN", value: "tok3n-value" }])));
        expect(violations).toHaveLength(2);
        expect(violations.join("\n")).not.toMatch(new RegExp(`${AWS_KEY_ID}|tok3n-value`));
    });

    it("passes ordinary settings, omitted env and secret-named variables without a literal", () => {
        expect(checkResource(policy, deployment(withEnv([{ name: "LOG_LEVEL", value: "debug" }, { name: "TOKEN_FILE", value: "/var/run/secrets/token" }]))).violations).toEqual([]);
        expect(checkResource(policy, deployment(withEnv(undefined))).violations).toEqual([]);
        expect(checkResource(policy, deployment(withEnv([{ name: "API_TOKEN", valueFrom: { secretKeyRef: { name: "api", key: "token" } } }]))).violations).toEqual([]);
    });

    it("fires on a value that is not a string, without crashing", () => {
        expect(checkResource(policy, deployment(withEnv([{ name: "DB_PASSWORD", value: 123456 as never }]))).violations).toHaveLength(1);
        expect(checkResource(policy, deployment(withEnv([{ name: "X", value: { a: 1 } as never }]))).violations).toEqual([expect.stringContaining("sets env X to a object, not a string")]);
    });

    it("reports a value unknown during preview as unknown, not as a verdict", () => {
        const verdict = checkResource(policy, deployment(withEnv([{ name: "DB_PASSWORD", value: UNKNOWN }])));
        expect(verdict.unknown).toBeDefined();
        expect(verdict.violations).toEqual([]);
    });

    it("takes the secret name patterns from config", () => {
        const license = deployment(withEnv([{ name: "LICENSE_KEY", value: "abc-123" }]));
        expect(checkResource(policy, license).violations).toEqual([]);
        expect(checkResource(policy, { ...license, config: { secretNamePatterns: ["*LICENSE*"] } }).violations).toHaveLength(1);
    });

    it("judges only what a Patch sets", () => {
        expect(checkResource(policy, deploymentPatch({ containers: [patchContainer({ image: "app:2.0.0" })] })).violations).toEqual([]);
        expect(checkResource(policy, deploymentPatch({ containers: [patchContainer({ env: [{ name: "JWT_SECRET", value: "s" }] })] })).violations).toHaveLength(1);
    });

    describe("settings the checklists name as secrets", () => {
        it("fires on a literal DATABASE_URL, JWT_SECRET or *_API_KEY even when the value looks harmless", () => {
            const env = [
                { name: "DATABASE_URL", value: "postgres://db.internal:5432/app" },
                { name: "JWT_SECRET", value: "/etc/app/jwt" },
                { name: "OPENAI_API_KEY", value: "true" },
                { name: "GITHUB_CLIENT_SECRET", value: "$(OTHER)-suffix" },
            ];
            const { violations } = checkResource(policy, deployment(withEnv(env)));
            expect(violations).toHaveLength(4);
            expect(violations).toContain("container 'app' of Deployment 'app' sets env DATABASE_URL, which writes its value in the resource: the checklists keep it in the secret store; keep it in a Secret and use valueFrom.secretKeyRef (or mount the Secret as a file).");
            ["JWT_SECRET", "OPENAI_API_KEY", "GITHUB_CLIENT_SECRET"].forEach((name) => expect(violations.join("\n")).toContain(`sets env ${name}`));
            expect(violations.join("\n")).not.toMatch(/db\.internal|\/etc\/app/);
        });

        it("fires on a secret taken from a ConfigMap, in init containers and CronJobs too", () => {
            const spec = podSpec({ initContainers: [container("migrate", { env: [{ name: "DATABASE_URL", valueFrom: { configMapKeyRef: { name: "app", key: "db" } } }] })] });
            expect(checkResource(policy, cronJob(spec)).violations).toEqual([
                "init container 'migrate' of CronJob 'app' sets env DATABASE_URL, which takes it from a reference that is not a secret store: the checklists keep it in the secret store; keep it in a Secret and use valueFrom.secretKeyRef (or mount the Secret as a file).",
            ]);
        });

        it("reports a variable once when its value also looks like a credential", () => {
            expect(checkResource(policy, statefulSet(withEnv([{ name: "DATABASE_URL", value: DB_URL }]))).violations).toHaveLength(1);
        });

        it("passes secretKeyRef, references to other variables and empty values", () => {
            const env = [
                { name: "DATABASE_URL", valueFrom: { secretKeyRef: { name: "app-db", key: "url" } } },
                { name: "NEXTAUTH_SECRET", value: "$(SESSION_SECRET)" },
                { name: "ENCRYPTION_MASTER_KEY", value: "" },
            ];
            expect(checkResource(policy, pod(withEnv(env))).violations).toEqual([]);
        });

        it("reports a secret-store name whose value is unknown during preview as unknown", () => {
            expect(checkResource(policy, job(withEnv([{ name: "JWT_SECRET", value: UNKNOWN }]))).unknown).toBeDefined();
        });

        it("takes the names from config", () => {
            const redis = deployment(withEnv([{ name: "REDIS_URL", value: "redis://cache:6379" }]));
            expect(checkResource(policy, redis).violations).toEqual([]);
            expect(checkResource(policy, { ...redis, config: { secretStoreNames: ["*_URL"] } }).violations).toHaveLength(1);
            const jwt = deployment(withEnv([{ name: "JWT_SECRET_FILE", value: "/etc/app/jwt" }]));
            expect(checkResource(policy, { ...jwt, config: { secretStoreNames: [] } }).violations).toEqual([]);
        });
    });

    it("reports a plain-text secret next to variables unknown during preview, whatever the workload's name and namespace", () => {
        const spec = withEnv([UNKNOWN as never, { name: "DB_HOST", value: UNKNOWN }, { name: "AWS_ACCESS_KEY_ID", value: AWS_KEY_ID }]);
        expect(checkResource(policy, deployment(spec, UNKNOWN_METADATA))).toEqual({ violations: [expect.stringContaining("container 'app' of Deployment 'subject' sets env AWS_ACCESS_KEY_ID to a literal value")] });
        expect(checkResource(policy, deployment(podSpec(), UNKNOWN_METADATA))).toEqual({ violations: [] });
    });
});
