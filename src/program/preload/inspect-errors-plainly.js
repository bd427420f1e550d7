// Loaded (node -r) into the program's process before the SDK's runner. Node 20's util.inspect
// loops forever when it colors a stack frame under a scoped package without a package folder
// (`node_modules/@pulumi/output.ts`, which the SDK's source maps produce), and the runner inspects
// every uncaught error with colors: a program that throws inside `apply` would never finish.
// Errors are inspected without colors instead; nothing else changes.
"use strict";
const util = require("util");

const inspect = util.inspect;
function inspectErrorsPlainly(value, options, ...rest) {
    if (value instanceof Error && options !== null && typeof options === "object" && options.colors) {
        return inspect(value, { ...options, colors: false }, ...rest);
    }
    return inspect.call(this, value, options, ...rest);
}
Object.assign(inspectErrorsPlainly, inspect);
Object.defineProperty(inspectErrorsPlainly, "defaultOptions", {
    get: () => inspect.defaultOptions,
    set: (options) => { inspect.defaultOptions = options; },
});
util.inspect = inspectErrorsPlainly;
