// Reads a Pulumi project and its stack as the Pulumi CLI reads them (pkg/workspace in pulumi/pulumi):
// the stack named by `--stack`, its config file beside Pulumi.yaml or in `stackConfigDir`, and the
// project's config declarations. What the embedded preview cannot read as the CLI would (encrypted
// values, Pulumi ESC environments) is refused with one line, never skipped in silence.
import * as fs from "fs";
import * as path from "path";
import { parse } from "yaml";
import { visibleLine } from "../report/safe";
import { ProgramError } from "./program-error";
import { PythonRuntimeOptions, readPythonRuntime } from "./python/interpreter";
import { loadYamlProject, YamlProgramError, YamlProject } from "./yaml-program";
import type { StackState } from "../state/export";

export interface ProgramOptions {
    stack?: string;
    /** `key=value` overrides; keys without a namespace belong to the project. */
    config?: Record<string, string>;
    timeoutSeconds?: number;
    /** Told the number of resources registered so far, after each registration. */
    onRegistered?: (count: number) => void;
    /** Component types (globs) accepted unexpanded and unjudged when their provider plugin is missing. */
    allowUnexpanded?: string[];
    /** Told a notice for the user, one line (default: written to stderr; `--quiet` drops them). */
    onNotice?: (line: string) => void;
    /** The stack's last state (`--state`), which the run previews an update against. */
    state?: StackState;
}

/** Where notices go when the caller says nothing. */
export function noticeToStderr(line: string): void {
    process.stderr.write(`${line}\n`);
}

export interface Project {
    dir: string;
    name: string;
    main: string;
    config: Record<string, string>;
    secretKeys: string[];
    stack: string;
    /** Pulumi.yaml `runtime.options` the Node.js language host honours. */
    runtimeOptions: { typescript: boolean; tsconfig?: string; nodeargs: string[] };
    /** Set for a `runtime: python` project: Pulumi.yaml `runtime.options` the Python language host honours. */
    python?: PythonRuntimeOptions;
    /** Set for a `runtime: yaml` project, which runs through prodready's Pulumi YAML interpreter. */
    yaml?: YamlProject;
}

/** The stack read when `--stack` is not given; its config file is optional. */
const DEFAULT_STACK = "dev";

// The Pulumi CLI's rule for a stack's own name (pkg/backend: validateStackName).
const STACK_NAME = /^[A-Za-z0-9_.-]{1,100}$/;

function readYaml(file: string): any {
    try {
        return parse(fs.readFileSync(file, "utf8"));
    } catch (err) {
        throw new ProgramError(`${file}: ${(err as Error).message.split("\n")[0]}`);
    }
}

function qualify(key: string, project: string): string {
    return key.includes(":") ? key : `${project}:${key}`;
}

function isMapping(value: unknown): value is Record<string, unknown> {
    return value !== null && typeof value === "object" && !Array.isArray(value);
}

/** Reads the runtime options as the language host does: TypeScript on unless `typescript: false`. */
function runtimeOptions(options: any, projectFile: string): Project["runtimeOptions"] {
    const result: Project["runtimeOptions"] = { typescript: true, nodeargs: [] };
    if (options === undefined || options === null) {
        return result;
    }
    if (options.typescript !== undefined) {
        if (typeof options.typescript !== "boolean") {
            throw new ProgramError(`${projectFile}: runtime option typescript must be true or false`);
        }
        result.typescript = options.typescript;
    }
    if (options.tsconfig !== undefined) {
        if (typeof options.tsconfig !== "string") {
            throw new ProgramError(`${projectFile}: runtime option tsconfig must be a path`);
        }
        result.tsconfig = options.tsconfig;
    }
    if (options.nodeargs !== undefined) {
        if (typeof options.nodeargs !== "string") {
            throw new ProgramError(`${projectFile}: runtime option nodeargs must be a string`);
        }
        result.nodeargs = options.nodeargs.split(/\s+/).filter(Boolean);
    }
    return result;
}

/**
 * The stack's own name from `--stack` as the Pulumi CLI takes it: `name`, `org/name` or
 * `org/project/name`, where `project` must be the project of Pulumi.yaml.
 */
function stackName(reference: string, project: string, projectFile: string): string {
    const segments = reference.split("/");
    if (segments.length > 3 || segments.some((s) => s === "")) {
        throw new ProgramError(`--stack ${reference}: expected name, org/name or org/project/name`);
    }
    if (segments.length === 3 && segments[1] !== project) {
        throw new ProgramError(`--stack ${reference}: project ${segments[1]} does not match ${projectFile}, whose project is ${project}`);
    }
    const name = segments[segments.length - 1];
    if (!STACK_NAME.test(name)) {
        throw new ProgramError(`--stack ${reference}: a stack name has 1 to 100 letters, digits, hyphens, underscores or periods`);
    }
    return name;
}

/** The stack's config file: Pulumi.<stack>.yaml (the project file's extension) beside Pulumi.yaml or in `stackConfigDir`. */
function stackConfigFile(root: string, projectFile: string, project: any, stack: string): string {
    // Before `stackConfigDir`, a string `config:` named the directory; the CLI still reads it so.
    const legacyDir = typeof project.config === "string" ? project.config : undefined;
    if (legacyDir !== undefined && project.stackConfigDir !== undefined) {
        throw new ProgramError(`${projectFile}: config and stackConfigDir both name the stack config directory; keep only stackConfigDir`);
    }
    const dir = project.stackConfigDir ?? legacyDir ?? "";
    if (typeof dir !== "string") {
        throw new ProgramError(`${projectFile}: stackConfigDir must be a directory relative to the project`);
    }
    return path.join(root, dir, `Pulumi.${stack}${path.extname(projectFile)}`);
}

/** The Pulumi ESC environments a stack file's `environment:` imports (a list, or `imports:` of a definition), in words. */
function describeEnvironments(environment: unknown): string | undefined {
    const named = (entry: unknown) => (typeof entry === "string" ? [entry] : isMapping(entry) ? Object.keys(entry) : []);
    const imports = Array.isArray(environment) ? environment.flatMap(named)
        : isMapping(environment) && Array.isArray(environment.imports) ? environment.imports.flatMap(named) : [];
    if (imports.length > 0) {
        return `the Pulumi ESC environment${imports.length > 1 ? "s" : ""} ${imports.join(", ")}`;
    }
    return isMapping(environment) && Object.keys(environment).length > 0 ? "an inline Pulumi ESC environment" : undefined;
}

/** Reads the stack file's `config:`; an ESC environment is refused unless `--config` stand-ins replace it. */
function readStackConfig(file: string, stack: string, named: boolean, hasStandIns: boolean, notice: (line: string) => void): Record<string, unknown> {
    if (!fs.existsSync(file)) {
        if (named) {
            throw new ProgramError(`stack ${stack} has no config file: expected ${file}`);
        }
        return {};
    }
    const document = readYaml(file) ?? {};
    if (!isMapping(document)) {
        throw new ProgramError(`${file}: expected a mapping with config: and environment:`);
    }
    const which = describeEnvironments(document.environment);
    if (which !== undefined) {
        if (!hasStandIns) {
            throw new ProgramError(`${file}: the stack imports ${which}, which the embedded preview cannot open; ` +
                "pass stand-ins with --config key=value for the values the program reads, and the environment is skipped");
        }
        // Environment names come from a file nobody may have reviewed: keep them from driving the terminal.
        notice(visibleLine(`prodready: notice: ${file}: skipping ${which}, which the embedded preview cannot open; the program reads the --config stand-ins instead`));
    }
    const config = document.config ?? {};
    if (!isMapping(config)) {
        throw new ProgramError(`${file}: config must be a mapping of keys to values`);
    }
    return config;
}

/** A value the CLI would decrypt: a mapping whose only key is `secure`, holding the ciphertext. */
function isSecure(value: unknown): boolean {
    return isMapping(value) && Object.keys(value).length === 1 && typeof value.secure === "string";
}

/** Where the first encrypted value inside a config value is, as `pulumi config --path` names it. */
function securePath(value: unknown, at: string): string | undefined {
    if (isSecure(value)) {
        return at;
    }
    const entries: [string, unknown][] = Array.isArray(value)
        ? value.map((item, i) => [`${at}[${i}]`, item])
        : isMapping(value)
            ? Object.entries(value).map(([k, item]) => [/^[A-Za-z_][A-Za-z0-9_]*$/.test(k) ? `${at}.${k}` : `${at}[${JSON.stringify(k)}]`, item])
            : [];
    for (const [where, item] of entries) {
        const found = securePath(item, where);
        if (found !== undefined) {
            return found;
        }
    }
    return undefined;
}

/** Reads Pulumi.yaml and the stack's Pulumi.<stack>.yaml the way the CLI does, plus `--config` stand-ins. */
export function loadProject(dir: string, options: ProgramOptions = {}): Project {
    const root = path.resolve(dir);
    if (!fs.existsSync(root) || !fs.statSync(root).isDirectory()) {
        throw new ProgramError(`program directory ${root} does not exist`);
    }
    const projectFile = ["Pulumi.yaml", "Pulumi.yml"].map((f) => path.join(root, f)).find((f) => fs.existsSync(f));
    if (!projectFile) {
        throw new ProgramError(`${root} has no Pulumi.yaml: point prodready at a Pulumi project directory`);
    }
    const project = readYaml(projectFile) ?? {};
    if (typeof project.name !== "string") {
        throw new ProgramError(`${projectFile}: the project has no name`);
    }
    const runtime = typeof project.runtime === "string" ? project.runtime : project.runtime?.name;
    if (runtime !== "nodejs" && runtime !== "python" && runtime !== "yaml") {
        throw new ProgramError(`${projectFile}: runtime is ${JSON.stringify(runtime)}; the embedded preview runs nodejs, python and yaml programs only`);
    }
    const named = options.stack !== undefined;
    const stack = options.stack === undefined ? DEFAULT_STACK : stackName(options.stack, project.name, projectFile);
    const standIns = new Map(Object.entries(options.config ?? {}).map(([key, value]) => [qualify(key, project.name), value]));
    const declarations = typeof project.config === "string" ? {} : (project.config ?? {});
    if (!isMapping(declarations)) {
        throw new ProgramError(`${projectFile}: config must be a mapping of keys to declarations or values`);
    }
    const stackFile = stackConfigFile(root, projectFile, project, stack);
    const stackConfig = readStackConfig(stackFile, stack, named, standIns.size > 0, options.onNotice ?? noticeToStderr);

    const config: Record<string, string> = {};
    const secretKeys = new Set<string>();
    const set = (key: string, value: unknown, where: string) => {
        const qualified = qualify(key, project.name);
        const secure = securePath(value, key);
        if (secure !== undefined) {
            if (!standIns.has(qualified)) {
                const whole = secure === key ? "" : ` for the whole of ${key}`;
                throw new ProgramError(`${where}: ${secure} is an encrypted secret, which the embedded preview cannot decrypt; pass a stand-in${whole} with --config ${key}=...`);
            }
            // The CLI hands the program a decrypted value as a secret; the stand-in stays one.
            secretKeys.add(qualified);
        }
        config[qualified] = typeof value === "string" ? value : JSON.stringify(value);
    };
    const declaredSecret: string[] = [];
    const required: string[] = [];
    for (const [key, spec] of Object.entries(declarations)) {
        // A plain value is the short form of `default:`; where both are written the CLI takes the default.
        const declaration = isMapping(spec) ? spec : { default: spec };
        const qualified = qualify(key, project.name);
        const value = declaration.default !== undefined ? declaration.default : declaration.value;
        if (declaration.secret === true) {
            declaredSecret.push(qualified);
        }
        if (value !== undefined) {
            set(key, value, projectFile);
        } else if (qualified.startsWith(`${project.name}:`)) {
            required.push(key);
        }
    }
    for (const [key, value] of Object.entries(stackConfig)) {
        set(key, value, stackFile);
    }
    for (const [key, value] of standIns) {
        config[key] = value;
    }
    const missing = required.filter((key) => config[qualify(key, project.name)] === undefined);
    if (missing.length > 0) {
        throw new ProgramError(`stack ${stack} is missing configuration ${missing.length > 1 ? "values" : "value"} ${missing.join(", ")} that ${projectFile} declares without a default: ` +
            `set ${missing.length > 1 ? "them" : "it"} in ${stackFile} or pass ${missing.length > 1 ? "stand-ins" : "a stand-in"} with --config ${missing[0]}=...`);
    }
    for (const key of declaredSecret) {
        if (config[key] !== undefined) {
            secretKeys.add(key);
        }
    }
    return {
        dir: root,
        name: project.name,
        main: typeof project.main === "string" ? project.main : "",
        config,
        secretKeys: [...secretKeys].sort(),
        stack,
        runtimeOptions: runtimeOptions(project.runtime?.options, projectFile),
        ...(runtime === "python" ? { python: readPythonRuntime(project.runtime?.options, projectFile) } : {}),
        ...(runtime === "yaml" ? yamlProject(root, project.main) : {}),
    };
}

/** A YAML program runs as prodready's interpreter; the template is checked before anything starts. */
function yamlProject(root: string, main: unknown): Pick<Project, "yaml" | "main" | "runtimeOptions"> {
    try {
        const yaml = loadYamlProject(root, typeof main === "string" ? main : undefined);
        return { yaml, main: yaml.entry, runtimeOptions: yaml.runtimeOptions };
    } catch (err) {
        throw err instanceof YamlProgramError ? new ProgramError(err.message) : err;
    }
}
