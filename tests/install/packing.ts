// What the install tests share: npm run as a user runs it, and the packages packed as they would be
// published (from the build `npm test` makes: dist/ and policies/bin/).
//
// Installs prefer npm's cache (filled by `npm ci`) and use the registry only for what it lacks.
// PRODREADY_INSTALL_TEST_SDK=<version> gives the project another @pulumi/pulumi than prodready's.
import { spawn, spawnSync } from "child_process";
import * as fs from "fs";
import * as path from "path";

export const ROOT = path.resolve(__dirname, "..", "..");

export function readJson(file: string) {
    return JSON.parse(fs.readFileSync(file, "utf8"));
}

export const ROOT_PACKAGE = readJson(path.join(ROOT, "package.json"));
export const PACK_PACKAGE = readJson(path.join(ROOT, "policies", "package.json"));
export const SDK_VERSION: string = process.env.PRODREADY_INSTALL_TEST_SDK ?? ROOT_PACKAGE.dependencies["@pulumi/pulumi"];

/** The version `npm ci` installed here, so a test project's install finds it in npm's cache. */
export function installedVersion(name: string): string {
    return readJson(path.join(ROOT, "node_modules", name, "package.json")).version;
}

/**
 * npm as a user runs it: not as a script of this repository (`npm test` points npm at the
 * repository). `npx` runs only what the project installed, never a download of the same name.
 */
export function npmEnvironment(): NodeJS.ProcessEnv {
    const env: NodeJS.ProcessEnv = { ...process.env, npm_config_audit: "false", npm_config_fund: "false", npm_config_update_notifier: "false", npm_config_yes: "false" };
    for (const key of Object.keys(env)) {
        if (key === "INIT_CWD" || key === "npm_config_local_prefix" || /^npm_(package|lifecycle)_/.test(key)) {
            delete env[key];
        }
    }
    return env;
}

export interface Result {
    code: number | null;
    stdout: string;
    stderr: string;
}

/** Runs a command without blocking the test process, so independent installs overlap. */
export function run(command: string, args: string[], cwd: string, timeoutMs = 150_000): Promise<Result> {
    return new Promise((resolve, reject) => {
        const child = spawn(command, args, { cwd, env: npmEnvironment(), stdio: ["ignore", "pipe", "pipe"], timeout: timeoutMs });
        let stdout = "";
        let stderr = "";
        child.stdout.on("data", (chunk) => { stdout += chunk; });
        child.stderr.on("data", (chunk) => { stderr += chunk; });
        child.on("error", reject);
        child.on("close", (code) => resolve({ code, stdout, stderr }));
    });
}

export async function succeed(command: string, args: string[], cwd: string, timeoutMs?: number): Promise<string> {
    const result = await run(command, args, cwd, timeoutMs);
    if (result.code !== 0) {
        throw new Error(`${command} ${args.join(" ")} in ${cwd} exited ${result.code}:\n${result.stderr.slice(-3000)}`);
    }
    return result.stdout;
}

export interface Packed {
    tarball: string;
    size: number;
    files: string[];
}

/** Packs the package in `dir` into `destination`, from the build that is there. */
export async function pack(dir: string, destination: string): Promise<Packed> {
    if (!fs.existsSync(path.join(ROOT, "dist", "src", "cli.js")) || !fs.existsSync(path.join(ROOT, "policies", "bin", "index.js"))) {
        throw new Error("no build to pack: run npm run build");
    }
    // The build is the one `npm test` made; scripts would rebuild it under other running suites.
    const [info] = JSON.parse(await succeed("npm", ["pack", "--ignore-scripts", "--json", "--pack-destination", destination], dir));
    return { tarball: path.join(destination, info.filename), size: info.size, files: info.files.map((f: { path: string }) => f.path) };
}

/** Whether npm can get packages, from its cache or the registry; CI must, so it never skips there. */
function npmReachesPackages(): boolean {
    const probe = spawnSync("npm", ["view", `@pulumi/pulumi@${SDK_VERSION}`, "version", "--prefer-offline"], { env: npmEnvironment(), encoding: "utf8", timeout: 60_000 });
    return probe.status === 0 && probe.stdout.trim() === SDK_VERSION;
}

const REACHABLE = process.env.CI ? true : npmReachesPackages();
if (!REACHABLE) {
    console.log(`Install tests skipped: npm reaches neither its cache nor the registry for @pulumi/pulumi@${SDK_VERSION}`);
}

/** `describe` for suites that install packages: skipped, saying why, when npm can get none. */
export const withNpm = REACHABLE ? describe : describe.skip;
