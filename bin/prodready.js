#!/usr/bin/env node
// Exit code 1 means a mandatory violation: prodready failing to load or crashing must exit 2,
// the code of a run that failed, with one line saying why, never Node's default 1.
const EXIT_ERROR = 2;

function fail(message) {
    process.stderr.write(`prodready: error: ${message}\n`);
    process.exit(EXIT_ERROR);
}

let cli;
try {
    cli = require("../dist/src/cli");
} catch (err) {
    const cause = String((err && err.message) || err).split("\n")[0];
    fail(err && err.code === "MODULE_NOT_FOUND"
        ? `cannot load prodready (${cause}): in a checkout of prodready run npm run build; installed, reinstall it`
        : `cannot load prodready: ${cause}`);
}
cli.main(process.argv).catch((err) => fail(String((err && err.message) || err).split("\n")[0]));
