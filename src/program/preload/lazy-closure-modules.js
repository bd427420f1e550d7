// Loaded (node -r) into the program's process before the SDK's runner. The SDK's runtime loads
// npm's Arborist (and with it pacote, cacache, tar and a hundred more modules) and the TypeScript
// compiler as it is imported, only to serialize a function (a Lambda callback, say): to list a
// package's dependencies, to parse the function's text. The pack's own deferral
// (policies/serving/lazy-closure-modules.ts, compiled to policies/bin) gives the SDK's closure
// modules stand-ins that load the real ones on first use, where the SDK's code uses them only that
// way; every other module gets the real ones. PRODREADY_LAZY_ARBORIST=0 and
// PRODREADY_LAZY_TYPESCRIPT=0 turn each off.
"use strict";
const path = require("path");

const deferral = require(path.join(__dirname, "..", "..", "..", "policies", "bin", "serving", "lazy-closure-modules.js"));
deferral.deferClosureModules();

module.exports = { usesOnlyTheConstructor: deferral.usesOnlyTheConstructor };
