// The runtime configuration a service receives through its environment, read the same way from
// ECS container definitions, Kubernetes containers and Lambda functions, and the two things the
// checklists ask of it in production: settings that say "production" (002, 003, 004: NODE_ENV /
// ENVIRONMENT production, LOG_LEVEL info, DEBUG false), and the settings they name as secrets
// (002's DATABASE_URL, NEXTAUTH_SECRET, JWT_SECRET, ...) taken from a secret store, never written
// as a value. Values are read only for the variables a judgement is about, so a value unknown
// during preview in an unrelated variable does not hide the verdict.
import type { Setting } from "./define";
import { globProblem, matchGlob } from "./globs";
import { at, given, isRecord, Props, record, records, text } from "./values";

/** Where a variable's value comes from. */
export type EnvSource =
    /** A value written in the resource (ECS `environment`, Kubernetes `value`, Lambda `variables`). */
    | "literal"
    /** A secret store (ECS `secrets[].valueFrom`, Kubernetes `valueFrom.secretKeyRef`). */
    | "secret"
    /** Another reference (Kubernetes configMapKeyRef, fieldRef, resourceFieldRef). */
    | "reference";

export interface EnvVariable {
    name: string;
    source: EnvSource;
    /** The literal value (a string, or what the program wrote); read only when called. */
    value: () => unknown;
}

/** The variables of an ECS container definition: `environment` (literal) and `secrets` (from the secret store). */
export function ecsEnvironment(container: Props): EnvVariable[] {
    const literal = records(container.environment).map((variable): EnvVariable | undefined => {
        const name = text(variable.name);
        return name === undefined ? undefined : { name, source: "literal", value: () => variable.value };
    });
    const secrets = records(container.secrets).map((variable): EnvVariable | undefined => {
        const name = text(variable.name);
        return name === undefined ? undefined : { name, source: "secret", value: () => undefined };
    });
    return [...literal, ...secrets].filter((v): v is EnvVariable => v !== undefined);
}

/**
 * One item of a Kubernetes container's `env` (`envFrom` names whole objects, not variables), or
 * undefined when it names no variable. Read item by item, so an item unknown during preview hides no other.
 */
export function kubernetesVariable(item: unknown): EnvVariable | undefined {
    const variable = record(item);
    const name = text(variable?.name);
    if (variable === undefined || name === undefined) {
        return undefined;
    }
    const from = record(variable.valueFrom);
    if (from !== undefined) {
        return { name, source: isRecord(from.secretKeyRef) ? "secret" : "reference", value: () => undefined };
    }
    return { name, source: "literal", value: () => variable.value };
}

/** The variables of a Lambda function's `environment.variables`: all literal. */
export function lambdaEnvironment(props: Props): EnvVariable[] {
    const variables = record(at(props, "environment", "variables")) ?? {};
    return Object.keys(variables).map((name) => ({ name, source: "literal", value: () => variables[name] }));
}

/**
 * True when one of the globs (any case, as the secret-name globs) names the variable. A glob that
 * globs.ts rejects (an unclosed bracket, a brace range of thousands of names) is compared as the
 * plain name it spells instead, so a typo still names the variable it was meant for.
 */
export function nameMatches(name: string, patterns: readonly string[]): boolean {
    return patterns.some((pattern) => (globProblem(pattern) === undefined
        ? matchGlob(name, pattern, { nocase: true, dot: true })
        : name.toLowerCase() === pattern.toLowerCase()));
}

/** A literal value as text: strings as they are, numbers and booleans as a manifest writes them. */
function literalText(value: unknown): string | undefined {
    return typeof value === "number" || typeof value === "boolean" ? String(value) : text(value);
}

/**
 * Quotes a short switch-like value ("development", "debug"); anything else is described by its
 * length, never printed: the variable is chosen by a configurable name glob, so it may hold a secret.
 */
function quoted(value: string): string {
    return /^[A-Za-z0-9_.:-]{1,32}$/.test(value) ? `"${value}"` : `a ${value.length}-character value (not shown, as an environment value may hold a secret)`;
}

// ---- Production settings: environment name, log level, debug switch ----

/** The settings of a policy that judges production settings (the same for ECS, Kubernetes and Lambda). */
export const PRODUCTION_SETTINGS = {
    environmentVariables: {
        type: "array", items: { type: "string" },
        default: ["NODE_ENV", "ENVIRONMENT", "APP_ENV", "RAILS_ENV", "RACK_ENV", "FLASK_ENV", "ASPNETCORE_ENVIRONMENT", "DOTNET_ENVIRONMENT", "MIX_ENV", "GO_ENV"],
        description: "Globs (any case) for variables that name the deployment environment. Default: 002's and 004's NODE_ENV, 003's ENVIRONMENT, and the same switch of other common frameworks (Rails, Rack, Flask, ASP.NET Core, Elixir, Go).",
    },
    productionValues: {
        type: "array", items: { type: "string" },
        default: ["production", "prod"],
        description: "Values (any case) such a variable may have. Default production: 002 (NODE_ENV), 003 (ENVIRONMENT) and 004 (NODE_ENV) ask for \"production\"; \"prod\" is its common short form.",
    },
    logLevelVariables: {
        type: "array", items: { type: "string" },
        default: ["LOG_LEVEL", "LOGLEVEL", "LOGGING_LEVEL"],
        description: "Globs (any case) for variables that set the log level. Default LOG_LEVEL, named by 003 and 004, and its common spellings.",
    },
    allowedLogLevels: {
        type: "array", items: { type: "string" },
        default: ["info", "notice", "warn", "warning", "error", "err", "critical", "crit", "fatal", "alert", "emerg", "emergency", "panic", "off", "silent", "none"],
        description: "Log levels (any case) accepted in production. Default info and every less verbose level: 003 sets LOG_LEVEL=info (\"info or warning, not debug\") and 004 \"info in prod, debug in dev\"; debug, trace, verbose and the like are rejected.",
    },
    debugVariables: {
        type: "array", items: { type: "string" },
        default: ["DEBUG", "APP_DEBUG", "FLASK_DEBUG", "DJANGO_DEBUG"],
        description: "Globs (any case) for variables that switch debug mode on. Default DEBUG, named by 003, and the debug switches of common frameworks.",
    },
    debugOffValues: {
        type: "array", items: { type: "string" },
        default: ["false", "0", "no", "off"],
        description: "Values (any case) such a variable may have in production. Default false and its spellings: 003 sets DEBUG=false. Any other value (true, 1, or the namespaces of Node's debug module such as \"*\") turns debug output on.",
    },
} as const satisfies Record<string, Setting>;

export interface ProductionConfig {
    readonly environmentVariables: readonly string[];
    readonly productionValues: readonly string[];
    readonly logLevelVariables: readonly string[];
    readonly allowedLogLevels: readonly string[];
    readonly debugVariables: readonly string[];
    readonly debugOffValues: readonly string[];
}

function oneOf(value: string, accepted: readonly string[]): boolean {
    const lower = value.trim().toLowerCase();
    return accepted.some((a) => a.toLowerCase() === lower);
}

/**
 * What is wrong with the literal variables that set the environment name, the log level or debug
 * mode, one phrase each ("sets NODE_ENV to \"development\", not a production value: set it to
 * production"). Variables set from a secret or reference, or not set, are not judged.
 */
export function productionProblems(variables: readonly EnvVariable[], config: ProductionConfig): string[] {
    const problems: string[] = [];
    for (const variable of variables) {
        if (variable.source !== "literal") {
            continue;
        }
        const { name } = variable;
        const rules: Array<[readonly string[], readonly string[], (value: string) => string]> = [
            [config.environmentVariables, config.productionValues,
                (v) => `sets ${name} to ${quoted(v)}, not a production environment: set it to ${config.productionValues[0] ?? "production"}`],
            [config.logLevelVariables, config.allowedLogLevels,
                (v) => `sets ${name} to ${quoted(v)}, a log level too verbose for production: set it to ${config.allowedLogLevels[0] ?? "info"} or less verbose`],
            [config.debugVariables, config.debugOffValues,
                (v) => `sets ${name} to ${quoted(v)}, which turns debug mode on: set it to ${config.debugOffValues[0] ?? "false"} or remove it`],
        ];
        for (const [names, accepted, problem] of rules) {
            if (!nameMatches(name, names)) {
                continue;
            }
            const value = literalText(given(variable.value()));
            if (value !== undefined && !oneOf(value, accepted)) {
                problems.push(problem(value));
            }
            break;
        }
    }
    return problems;
}

// ---- Settings the checklists name as secrets ----

/** Names the checklists give to secrets, which must come from a secret store whatever their value. */
export const DEFAULT_SECRET_STORE_NAMES: readonly string[] = [
    "DATABASE_URL", "*_DATABASE_URL", "MONGODB_URI", "NEXTAUTH_SECRET", "JWT_SECRET", "ENCRYPTION_MASTER_KEY", "API_KEY_SALT",
    "*_API_KEY", "*_CLIENT_SECRET",
];

/** The `secretStoreNames` setting of the plain-text secret policies. */
export const SECRET_STORE_NAMES_SETTING = {
    type: "array", items: { type: "string" },
    default: [...DEFAULT_SECRET_STORE_NAMES],
    description: "Globs (any case) for settings that must come from the secret store even when their value does not look like a credential. Default: the secrets 002 lists as environment variables (DATABASE_URL, NEXTAUTH_SECRET, OPENAI_API_KEY, ENCRYPTION_MASTER_KEY, JWT_SECRET, OAuth2 client secrets), 003's GROQ_API_KEY and 004's MONGODB_URI, OPENAI_API_KEY, JWT_SECRET and API_KEY_SALT.",
} as const satisfies Setting;

/** A value that only refers to other variables (Kubernetes `$(NAME)`), so it holds no secret itself. */
export function isVariableReference(value: string): boolean {
    return /^(\$\([A-Za-z_][A-Za-z0-9_]*\))+$/.test(value.trim());
}

/** The ARN of a Secrets Manager secret or an SSM parameter: a pointer to the secret store, not the secret. */
export function isSecretStoreArn(value: string): boolean {
    return /^arn:aws[a-z-]*:(secretsmanager|ssm):[a-z0-9-]+:\d{12}:(secret:|parameter\/)\S+$/.test(value.trim());
}

/**
 * Why a variable named as a secret does not come from the secret store, or undefined: it is
 * written as a value (`accepts` may allow pointers such as a secret ARN) or taken from something
 * that is not a secret store. Never contains the value.
 */
export function secretStoreProblem(variable: EnvVariable, patterns: readonly string[], accepts: (value: string) => boolean = () => false): string | undefined {
    if (variable.source === "secret" || !nameMatches(variable.name, patterns)) {
        return undefined;
    }
    if (variable.source === "reference") {
        return "takes it from a reference that is not a secret store";
    }
    const value = given(variable.value());
    if (value === undefined) {
        return undefined;
    }
    const literal = literalText(value);
    return literal !== undefined && accepts(literal) ? undefined : "writes its value in the resource";
}
