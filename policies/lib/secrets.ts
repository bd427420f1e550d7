// Tells whether an environment variable holds a credential in plain text, for the policies that
// judge container, Lambda and ECS environments. Values are matched with secretlint's recommended
// rule set (@secretlint/secretlint-rule-preset-recommend, maintained with the secretlint CLI);
// names with glob patterns. A reason never contains the value.
import { matchGlob } from "./globs";
import { creator as recommended } from "@secretlint/secretlint-rule-preset-recommend";

/** Variable names that say they hold a secret. Globs, matched without regard to case. */
/** The checklist items a policy answers that keeps credentials out of a service's plain environment. */
export const ENVIRONMENT_SECRETS_CHECKLIST: readonly string[] = [
    "003.configuration.secrets-in-secret-manager", "004.environment-configuration.secrets-management", "001.authentication-security.api-key-in-secret-manager",
    "002.security-configuration.secrets-management", "002.environment-variables.database-url", "002.environment-variables.nextauth-secret",
    "002.environment-variables.openai-api-key", "002.environment-variables.encryption-master-key", "002.environment-variables.jwt-secret",
    "002.environment-variables.oauth2-provider-keys",
];

export const DEFAULT_SECRET_NAME_PATTERNS: readonly string[] = [
    "*PASSWORD*", "*PASSWD*", "*PASSPHRASE*", "*SECRET*", "*TOKEN*", "*API_KEY*", "*APIKEY*",
    "*PRIVATE_KEY*", "*ACCESS_KEY*", "*CREDENTIAL*", "*AUTH_KEY*", "*SIGNING_KEY*", "*ENCRYPTION_KEY*",
    "*MASTER_KEY*", "*CLIENT_KEY*",
];

export interface CredentialOptions {
    /** Globs for names that say a variable holds a secret; default DEFAULT_SECRET_NAME_PATTERNS. */
    secretNamePatterns?: readonly string[];
}

// The slice of secretlint's rule contract (@secretlint/types SecretLintRuleCreator) driven here.
// The recommended rules scan text synchronously, so one call runs them all without secretlint's
// asynchronous engine (policies validate synchronously).
interface Rule {
    meta: { id: string; type?: string };
    create(context: RuleContext, options: Record<string, unknown>): { file?: (source: Source) => unknown };
}
interface RuleContext {
    sharedOptions: Record<string, unknown>;
    createTranslator: (messages: unknown) => (messageId: string) => { id: string };
    report: (descriptor: { message: { id: string } }) => void;
    ignore: () => void;
}
interface Source {
    filePath: string;
    content: string;
    ext: string;
    contentType: "text";
}

// Rule options: the AWS rule only scans access key ids when asked.
const RULE_OPTIONS: Record<string, Record<string, unknown>> = {
    "@secretlint/secretlint-rule-aws": { enableIDScanRule: true },
};

// What a finding looks like, by secretlint message id, else by rule.
const FINDINGS: Record<string, string> = {
    AWSAccessKeyID: "an AWS access key id",
    AWSSecretAccessKey: "an AWS secret access key",
    AWSAccountID: "an AWS account id",
    PrivateKey: "a private key",
    BasicAuth: "a URL with an embedded password",
};
const PROVIDERS: Record<string, string> = {
    "1password": "1Password", anthropic: "Anthropic", aws: "AWS", databricks: "Databricks",
    docker: "Docker registry", figma: "Figma",
    gcp: "Google Cloud", github: "GitHub", gitlab: "GitLab", grafana: "Grafana", groq: "Groq",
    "hashicorp-vault": "HashiCorp Vault", huggingface: "Hugging Face", linear: "Linear", notion: "Notion",
    npm: "npm", openai: "OpenAI", sendgrid: "SendGrid", shopify: "Shopify", slack: "Slack", vercel: "Vercel",
};

const RULE_PREFIX = "@secretlint/secretlint-rule-";

function describeFinding(ruleId: string, messageId: string): string {
    const rule = ruleId.startsWith(RULE_PREFIX) ? ruleId.slice(RULE_PREFIX.length) : ruleId;
    if (rule === "database-connection-string") {
        return "a database connection string with credentials";
    }
    return FINDINGS[messageId] ?? `a ${PROVIDERS[rule] ?? rule} credential`;
}

const SCANNERS: ReadonlyArray<{ id: string; rule: Rule }> = (recommended.rules as unknown as Rule[])
    .filter((rule) => (rule.meta.type ?? "scanner") === "scanner")
    .map((rule) => ({ id: rule.meta.id, rule }));

/** The first secretlint finding in `NAME=value` (dotenv form, as the rules expect), described. */
function scanValue(name: string, value: string): string | undefined {
    const source: Source = { filePath: ".env", content: `${name}=${value}\n`, ext: ".env", contentType: "text" };
    for (const { id, rule } of SCANNERS) {
        let found: string | undefined;
        const context: RuleContext = {
            sharedOptions: {},
            createTranslator: () => (messageId) => ({ id: messageId }),
            report: (descriptor) => { found ??= descriptor.message.id; },
            ignore: () => undefined,
        };
        const result = rule.create(context, RULE_OPTIONS[id] ?? {}).file?.(source);
        if (result instanceof Promise) {
            // Only binary-file scanners are asynchronous; text never reaches them. Never let one reject unhandled.
            result.catch(() => undefined);
        }
        if (found !== undefined) {
            return describeFinding(id, found);
        }
    }
    return undefined;
}

// Values that cannot be a credential even on a variable named like one: nothing, a Kubernetes
// `$(OTHER_VAR)` reference, an absolute path (a mounted secret file), a boolean switch, or the ARN
// of a Secrets Manager secret or SSM parameter (the reference the remediation asks for).
function isInertValue(value: string): boolean {
    const trimmed = value.trim();
    return trimmed === ""
        || /^(\$\([A-Za-z_][A-Za-z0-9_]*\))+$/.test(trimmed)
        || /^\/[^\s:]*$/.test(trimmed)
        || /^(true|false)$/i.test(trimmed)
        || /^arn:aws[a-z-]*:(secretsmanager|ssm):[a-z0-9-]+:\d{12}:(secret:|parameter\/)\S+$/.test(trimmed);
}

// Workloads repeat the same variables (LOG_LEVEL=info on every container), and every secretlint
// rule reads each one: scan a (name, value) pair once. Long values are scanned each time.
const MAX_REMEMBERED_VALUE = 4096;
const scanned = new Map<string, string | null>();

function scannedValue(name: string, value: string): string | undefined {
    if (value.length > MAX_REMEMBERED_VALUE) {
        return scanValue(name, value);
    }
    const key = `${name}\u0000${value}`;
    let finding = scanned.get(key);
    if (finding === undefined) {
        if (scanned.size >= 10000) {
            scanned.clear();
        }
        finding = scanValue(name, value) ?? null;
        scanned.set(key, finding);
    }
    return finding ?? undefined;
}

/** True when the variable name matches one of the secret-name globs. */
export function nameSaysSecret(name: string, patterns: readonly string[] = DEFAULT_SECRET_NAME_PATTERNS): boolean {
    return patterns.some((pattern) => matchGlob(name, pattern, { nocase: true, dot: true }));
}

/**
 * Why a variable's literal value is a credential in plain text, or undefined when it is not.
 * The reason ("looks like an AWS access key id", "variable name says it holds a secret") never
 * contains the value.
 */
export function findCredential(name: string, value: string, options: CredentialOptions = {}): string | undefined {
    if (typeof value !== "string" || isInertValue(value)) {
        return undefined;
    }
    const finding = scannedValue(name, value);
    if (finding) {
        return `looks like ${finding}`;
    }
    if (nameSaysSecret(name, options.secretNamePatterns)) {
        return "variable name says it holds a secret";
    }
    return undefined;
}
