import { generateKeyPairSync } from "node:crypto";
import { findCredential, nameSaysSecret } from "../../policies/lib/secrets";

// Credential-shaped values are assembled at run time so no scanner mistakes this file for a leak.
const AWS_KEY_ID = ["AKIA", "Z7Q3XH4LK2P9WBNM"].join("");
const GITHUB_TOKEN = ["ghp", "_aBcDeFgHiJkLmNoPqRsTuVwXyZ0123456789"].join("");
const SLACK_TOKEN = ["xoxb", "123456789012", "1234567890123", "abcdefghijabcdefghijabcd"].join("-");
const DB_URL = ["postgres://app", "s3cr3tPassw0rd@db.internal:5432/app"].join(":");

describe("findCredential", () => {
    it.each([
        ["UPSTREAM", AWS_KEY_ID, "looks like an AWS access key id"],
        ["CI_HELPER", GITHUB_TOKEN, "looks like a GitHub credential"],
        ["NOTIFY", SLACK_TOKEN, "looks like a Slack credential"],
        ["DATABASE_URL", DB_URL, "looks like a database connection string with credentials"],
        ["WEBHOOK", "https://bot:hunter2hunter2@hooks.example.com/x", "looks like a URL with an embedded password"],
    ])("detects a credential in %s by its value", (name, value, reason) => {
        expect(findCredential(name, value)).toBe(reason);
    });

    it("detects a PEM private key", () => {
        const { privateKey } = generateKeyPairSync("rsa", { modulusLength: 1024, privateKeyEncoding: { type: "pkcs8", format: "pem" }, publicKeyEncoding: { type: "spki", format: "pem" } });
        expect(findCredential("TLS_MATERIAL", privateKey)).toBe("looks like a private key");
    });

    it("detects a literal on a variable whose name says secret", () => {
        expect(findCredential("STRIPE_API_KEY", "not-a-known-format")).toBe("variable name says it holds a secret");
        expect(findCredential("db_password", "changeme")).toBe("variable name says it holds a secret");
    });

    it("never puts the value in the reason", () => {
        for (const value of [AWS_KEY_ID, GITHUB_TOKEN, DB_URL, "changeme"]) {
            expect(findCredential("API_TOKEN", value)).not.toContain(value);
        }
    });

    it("passes ordinary settings and inert values on secret-named variables", () => {
        expect(findCredential("LOG_FORMAT", "json")).toBeUndefined();
        expect(findCredential("DATABASE_HOST", "db.internal")).toBeUndefined();
        expect(findCredential("DB_PASSWORD_FILE", "/run/secrets/db-password")).toBeUndefined();
        expect(findCredential("DB_PASSWORD", "$(DB_PASSWORD_FROM_SECRET)")).toBeUndefined();
        expect(findCredential("TOKEN_REFRESH_ENABLED", "true")).toBeUndefined();
        expect(findCredential("API_TOKEN", "")).toBeUndefined();
    });

    it("takes the ARN of a Secrets Manager secret or SSM parameter as a reference, not a secret", () => {
        expect(findCredential("DB_SECRET_ARN", "arn:aws:secretsmanager:us-east-1:123456789012:secret:app/db-AbCdEf")).toBeUndefined();
        expect(findCredential("API_TOKEN_PARAMETER", "arn:aws:ssm:us-east-1:123456789012:parameter/app/api-token")).toBeUndefined();
        expect(findCredential("DB_SECRET_ARN", "arn:aws:s3:::not-a-secret-store")).toBeDefined();
    });

    it("takes the name patterns from options", () => {
        expect(findCredential("LICENSE", "abc", { secretNamePatterns: ["LICENSE*"] })).toBe("variable name says it holds a secret");
        expect(findCredential("API_TOKEN", "abc", { secretNamePatterns: [] })).toBeUndefined();
        expect(nameSaysSecret("x_private_key_pem")).toBe(true);
    });
});
