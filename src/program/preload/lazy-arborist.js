// Loaded (node -r) into the program's process before the SDK's runner. The SDK's runtime loads
// npm's Arborist (and with it pacote, cacache, tar and a hundred more modules) as it is imported,
// only to list a package's dependencies when a function is serialized (a Lambda callback, say):
// about a third of the time `require('@pulumi/pulumi')` takes. Here the SDK's closure module gets
// an Arborist that loads the real one when it is first constructed; every other module gets the
// real one. With another SDK shape nothing is changed; PRODREADY_LAZY_ARBORIST=0 turns it off.
"use strict";
const fs = require("fs");
const path = require("path");
const Module = require("module");

const ARBORIST = "@npmcli/arborist";
const CODE_PATHS = path.join("@pulumi", "pulumi", "runtime", "closure", "codePaths.js");

/** True when the module uses Arborist only as `new arborist.Arborist(...)`, as SDK 3.248 does. */
function usesOnlyTheConstructor(filename) {
    let source;
    try {
        source = fs.readFileSync(filename, "utf8");
    } catch {
        return false;
    }
    const binding = /const (\w+) = __importStar\(require\("@npmcli\/arborist"\)\);/.exec(source);
    if (!binding) {
        return false;
    }
    const uses = source.match(new RegExp(`\\b${binding[1]}\\b[^;\\n]*`, "g")) ?? [];
    // The binding itself, then only constructions.
    return uses.length > 1 && uses.slice(1).every((use) => use.startsWith(`${binding[1]}.Arborist(`))
        && source.split(`new ${binding[1]}.Arborist(`).length === uses.length;
}

/** A module object whose Arborist loads the real module on its first construction. */
function lazyArboristModule(load) {
    let real;
    function Arborist(...args) {
        real = real ?? load();
        return new real.Arborist(...args);
    }
    return { Arborist };
}

function deferArborist() {
    const load = Module._load;
    Module._load = function loadWithLazyArborist(request, parent, isMain) {
        if (request === ARBORIST && parent && typeof parent.filename === "string" && parent.filename.endsWith(CODE_PATHS)) {
            Module._load = load; // one closure module per process; nothing else is deferred
            if (usesOnlyTheConstructor(parent.filename)) {
                return lazyArboristModule(() => load.call(this, request, parent, isMain));
            }
        }
        return load.call(this, request, parent, isMain);
    };
}

if (process.env.PRODREADY_LAZY_ARBORIST !== "0") {
    deferArborist();
}

module.exports = { lazyArboristModule, usesOnlyTheConstructor };
