#!/usr/bin/env node
// Derives a Pulumi package schema for the `aws` package from the compiled npm SDK
// (@pulumi/aws), for the provider TEST DOUBLE to serve from GetSchema: the YAML
// language host resolves type tokens and property names against the schema.
//
// Only names are derived, every property is typed Any: the tokens, the input and
// output property names, required inputs, secrets and aliases of each resource
// (from its constructor), and the inputs and result properties of each function.
// Provider methods (Provider.terraformConfig) are left out.
//
// Usage: node aws-schema.js <out.json> [<@pulumi/aws dir>] [<version>]
"use strict";

const fs = require("fs");
const path = require("path");

const ANY = { $ref: "pulumi.json#/Any" };
const MIN_RESOURCES = 1000; // the SDK has about 1,500: fewer means its compiled shape changed

const [out, sdkArg, versionArg] = process.argv.slice(2);
if (!out) {
  console.error("usage: node aws-schema.js <out.json> [<@pulumi/aws dir>] [<version>]");
  process.exit(2);
}
const sdk = sdkArg || path.join(__dirname, "..", "..", "..", "node_modules", "@pulumi", "aws");
const version = versionArg || require(path.join(path.resolve(sdk), "package.json")).version;

function jsFiles(dir) {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return e.name === "node_modules" ? [] : jsFiles(p);
    return e.name.endsWith(".js") ? [p] : [];
  });
}

const anyProps = (names) => Object.fromEntries([...names].sort().map((n) => [n, ANY]));
const matches = (text, re) => [...text.matchAll(re)].map((m) => m[1]);

// A resource constructor assigns `resourceInputs["x"] = ...` once per property:
// `state?.x` (read by ID; lists every property), `undefined /*out*/` (an output
// only) or an expression of `args` (an input, `pulumi.secret(...)` if secret).
function resourceSpec(text, file) {
  const inputs = new Set(), properties = new Set(), secrets = new Set();
  for (const [, name, value] of text.matchAll(/resourceInputs\["([^"]+)"\] = (.*);$/gm)) {
    if (/^state\b/.test(value)) properties.add(name);
    else if (value === "undefined /*out*/") properties.add(name);
    else if (/\bargs\b/.test(value)) {
      inputs.add(name);
      if (value.includes("pulumi.secret(")) secrets.add(name);
    } else throw new Error(`${file}: unexpected assignment to ${name}: ${value}`);
  }
  const secretOutputs = new Set(matches(text, /additionalSecretOutputs: \[([^\]]*)\]/g)
    .flatMap((list) => matches(list, /"([^"]+)"/g)));
  const spec = {
    inputProperties: anyProps(inputs),
    properties: anyProps(properties),
  };
  for (const n of secrets) spec.inputProperties[n] = { ...ANY, secret: true };
  for (const n of secretOutputs) if (spec.properties[n]) spec.properties[n] = { ...ANY, secret: true };
  const required = [...new Set(matches(text, /Missing required property '([^']+)'/g))].sort();
  if (required.length) spec.requiredInputs = required;
  const aliases = [...new Set(matches(text, /aliases: \[([^\]]*)\]/g)
    .flatMap((list) => matches(list, /type: "([^"]+)"/g)))];
  if (aliases.length) spec.aliases = aliases.map((type) => ({ type }));
  return spec;
}

// The result of a function is its .d.ts declaration: `Promise<GetXResult>`, an
// interface whose top-level members are `    readonly x: ...;`, or a single value
// (invokeSingle, e.g. `Promise<string>`).
function functionOutputs(jsFile, fnName) {
  const dts = fs.readFileSync(jsFile.replace(/\.js$/, ".d.ts"), "utf8");
  const ret = new RegExp(`export declare function ${fnName}\\(.*\\): Promise<(\\w+)>;`).exec(dts);
  if (!ret) throw new Error(`${jsFile}: no declaration of ${fnName}`);
  const body = new RegExp(`^export interface ${ret[1]} \\{\\n([^]*?)^\\}`, "m").exec(dts);
  if (!body) return ANY;
  return { type: "object", properties: anyProps(matches(body[1], /^ {4}readonly (\w+)\??:/gm)) };
}

const resources = {}, functions = {};
let provider;
for (const file of jsFiles(sdk)) {
  const text = fs.readFileSync(file, "utf8");
  const type = /__pulumiType = ['"]([^'"]+)['"]/.exec(text);
  if (type && type[1] === "aws") {
    // The provider: its inputs are the package configuration; its outputs are the
    // inputs that are not JSON-encoded (the string-valued ones).
    const spec = resourceSpec(text, file);
    const encoded = new Set(matches(text, /resourceInputs\["([^"]+)"\] = pulumi\.output\(/g));
    spec.properties = Object.fromEntries(Object.entries(spec.inputProperties).filter(([n]) => !encoded.has(n)));
    provider = spec;
  } else if (type) {
    if (resources[type[1]]) throw new Error(`${file}: ${type[1]} is defined twice`);
    resources[type[1]] = resourceSpec(text, file);
  }
  // `function getX(args, opts) { ... return pulumi.runtime.invoke("tok", { "a": args.a, ... }, opts); }`;
  // invokeSingle functions take their inputs as separate arguments.
  const invoke = /function (\w+)\([^)]*\) \{[^]*?pulumi\.runtime\.invoke(Single)?\("([^"]+)", \{([^}]*)\}, opts\)/.exec(text);
  if (!invoke && /pulumi\.runtime\.invoke(Single)?\(/.test(text)) throw new Error(`${file}: unexpected invoke`);
  if (invoke) {
    const [, fnName, single, token, argList] = invoke;
    const names = matches(argList, /"([^"]+)":/g);
    const spec = {};
    if (names.length) spec.inputs = { type: "object", properties: anyProps(names) };
    if (single) spec.multiArgumentInputs = names;
    spec.outputs = functionOutputs(file, fnName);
    functions[token] = spec;
  }
}

const resourceCount = Object.keys(resources).length, functionCount = Object.keys(functions).length;
console.error(`aws-schema: ${resourceCount} resources, ${functionCount} functions from ${sdk} (version ${version})`);
if (resourceCount < MIN_RESOURCES || !provider) {
  console.error(`aws-schema: expected at least ${MIN_RESOURCES} resources and the provider in ${sdk};` +
    " has the compiled shape of the SDK changed?");
  process.exit(1);
}

const sorted = (o) => Object.fromEntries(Object.keys(o).sort().map((k) => [k, o[k]]));
const schema = {
  name: "aws",
  version,
  meta: { moduleFormat: "(.*)(?:/[^/]*)" },
  config: { variables: provider.inputProperties },
  provider,
  resources: sorted(resources),
  functions: sorted(functions),
};
fs.writeFileSync(out, JSON.stringify(schema) + "\n");
