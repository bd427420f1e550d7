// What the Pulumi YAML interpreter rejects before anything runs: each error is one line naming the
// template file and line, as `prodready preview` reports it (exit 2).
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { loadProject, ProgramError } from "../../../src/program";
import { canonicalToken, loadTemplate } from "../../../src/program/yaml-program/template";
import { runCli } from "../../harness/cli";

const scratch: string[] = [];
afterAll(() => scratch.forEach((dir) => fs.rmSync(dir, { recursive: true, force: true })));

/** A throw-away YAML project; `files` are written beside Pulumi.yaml. */
function yamlProgram(body: string, files: Record<string, string> = {}): string {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "prodready-yaml-"));
    scratch.push(dir);
    fs.writeFileSync(path.join(dir, "Pulumi.yaml"), `name: scratch\nruntime: yaml\n${body}`);
    for (const [name, text] of Object.entries(files)) {
        fs.writeFileSync(path.join(dir, name), text);
    }
    return dir;
}

function loadError(dir: string): string {
    try {
        loadProject(dir);
    } catch (err) {
        expect(err).toBeInstanceOf(ProgramError);
        return (err as Error).message;
    }
    throw new Error("the program was accepted");
}

/** The file as errors name it: relative to the working directory when below it, else absolute. */
function shown(dir: string, file = "Pulumi.yaml"): string {
    const absolute = path.join(dir, file);
    const relative = path.relative(process.cwd(), absolute);
    return relative.startsWith("..") ? absolute : relative;
}

describe("a YAML program's references", () => {
    it("names the file and line of a reference to an unknown resource", () => {
        const dir = yamlProgram([
            "resources:",
            "  bucket:",
            "    type: aws:s3:Bucket",
            "  policy:",
            "    type: aws:s3:BucketPolicy",
            "    properties:",
            "      bucket: ${bukcet.id}",
            "",
        ].join("\n"));
        expect(loadError(dir)).toBe(`${shown(dir)}:9: resource 'policy' refers to unknown resource 'bukcet' (no resource, variable or config of that name)`);
    });

    it("names unknown references in variables and outputs too", () => {
        expect(loadError(yamlProgram("variables:\n  name: prefix-${sufix}\n"))).toMatch(/Pulumi.yaml:4: variable 'name' refers to unknown resource 'sufix'/);
        expect(loadError(yamlProgram("outputs:\n  arn: ${nothing.arn}\n"))).toMatch(/Pulumi.yaml:4: output 'arn' refers to unknown resource 'nothing'/);
    });

    it("rejects a resource type its package does not declare before running, as the language host does", () => {
        const dir = yamlProgram(["resources:", "  db:", "    type: aws:rds:Instanse", ""].join("\n"));
        expect(loadError(dir)).toBe(`${shown(dir)}:5: resource 'db' has type aws:rds:Instanse, which the aws package does not declare (did you mean aws:rds/instance:Instance?)`);
        expect(loadError(yamlProgram(["resources:", "  web:", "    type: kubernetes:apps/v1:Deploymnet", ""].join("\n"))))
            .toMatch(/resource 'web' has type kubernetes:apps\/v1:Deploymnet, which the kubernetes package does not declare \(did you mean kubernetes:apps\/v1:Deployment\?\)/);
        // Alias tokens, components and providers are declared; other packages' schemas are not known here.
        expect(() => loadProject(yamlProgram(["resources:", "  a:", "    type: aws:alb:Listener", "    properties:", "      loadBalancerArn: x", "  b:", "    type: kubernetes:yaml/v2:ConfigGroup",
            "  c:", "    type: pulumi:providers:aws", "  d:", "    type: random:index:RandomPet", ""].join("\n")))).not.toThrow();
    });

    it("rejects a cycle and names it", () => {
        const dir = yamlProgram([
            "variables:",
            "  name: ${a.bucket}",
            "resources:",
            "  a:",
            "    type: aws:s3:Bucket",
            "    properties:",
            "      tags: { peer: '${b.bucket}' }",
            "  b:",
            "    type: aws:s3:Bucket",
            "    properties:",
            "      bucket: ${name}",
            "",
        ].join("\n"));
        expect(loadError(dir)).toBe(`${shown(dir)}:4: circular dependency: variable 'name' -> resource 'a' -> resource 'b' -> variable 'name'`);
    });

    it("rejects a resource that depends on itself", () => {
        expect(loadError(yamlProgram("resources:\n  a:\n    type: aws:s3:Bucket\n    options:\n      dependsOn: ['${a}']\n")))
            .toMatch(/Pulumi.yaml:4: circular dependency: resource 'a' -> resource 'a'$/);
    });

    it("rejects a duplicate name and the reserved name pulumi", () => {
        expect(loadError(yamlProgram("variables:\n  a: 1\nresources:\n  a:\n    type: aws:s3:Bucket\n"))).toMatch(/Pulumi.yaml:6: found duplicate resource a \(also a variable at line 4\)/);
        expect(loadError(yamlProgram("variables:\n  pulumi: 1\n"))).toMatch(/Pulumi.yaml:4: variable pulumi uses the reserved name pulumi/);
        const dir = yamlProgram("", { "Main.yaml": "resources:\n  a:\n    type: aws:s3:Bucket\n  a:\n    type: aws:s3:Bucket\n" });
        expect(loadError(dir)).toBe(`${shown(dir, "Main.yaml")}:4: not valid YAML: Map keys must be unique`);
    });
});

describe("a YAML program's functions", () => {
    it("rejects an unknown function", () => {
        expect(loadError(yamlProgram("variables:\n  csv:\n    fn::jion: [',', [a, b]]\n"))).toMatch(/Pulumi.yaml:5: unknown function fn::jion \(the builtins are fn::invoke, fn::join/);
    });

    it("rejects a builtin called with the wrong shape of argument", () => {
        expect(loadError(yamlProgram("variables:\n  csv:\n    fn::join: [a, b, c]\n"))).toMatch(/Pulumi.yaml:5: the argument to fn::join must be a two-valued list$/);
        expect(loadError(yamlProgram("variables:\n  first:\n    fn::select: notalist\n"))).toMatch(/Pulumi.yaml:5: the argument to fn::select must be a two-valued list$/);
        expect(loadError(yamlProgram("variables:\n  r:\n    fn::invoke: aws:getRegion\n"))).toMatch(/Pulumi.yaml:5: the argument to fn::invoke must be an object/);
        expect(loadError(yamlProgram("variables:\n  r:\n    fn::invoke:\n      function: aws:getRegion\n      return: [name]\n"))).toMatch(/Pulumi.yaml:7: return directive must be a string literal$/);
        expect(loadError(yamlProgram("variables:\n  r:\n    fn::invoke:\n      function: aws:getRegion\n      retrun: name\n"))).toMatch(/Pulumi.yaml:7: fn::invoke has no field 'retrun'/);
    });

    it("rejects a function key beside other keys", () => {
        expect(loadError(yamlProgram("variables:\n  v:\n    fn::secret: x\n    other: y\n"))).toMatch(/Pulumi.yaml:5: fn::secret must be the only key of its object$/);
    });
});

describe("a YAML program's fields", () => {
    it("rejects an unknown field of a resource and points a misplaced option to options", () => {
        expect(loadError(yamlProgram("resources:\n  a:\n    type: aws:s3:Bucket\n    propertes: {}\n"))).toMatch(/Pulumi.yaml:6: resource 'a' has no field 'propertes' \(its fields are type, name, defaultProvider, properties, options, get\)/);
        expect(loadError(yamlProgram("resources:\n  a:\n    type: aws:s3:Bucket\n    protect: true\n"))).toMatch(/Pulumi.yaml:6: resource 'a' has no field 'protect' \(protect is a resource option: put it under options\)/);
    });

    it("accepts defaultProvider on a provider only, once per package", () => {
        expect(loadError(yamlProgram("resources:\n  a:\n    type: aws:s3:Bucket\n    defaultProvider: true\n"))).toMatch(/Pulumi.yaml:4: resource 'a': defaultProvider is only for provider resources/);
        const two = "resources:\n  p1:\n    type: pulumi:providers:aws\n    defaultProvider: true\n  p2:\n    type: pulumi:providers:aws\n    defaultProvider: true\n";
        expect(loadError(yamlProgram(two))).toMatch(/Pulumi.yaml:7: resource 'p2': aws already has a default provider, 'p1'/);
        const served = loadTemplate(yamlProgram("resources:\n  b:\n    type: aws:s3:Bucket\n  p:\n    type: pulumi:providers:aws\n    defaultProvider: true\n"));
        expect(served.order.map((d) => d.key)).toEqual(["p", "b"]);
    });

    it("rejects an unknown resource option", () => {
        expect(loadError(yamlProgram("resources:\n  a:\n    type: aws:s3:Bucket\n    options:\n      protected: true\n"))).toMatch(/Pulumi.yaml:7: protected does not exist on resource options of 'a'/);
    });

    it("accepts the fields and options in any letter case, as the language host does", () => {
        const template = loadTemplate(yamlProgram("resources:\n  a:\n    Type: aws:s3:Bucket\n    Options:\n      DependsOn: []\n      IgnoreChanges: [tags]\n"));
        expect(template.resources[0]).toMatchObject({ type: "aws:s3:Bucket", options: { dependsOn: expect.anything(), ignoreChanges: expect.anything() } });
    });

    it("rejects a resource without a type and properties that are not an object", () => {
        expect(loadError(yamlProgram("resources:\n  a:\n    properties: {}\n"))).toMatch(/Pulumi.yaml:4: resource 'a' has no type$/);
        expect(loadError(yamlProgram("resources:\n  a:\n    type: aws:s3:Bucket\n    properties: [x]\n"))).toMatch(/Pulumi.yaml:6: resources.a.properties must be an object$/);
    });

    it("rejects an unknown config type or field, and a config without type or default", () => {
        expect(loadError(yamlProgram("configuration:\n  size:\n    type: Float\n"))).toMatch(/Pulumi.yaml:5: unexpected configuration type 'Float'/);
        expect(loadError(yamlProgram("configuration:\n  size:\n    type: String\n    defualt: x\n"))).toMatch(/Pulumi.yaml:6: defualt does not exist on configuration.size/);
        expect(loadError(yamlProgram("configuration:\n  size:\n    secret: true\n"))).toMatch(/Pulumi.yaml:4: configuration.size: unable to infer type: either 'default' or 'type' is required/);
    });

    it("rejects a malformed interpolation", () => {
        expect(loadError(yamlProgram("variables:\n  v: ${unterminated\n"))).toMatch(/Pulumi.yaml:4: unterminated interpolation/);
        expect(loadError(yamlProgram("variables:\n  v: '${a[x]}'\n  a: [1]\n"))).toMatch(/Pulumi.yaml:4: invalid list index \[x\]/);
    });
});

describe("reading a YAML template", () => {
    it("parses interpolations, escapes and property paths", () => {
        const template = loadTemplate(yamlProgram([
            "variables:",
            "  a: plain",
            "  b: ${a}",
            "  c: 'x-$${a}-$$-${res.list[0][\"odd.key\"].x}'",
            "resources:",
            "  res:",
            "    type: aws:s3:Bucket",
            "",
        ].join("\n")));
        const value = (key: string) => template.variables.find((v) => v.key === key)?.value;
        expect(value("a")).toEqual({ kind: "literal", value: "plain", line: 4 });
        expect(value("b")).toEqual({ kind: "symbol", access: { root: "a", accessors: [] }, line: 5 });
        expect(value("c")).toEqual({
            kind: "interpolate",
            parts: [{ text: "x-${a}-$-", access: { root: "res", accessors: ["list", 0, "odd.key", "x"] } }],
            line: 6,
        });
        expect(template.order.map((d) => d.key)).toEqual(["a", "b", "res", "c"]);
    });

    it("reads Main.yaml before Pulumi.yaml, and from the main directory when set", () => {
        const dir = yamlProgram("resources:\n  ignored:\n    type: aws:s3:Bucket\n", { "Main.yaml": "resources:\n  used:\n    type: aws:s3:Bucket\n" });
        expect(loadTemplate(dir).resources.map((r) => r.key)).toEqual(["used"]);
        fs.mkdirSync(path.join(dir, "infra"));
        fs.writeFileSync(path.join(dir, "infra", "Main.yaml"), "resources:\n  nested:\n    type: aws:s3:Bucket\n");
        expect(loadTemplate(dir, "infra").resources.map((r) => r.key)).toEqual(["nested"]);
    });

    it("names the type tokens the language host resolves from their short forms", () => {
        expect(canonicalToken("aws:s3:Bucket")).toBe("aws:s3/bucket:Bucket");
        expect(canonicalToken("aws:s3/bucket:Bucket")).toBe("aws:s3/bucket:Bucket");
        expect(canonicalToken("aws:getRegion")).toBe("aws:index/getRegion:getRegion");
        expect(canonicalToken("kubernetes:core/v1:Pod")).toBe("kubernetes:core/v1:Pod");
        expect(canonicalToken("pulumi:providers:aws")).toBe("pulumi:providers:aws");
    });
});

describe("prodready preview on a broken YAML program", () => {
    it("exits 2 with one line naming the file and line", () => {
        const dir = yamlProgram("resources:\n  sg:\n    type: aws:ec2:SecurityGroup\n    properties:\n      vpcId: ${vpc.id}\n");
        const out = runCli(["preview", dir]);
        expect(out.code).toBe(2);
        expect(out.stderr.trim().split("\n")).toEqual([`prodready: error: ${path.join(dir, "Pulumi.yaml")}:7: resource 'sg' refers to unknown resource 'vpc' (no resource, variable or config of that name)`]);
    });
});
