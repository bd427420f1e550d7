// Resource provider plugins started as the Pulumi engine starts them, for the two things a preview
// cannot do without the provider's own code: constructing a remote (multi-language) component, whose
// children the provider registers, and answering a function the provider computes locally (a Helm
// chart's rendering, a kustomize build).
import * as grpc from "@grpc/grpc-js";
import type { ChildProcess } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { packageRoot } from "../paths";
import { killChild, startChild } from "./child-processes";

/* eslint-disable @typescript-eslint/no-require-imports */
const providerRpc = require("@pulumi/pulumi/proto/provider_grpc_pb");
const provproto = require("@pulumi/pulumi/proto/provider_pb");
const { Struct } = require("google-protobuf/google/protobuf/struct_pb");

const MAX_MESSAGE_BYTES = 400 * 1024 * 1024;
/** Runs a plugin in a process group that ends with prodready, SIGKILL included (see the file). */
const PLUGIN_HOST = path.join(packageRoot(), "src", "program", "preload", "plugin-host.js");
/** How long a plugin may take to print its port, as the engine waits for it. */
const START_TIMEOUT_MS = 60_000;

/** The package a type or function token belongs to: `kubernetes:yaml/v2:ConfigGroup` -> `kubernetes`. */
export function packageOf(token: string): string {
    return token.split(":")[0];
}

function executable(file: string): boolean {
    try {
        fs.accessSync(file, fs.constants.X_OK);
        return fs.statSync(file).isFile();
    } catch {
        return false;
    }
}

/** Orders `1.2.10` after `1.2.9`; anything unparsable sorts first. */
function compareVersions(a: string, b: string): number {
    const parts = (v: string) => v.replace(/^v/, "").split(/[.+-]/).map((p) => (/^\d+$/.test(p) ? Number(p) : -1));
    const [x, y] = [parts(a), parts(b)];
    for (let i = 0; i < Math.max(x.length, y.length); i++) {
        const d = (x[i] ?? -1) - (y[i] ?? -1);
        if (d !== 0) {
            return d;
        }
    }
    return 0;
}

/** The requested version's directory among `prefix<version>` entries of a folder, else the newest. */
function versionedEntry(dir: string, prefix: string, version: string | undefined): string | undefined {
    let names: string[];
    try {
        names = fs.readdirSync(dir).filter((n) => n.startsWith(prefix));
    } catch {
        return undefined;
    }
    const wanted = version ? names.find((n) => n.slice(prefix.length).replace(/^v/, "") === version.replace(/^v/, "")) : undefined;
    if (wanted) {
        return path.join(dir, wanted);
    }
    const newest = names.sort((a, b) => compareVersions(a.slice(prefix.length), b.slice(prefix.length))).pop();
    return newest ? path.join(dir, newest) : undefined;
}

/**
 * Finds `pulumi-resource-<pkg>` where the engine finds it: on the PATH (an ambient plugin, unless
 * PULUMI_IGNORE_AMBIENT_PLUGINS is set), then in the plugin cache under PULUMI_HOME (the version the
 * SDK asked for, else the newest); then where scripts/install-kubernetes-provider.sh builds it.
 */
export function locateProviderPlugin(pkg: string, version: string | undefined, env: NodeJS.ProcessEnv = process.env): string | undefined {
    const binary = `pulumi-resource-${pkg}`;
    if (!env.PULUMI_IGNORE_AMBIENT_PLUGINS) {
        for (const dir of (env.PATH ?? "").split(path.delimiter).filter(Boolean)) {
            if (executable(path.join(dir, binary))) {
                return path.join(dir, binary);
            }
        }
    }
    const home = env.PULUMI_HOME || path.join(os.homedir(), ".pulumi");
    const cached = versionedEntry(path.join(home, "plugins"), `resource-${pkg}-v`, version);
    if (cached && executable(path.join(cached, binary))) {
        return path.join(cached, binary);
    }
    // Builds are named <module version>-<reported version>.
    const builds = path.join(env.PRODREADY_CACHE || path.join(os.homedir(), ".cache", "prodready"), `${pkg}-provider`);
    let names: string[] = [];
    try {
        names = fs.readdirSync(builds).filter((n) => executable(path.join(builds, n, "bin", binary)));
    } catch {
        return undefined;
    }
    const match = (version && names.find((n) => n.endsWith(`-${version}`))) || names.sort().pop();
    return match ? path.join(builds, match, "bin", binary) : undefined;
}

/**
 * Settings a package's plugin needs to work offline, applied over the program's own provider config.
 * The Kubernetes provider renders instead of applying when `renderYamlToDirectory` is set: its
 * components then expand without a cluster, from the objects alone (the provider's own offline mode),
 * and it never reads the user's kubeconfig, so a preview cannot reach a real cluster.
 */
const OFFLINE_SETTINGS: Record<string, (scratch: string) => { config: Record<string, string>; drop: string[]; env: Record<string, string | undefined> }> = {
    kubernetes: (scratch) => ({
        config: { renderYamlToDirectory: path.join(scratch, "rendered") },
        drop: ["kubeconfig", "context", "cluster"],
        env: { KUBECONFIG: path.join(scratch, "no-kubeconfig"), KUBERNETES_SERVICE_HOST: undefined, KUBERNETES_SERVICE_PORT: undefined },
    }),
};

/** Packages whose functions run locally in the plugin (rendering, not a cloud lookup). */
const LOCAL_FUNCTION_PACKAGES = new Set(["kubernetes"]);

export function answersFunctionsLocally(pkg: string): boolean {
    return LOCAL_FUNCTION_PACKAGES.has(pkg);
}

type Client = any;

function call<T>(client: Client, method: string, request: unknown): Promise<T> {
    return new Promise((resolve, reject) => {
        client[method](request, (err: grpc.ServiceError | null, response: T) => (err ? reject(new Error(err.details || err.message)) : resolve(response)));
    });
}

/** One running, configured instance of a provider plugin. */
export interface ProviderInstance {
    pkg: string;
    path: string;
    construct(request: unknown): Promise<any>;
    invoke(token: string, args: Record<string, unknown>): Promise<Record<string, unknown>>;
}

interface Started {
    child: ChildProcess;
    client: Client;
}

/** Starts a plugin with the engine's address as its argument and reads the port it prints. */
function startPlugin(binary: string, engineAddress: string, cwd: string, env: NodeJS.ProcessEnv): Promise<Started> {
    const child = startChild(process.execPath, [PLUGIN_HOST, binary, engineAddress], { cwd, env, processGroup: true });
    const stderr: string[] = [];
    child.stderr!.setEncoding("utf8");
    child.stderr!.on("data", (chunk: string) => stderr.push(...chunk.split("\n").filter((l) => l.trim())));
    return new Promise((resolve, reject) => {
        let out = "";
        const fail = (why: string) => {
            clearTimeout(timer);
            killChild(child);
            reject(new Error(`${path.basename(binary)} ${why}${stderr.length ? `: ${stderr[stderr.length - 1]}` : ""}`));
        };
        const timer = setTimeout(() => fail(`printed no port within ${START_TIMEOUT_MS / 1000} s`), START_TIMEOUT_MS);
        child.on("error", (err) => fail(`could not start (${err.message})`));
        child.on("exit", (code) => fail(`exited with code ${code} before it served`));
        child.stdout!.setEncoding("utf8");
        child.stdout!.on("data", (chunk: string) => {
            out += chunk;
            const port = out.split("\n").map((l) => l.trim()).find((l) => /^\d+$/.test(l));
            if (!port) {
                return;
            }
            clearTimeout(timer);
            child.removeAllListeners("exit");
            child.stdout!.removeAllListeners("data");
            child.stdout!.resume();
            const client = new providerRpc.ResourceProviderClient(`127.0.0.1:${port}`, grpc.credentials.createInsecure(), {
                "grpc.max_receive_message_length": MAX_MESSAGE_BYTES,
                "grpc.max_send_message_length": MAX_MESSAGE_BYTES,
            });
            resolve({ child, client });
        });
    });
}

/** What a provider instance is configured with: the provider resource's inputs, or the stack's `<pkg>:*` config. */
export interface ProviderSettings {
    /** The provider's config keys without the package prefix, values as the engine passes them (strings, JSON for others). */
    config: Record<string, string>;
    /** Set for an explicit provider resource. */
    urn?: string;
    name?: string;
}

/**
 * The plugins of one preview: each started once per package and configured once per provider
 * (default or explicit), ended with the run.
 */
export class ProviderPlugins {
    private readonly instances = new Map<string, Promise<ProviderInstance>>();
    private readonly started: ChildProcess[] = [];
    private scratch: string | undefined;

    constructor(private readonly engineAddress: () => string, private readonly cwd: string) {}

    /** A configured instance, or undefined when no plugin for the package can be found. */
    instance(pkg: string, version: string | undefined, settings: ProviderSettings): Promise<ProviderInstance> | undefined {
        const key = `${pkg}\u0000${settings.urn ?? "default"}`;
        let instance = this.instances.get(key);
        if (!instance) {
            const binary = locateProviderPlugin(pkg, version);
            if (!binary) {
                return undefined;
            }
            instance = this.configure(pkg, binary, settings);
            this.instances.set(key, instance);
        }
        return instance;
    }

    private async configure(pkg: string, binary: string, settings: ProviderSettings): Promise<ProviderInstance> {
        this.scratch ??= fs.mkdtempSync(path.join(os.tmpdir(), "prodready-plugins-"));
        const offline = OFFLINE_SETTINGS[pkg]?.(this.scratch);
        const env: NodeJS.ProcessEnv = { ...process.env };
        for (const [key, value] of Object.entries(offline?.env ?? {})) {
            if (value === undefined) {
                delete env[key];
            } else {
                env[key] = value;
            }
        }
        const { child, client } = await startPlugin(binary, this.engineAddress(), this.cwd, env);
        this.started.push(child);
        const config: Record<string, string> = { ...settings.config, ...(offline?.config ?? {}) };
        for (const key of offline?.drop ?? []) {
            delete config[key];
        }
        const request = new provproto.ConfigureRequest();
        const variables = request.getVariablesMap();
        const args: Record<string, unknown> = {};
        for (const [key, value] of Object.entries(config)) {
            variables.set(`${pkg}:config:${key}`, value);
            args[key] = parseConfigValue(value);
        }
        request.setArgs(Struct.fromJavaScript(args));
        request.setAcceptsecrets(true);
        request.setAcceptresources(true);
        request.setSendsOldInputs(true);
        request.setSendsOldInputsToDelete(true);
        request.setType(`pulumi:providers:${pkg}`);
        request.setName(settings.name ?? `default`);
        if (settings.urn) {
            request.setUrn(settings.urn);
        }
        try {
            await call(client, "configure", request);
        } catch (err) {
            throw new Error(`the ${pkg} provider plugin (${binary}) refused its config: ${(err as Error).message}`);
        }
        return {
            pkg,
            path: binary,
            construct: (construct) => call(client, "construct", construct),
            invoke: async (token, inputs) => {
                const invoke = new provproto.InvokeRequest();
                invoke.setTok(token);
                invoke.setArgs(Struct.fromJavaScript(inputs));
                invoke.setPreview(true);
                const response: any = await call(client, "invoke", invoke);
                const failures: string[] = response.getFailuresList().map((f: any) => `${f.getProperty()}: ${f.getReason()}`);
                if (failures.length > 0) {
                    throw new Error(failures.join("; "));
                }
                return response.getReturn()?.toJavaScript() ?? {};
            },
        };
    }

    /** Ends every plugin: the engine cancels them, then kills what is left. */
    close(): void {
        for (const child of this.started) {
            killChild(child);
        }
        this.started.length = 0;
        this.instances.clear();
        if (this.scratch) {
            fs.rmSync(this.scratch, { recursive: true, force: true });
            this.scratch = undefined;
        }
    }
}

/** Config values travel as strings; the engine passes objects, lists, numbers and booleans as their JSON. */
function parseConfigValue(value: string): unknown {
    if (/^(true|false|null|-?\d+(\.\d+)?)$/.test(value) || /^[[{]/.test(value)) {
        try {
            return JSON.parse(value);
        } catch {
            return value;
        }
    }
    return value;
}
