// Runs a provider plugin (a native binary) under a Node.js process that loads the lifeline watcher
// (lifeline.js) and leads the plugin's process group: when prodready is gone, however it went, the
// watcher ends the group, plugin included, which the plugin could not notice by itself.
"use strict";
const { spawn } = require("child_process");

const [binary, ...args] = process.argv.slice(2);
const plugin = spawn(binary, args, { stdio: "inherit" });
plugin.on("error", (err) => {
    process.stderr.write(`${err.message}\n`);
    process.exit(127);
});
plugin.on("exit", (code, signal) => process.exit(code ?? (signal ? 128 : 1)));
