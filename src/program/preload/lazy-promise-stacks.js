// Loaded (node -r) into the program's process before the SDK's runner. The SDK's
// debuggablePromise formats a stack trace for every promise it makes (several per resource
// property) and keeps the text only to print it if the promise leaks, and only when
// PULUMI_DEBUG_PROMISE_LEAKS asks for traces (its debugPromiseLeaks). Under ts-node each
// formatting runs the source-map support over every frame: about a fifth of a program's run.
// Here the trace is captured only when a leak report would print it, and formatted only if it
// is read; that report prints the same frames. With another SDK shape nothing is changed;
// PRODREADY_LAZY_PROMISE_STACKS=0 turns it off.
"use strict";
const path = require("path");

function sdkDebuggableModule() {
    const runner = process.argv[1];
    if (!runner) {
        return undefined;
    }
    try {
        return require(require.resolve("@pulumi/pulumi/runtime/debuggable", { paths: [path.dirname(runner)] }));
    } catch {
        return undefined;
    }
}

function makePromiseStacksLazy(debuggable) {
    const original = debuggable && debuggable.debuggablePromise;
    if (typeof original !== "function" || original.length !== 2 || !/_debugStackTrace/.test(String(original))) {
        return false;
    }
    debuggable.debuggablePromise = function debuggablePromise(promise, ctx) {
        const limit = Error.stackTraceLimit;
        Error.stackTraceLimit = 0; // the original's own trace: nothing to format
        let result;
        try {
            result = original(promise, ctx);
        } finally {
            Error.stackTraceLimit = limit;
        }
        if (debuggable.debugPromiseLeaks) {
            const site = new Error(); // V8 keeps the frames now and formats them on first read
            promise._debugStackTrace = { toString: () => site.stack };
        }
        return result;
    };
    return true;
}

if (process.env.PRODREADY_LAZY_PROMISE_STACKS !== "0") {
    makePromiseStacksLazy(sdkDebuggableModule());
}

module.exports = { makePromiseStacksLazy };
