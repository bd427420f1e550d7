// Runs one Node.js Pulumi program many times in one process, the way the Automation API runs an
// inline program: the SDKs and the TypeScript compiler load once, and each run gets a fresh SDK
// state (the language host's environment read anew), the program's own modules loaded again, and
// the arguments and variables `@pulumi/pulumi/cmd/run` would get as a new process. Started with
// the same `node -r` preloads as that process; the parent sends {args, env} over IPC and is
// answered {code} once the run has finished and the engine has been told so.
"use strict";
const fs = require("fs");
const path = require("path");

const sdkDir = path.dirname(require.resolve("@pulumi/pulumi/package.json", { paths: [process.cwd()] }));
const sdk = (module) => require(path.join(sdkDir, module));
const settings = sdk("runtime/settings");
const stack = sdk("runtime/stack");
const state = sdk("runtime/state");
const log = sdk("log");
const errors = sdk("errors");
const tsutils = sdk("tsutils");
const { defaultErrorMessage } = sdk("cmd/run/error");

/** The language host's flags, as cmd/run/index.js turns them into the SDK's environment. */
const FLAG_VARIABLES = {
    organization: "PULUMI_NODEJS_ORGANIZATION",
    project: "PULUMI_NODEJS_PROJECT",
    "root-directory": "PULUMI_NODEJS_ROOT_DIRECTORY",
    stack: "PULUMI_NODEJS_STACK",
    "dry-run": "PULUMI_NODEJS_DRY_RUN",
    parallel: "PULUMI_NODEJS_PARALLEL",
    monitor: "PULUMI_NODEJS_MONITOR",
    engine: "PULUMI_NODEJS_ENGINE",
};

function parseArgs(args) {
    const flags = {};
    const positional = [];
    for (let i = 0; i < args.length; i++) {
        const arg = args[i];
        if (!arg.startsWith("--")) {
            positional.push(arg);
        } else if (arg === "--dry-run") {
            flags["dry-run"] = "true";
        } else {
            flags[arg.slice(2)] = args[++i];
        }
    }
    return { flags, program: positional[0] };
}

/** Replaces this process's environment with a run's, in place (the SDK reads `process.env`). */
function useEnvironment(env) {
    for (const key of Object.keys(process.env)) {
        if (!(key in env)) {
            delete process.env[key];
        }
    }
    Object.assign(process.env, env);
}

let typeScriptRegistered = false;

/** ts-node, registered once with the options cmd/run/run.js gives it for a CommonJS program. */
function registerTypeScript() {
    if (typeScriptRegistered || process.env.PULUMI_NODEJS_TYPESCRIPT !== "true") {
        return;
    }
    typeScriptRegistered = true;
    const tsConfigPath = process.env.PULUMI_NODEJS_TSCONFIG_PATH ?? "tsconfig.json";
    const compilerOptions = tsutils.loadTypeScriptCompilerOptions(tsConfigPath);
    const transpileOnlyEnv = process.env.PULUMI_NODEJS_TRANSPILE_ONLY;
    const { tsnodeRequire, typescriptRequire } = tsutils.typeScriptRequireStrings();
    const service = require(tsnodeRequire).register({
        compiler: typescriptRequire,
        transpileOnly: transpileOnlyEnv ? transpileOnlyEnv === "true" : compilerOptions.noCheck,
        project: tsConfigPath,
        skipProject: !fs.existsSync(tsConfigPath),
        compilerOptions: { target: "ES2020", module: "nodenext", moduleResolution: "nodenext", sourceMap: "true", ...compilerOptions },
    });
    keepCompiledModules(service);
}

/**
 * The program's modules are loaded again for every run, and the files do not change while the
 * tests run: each file's JavaScript is kept by its name and text instead of being transpiled again.
 */
function keepCompiledModules(service) {
    const compile = service.compile.bind(service);
    const compiled = new Map();
    service.compile = (code, fileName, lineOffset) => {
        const key = `${fileName}\0${lineOffset ?? 0}\0${code}`;
        let output = compiled.get(key);
        if (output === undefined) {
            output = compile(code, fileName, lineOffset);
            compiled.set(key, output);
        }
        return output;
    };
}

/** Forgets the program's own modules (outside node_modules), so the next run loads them anew. */
function forgetProgramModules(root) {
    const prefix = root.endsWith(path.sep) ? root : root + path.sep;
    for (const file of Object.keys(require.cache)) {
        if (file.startsWith(prefix) && !file.includes(`${path.sep}node_modules${path.sep}`) && !file.startsWith(__dirname)) {
            delete require.cache[file];
        }
    }
}

/** One run: what cmd/run does between reading its flags and the end of the program's event loop. */
async function run({ args, env }) {
    const { flags, program: programArg } = parseArgs(args);
    useEnvironment(env);
    for (const [flag, variable] of Object.entries(FLAG_VARIABLES)) {
        if (flags[flag]) {
            process.env[variable] = flags[flag];
        }
    }
    if (flags.pwd) {
        process.chdir(flags.pwd);
    }
    registerTypeScript();
    let program = path.isAbsolute(programArg) ? programArg : path.join(process.cwd(), programArg);
    if (fs.statSync(program).isDirectory() && !program.endsWith("/")) {
        program += "/";
    }
    forgetProgramModules(process.cwd());

    const uncaught = new Set();
    const onUncaught = (err) => {
        if (uncaught.has(err)) {
            return;
        }
        uncaught.add(err);
        if (errors.RunError.isInstance(err)) {
            log.error(err.message);
        } else if (errors.ResourceError.isInstance(err)) {
            log.error(err.hideStack ? err.message : defaultErrorMessage(err), err.resource);
        } else {
            log.error(`Running program '${program}' failed with an unhandled exception:\n${defaultErrorMessage(err)}`);
        }
    };
    // A fresh SDK state, built from the environment above as a new process would build it.
    return state.withLocalStorage(async () => {
        process.on("uncaughtException", onUncaught);
        process.on("unhandledRejection", onUncaught);
        try {
            // Each step is a promise callback, so no frame of this file is on the stack of a
            // registration: the SDK would take it for the program's own line, as it never takes
            // cmd/run's (a library's).
            const main = () => Promise.resolve(program).then(require)
                .then((exported) => (exported instanceof Function ? Promise.resolve().then(exported) : exported));
            await Promise.resolve(main).then(stack.runInPulumiStack);
            await settings.disconnect(true);
        } catch (err) {
            onUncaught(err);
            await settings.disconnect(false).catch(() => undefined);
        } finally {
            process.off("uncaughtException", onUncaught);
            process.off("unhandledRejection", onUncaught);
        }
        // cmd/run's exit code after an error it logged.
        return uncaught.size > 0 ? 32 : 0;
    });
}

process.on("message", (request) => {
    run(request).then(
        (code) => process.send({ code }),
        (err) => process.send({ code: 1, error: String(err && err.stack || err) }),
    );
});
process.on("disconnect", () => process.exit(0));
