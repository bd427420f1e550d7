// What a Pulumi YAML program registers when the interpreter runs it under the SDK against the
// embedded preview's engine: interpolation, config, resource options, invokes, builtins, and
// values unknown during preview. fixtures/kitchen uses every part of the language at once.
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { loadProject, ProgramError, runProgram } from "../../../src/program";
import type { ProgramRun, RecordedResource } from "../../../src/program/records";

const KITCHEN = path.join(__dirname, "fixtures", "kitchen");
const UNKNOWN = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";
const SIG = "4dabf18193072939515e22adb298388d";
const secret = (value: unknown) => ({ [SIG]: "1b47061264138c4ac30d75fd1eb44270", value });
const urn = (type: string, name: string) => `urn:pulumi:dev::kitchen::${type}::${name}`;

const scratch: string[] = [];
afterAll(() => scratch.forEach((dir) => fs.rmSync(dir, { recursive: true, force: true })));

function yamlProgram(body: string): string {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "prodready-yaml-run-"));
    scratch.push(dir);
    fs.writeFileSync(path.join(dir, "Pulumi.yaml"), `name: scratch\nruntime: yaml\n${body}`);
    return dir;
}

async function runFailure(dir: string, config: Record<string, string> = {}): Promise<string> {
    try {
        await runProgram(loadProject(dir, { config }), { timeoutSeconds: 120 });
    } catch (err) {
        expect(err).toBeInstanceOf(ProgramError);
        return (err as Error).message;
    }
    throw new Error("the program ran");
}

describe("the kitchen-sink YAML program", () => {
    let run: ProgramRun;
    const resource = (name: string): RecordedResource => {
        const found = run.resources.find((r) => r.name === name);
        if (!found) {
            throw new Error(`no resource ${name}`);
        }
        return found;
    };
    beforeAll(async () => {
        run = await runProgram(loadProject(KITCHEN), { timeoutSeconds: 120 });
    });

    it("registers every resource with the type the language host resolves and the SDK's URN", () => {
        expect(run.resources.map((r) => r.urn).sort()).toEqual([
            urn("aws:s3/bucket:Bucket$aws:s3/bucketPolicy:BucketPolicy", "logs-policy"),
            urn("aws:s3/bucket:Bucket", "logs"),
            urn("aws:s3/bucketObject:BucketObject", "page"),
            urn("kubernetes:apps/v1:Deployment", "app"),
            urn("pulumi:providers:aws", "east"),
            urn("pulumi:providers:kubernetes", "cluster"),
            urn("pulumi:pulumi:Stack", "kitchen-dev"),
        ]);
        // The schema's constants of a Kubernetes type, as the language host sends them.
        expect(resource("app").inputs).toMatchObject({ apiVersion: "apps/v1", kind: "Deployment" });
    });

    it("interpolates variables, config, pulumi.stack and pulumi.project, property paths and escapes", () => {
        const metadata = resource("app").inputs.metadata as Record<string, any>;
        expect(metadata.labels).toEqual({ team: "payments", stack: "dev", project: "kitchen" });
        expect(metadata.annotations).toMatchObject({
            greeting: "hello ${world} from payments",
            firstZone: "a",
            bucketName: "logs-dev",
            encryption: "AES256",
        });
        expect(resource("logs").inputs.bucket).toBe("logs-dev");
    });

    it("evaluates the builtins", () => {
        const annotations = (resource("app").inputs.metadata as Record<string, any>).annotations;
        expect(annotations).toMatchObject({ csv: "us-east-1,us-east-1b", second: "b", decoded: "payments", motd: "welcome\n" });
        expect(resource("page").inputs.source).toMatchObject({ [SIG]: "c44067f5952c0a294b673a41bacd8c17", text: "<h1>payments</h1>" });
        expect(resource("page").inputs.key).toEqual(secret("index.html"));
    });

    it("reads typed config with defaults, stack values and secrets", () => {
        const spec = resource("app").inputs.spec as Record<string, any>;
        expect(spec.replicas).toBe(2);
        expect(spec.template.spec.containers[0].env).toEqual([
            { name: "API_TOKEN", value: secret("stand-in-token") },
            { name: "RETENTION", value: "14.5" },
            { name: "DEBUG", value: "false" },
        ]);
    });

    it("passes every resource option to the SDK", () => {
        const logs = resource("logs");
        expect(logs.provider).toMatch(/^urn:pulumi:dev::kitchen::pulumi:providers:aws::east::/);
        expect(logs.version).toBe("7.0.0");
        expect(logs.options).toMatchObject({
            protect: true,
            ignoreChanges: ["tags"],
            additionalSecretOutputs: ["bucketDomainName"],
            deleteBeforeReplace: true,
            aliases: ["urn:pulumi:dev::kitchen::aws:s3/bucketV2:BucketV2::logs"],
            customTimeouts: { create: "10m", update: "", delete: "" },
        });
        // defaultProvider: true serves the resources of its package that name no provider.
        expect(resource("app").provider).toMatch(/^urn:pulumi:dev::kitchen::pulumi:providers:kubernetes::cluster::/);
        expect(resource("page").provider).toBeUndefined();
        const policy = resource("logs-policy");
        expect(policy.parent).toBe(urn("aws:s3/bucket:Bucket", "logs"));
        expect(policy.dependencies.sort()).toEqual([urn("aws:s3/bucket:Bucket", "logs"), urn("pulumi:providers:aws", "east")]);
    });

    it("gives what the provider computes as stand-ins, as pulumi up would know it, through interpolation and builtins", () => {
        const annotations = (resource("app").inputs.metadata as Record<string, any>).annotations;
        // An output the program did not set is the provider's: here the bucket's ARN, from its name.
        expect(annotations.bucketArn).toBe("arn is arn:aws:s3:::logs-dev");
        // An invoke whose arguments came from it is then called.
        expect(annotations.regionOfUnknown).toBe("us-east-1");
        // The bucket's ID is its name, as the AWS provider gives it.
        expect(resource("logs-policy").inputs).toEqual({
            bucket: "logs-dev",
            policy: JSON.stringify({ Version: "2012-10-17", Statement: [{ Effect: "Allow", Resource: "arn:aws:s3:::logs-dev" }] }),
        });
        expect(resource("page").inputs.bucket).toBe("logs-dev");
        const dependencies = [urn("aws:ec2/vpc:Vpc", "existing-vpc"), urn("aws:s3/bucket:Bucket", "logs")];
        expect([...resource("app").dependencies].sort()).toEqual(dependencies);
        expect([...resource("app").propertyDependencies.metadata].sort()).toEqual(dependencies);
    });

    it("reads a resource declared with get, which it does not register", () => {
        const annotations = (resource("app").inputs.metadata as Record<string, any>).annotations;
        expect(annotations).toMatchObject({ vpcId: "vpc-0123456789abcdef0", vpcCidr: "10.20.0.0/16" });
        expect(run.resources.map((r) => r.name)).not.toContain("existing-vpc");
    });

    it("answers fn::invoke from the preview's data sources", () => {
        expect(run.unansweredInvokes).toEqual([]);
    });
});

describe("a YAML program that fails while running", () => {
    it("rejects a config value that is not of its type, without quoting it", async () => {
        const dir = yamlProgram("configuration:\n  size:\n    type: integer\nresources:\n  q:\n    type: aws:sqs:Queue\n    properties:\n      delaySeconds: ${size}\n");
        const message = await runFailure(dir, { size: "s3cr3t-ish" });
        expect(message).toBe(`the program failed: ${path.join(dir, "Pulumi.yaml")}:4: config 'size' is not an integer`);
    });

    it("names a missing required config value", async () => {
        const dir = yamlProgram("configuration:\n  size:\n    type: integer\nresources:\n  q:\n    type: aws:sqs:Queue\n    properties:\n      delaySeconds: ${size}\n");
        expect(await runFailure(dir)).toBe(`the program failed: ${path.join(dir, "Pulumi.yaml")}:4: missing required configuration variable 'size': set it with --config size=...`);
    });

    it("rejects a default of another type than the declared one", async () => {
        const dir = yamlProgram("configuration:\n  size:\n    type: integer\n    default: large\n");
        expect(await runFailure(dir)).toBe(`the program failed: ${path.join(dir, "Pulumi.yaml")}:4: type mismatch: default value of config 'size' is a string but type an integer was specified`);
    });

    it("names a builtin given values of the wrong type", async () => {
        const select = yamlProgram("variables:\n  zones: [a, b]\n  third:\n    fn::select: [2, '${zones}']\noutputs:\n  third: ${third}\n");
        expect(await runFailure(select)).toBe(`the program failed: ${path.join(select, "Pulumi.yaml")}:6: fn::select index 2 out-of-bounds for list of length 2`);
        const join = yamlProgram("variables:\n  csv:\n    fn::join: [',', [a, 1]]\noutputs:\n  csv: ${csv}\n");
        expect(await runFailure(join)).toBe(`the program failed: ${path.join(join, "Pulumi.yaml")}:5: the second argument to fn::join must be a list of strings, found a number at index 1`);
    });

    it("names a property path that does not fit the value", async () => {
        const dir = yamlProgram("variables:\n  zones: [a, b]\noutputs:\n  first: ${zones.first}\n");
        expect(await runFailure(dir)).toBe(`the program failed: ${path.join(dir, "Pulumi.yaml")}:6: cannot access a list element using a property name ('first')`);
    });

    it("rejects a provider option that is not a provider", async () => {
        const dir = yamlProgram("resources:\n  a:\n    type: aws:s3:Bucket\n  b:\n    type: aws:s3:Bucket\n    options:\n      provider: ${a}\n");
        expect(await runFailure(dir)).toBe(`the program failed: ${path.join(dir, "Pulumi.yaml")}:9: resource 'b' option provider: resource passed as provider is not a provider resource`);
    });
});
