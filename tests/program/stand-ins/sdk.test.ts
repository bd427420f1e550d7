// The stand-ins against the SDK itself: every function and resource class @pulumi/aws exports has
// one, and the SDK's own function wrappers accept the answers.
import * as pulumi from "@pulumi/pulumi";
import type * as awsTypes from "@pulumi/aws";
import { functionStandIn, resourceOutputStandIns } from "../../../src/program/stand-ins";
import { parseProperties, standInData } from "../../../src/program/stand-ins/schema";

const CONTEXT = { region: "eu-west-1", accountId: "111122223333" };
const INVOKE = /runtime\.invoke(?:Single)?\("([^"]+)"/;

/** Tokens the mocked monitor was asked for, and the ones it had no stand-in for. */
const asked: string[] = [];
const unanswered: string[] = [];

let aws: typeof awsTypes;

beforeAll(async () => {
    // Deprecated functions warn on every call; the warnings say nothing about the stand-ins.
    jest.spyOn(console, "warn").mockImplementation(() => undefined);
    await pulumi.runtime.setMocks(
        {
            call: ({ token, inputs }) => {
                asked.push(token);
                const answer = functionStandIn(token, inputs, CONTEXT);
                if (!answer) {
                    unanswered.push(token);
                }
                return answer ?? {};
            },
            newResource: ({ name, inputs }) => ({ id: `${name}-id`, state: inputs }),
        },
        "project",
        "stack",
        true,
    );
    // Loaded after the mocks are set, as a program would be.
    aws = await import("@pulumi/aws");
});

// Lets every call the SDK queued finish, so the worker exits cleanly.
afterAll(() => pulumi.runtime.disconnect());

type Exported = { path: string; value: unknown };

/** Every function and class the package exports, module by module. */
function walk(root: Record<string, unknown>, prefix: string, seen = new Set<unknown>()): Exported[] {
    if (seen.has(root)) {
        return [];
    }
    seen.add(root);
    return Object.keys(root).flatMap((key) => {
        const value = root[key];
        const path = `${prefix}.${key}`;
        if (typeof value === "function") {
            return [{ path, value }];
        }
        return value !== null && typeof value === "object" && key !== "types" ? walk(value as Record<string, unknown>, path, seen) : [];
    });
}

/** The provider functions among the exports: those that invoke a token, without their `...Output` twins. */
function providerFunctions(): Array<{ path: string; fn: (...args: unknown[]) => Promise<unknown>; token: string }> {
    return walk(aws as unknown as Record<string, unknown>, "aws").flatMap(({ path, value }) => {
        const source = Function.prototype.toString.call(value);
        const token = INVOKE.exec(source)?.[1];
        return token && !path.endsWith("Output") ? [{ path, fn: value as (...args: unknown[]) => Promise<unknown>, token }] : [];
    });
}

describe("the functions of @pulumi/aws", () => {
    test("every function the package exports has a stand-in", () => {
        const functions = providerFunctions();
        expect(functions.length).toBeGreaterThan(500);
        const missing = functions.filter((f) => functionStandIn(f.token, {}, CONTEXT) === undefined).map((f) => `${f.path} (${f.token})`);
        expect(missing).toEqual([]);
    });

    test("the SDK's wrapper of every function accepts the stand-in, with every required property present", async () => {
        const functions = providerFunctions();
        const results = await Promise.all(functions.map(async (f) => ({ ...f, result: await f.fn({}) })));
        expect(unanswered).toEqual([]);
        expect(new Set(asked)).toEqual(new Set(functions.map((f) => f.token)));
        const incomplete = results.flatMap(({ path, token, result }) => {
            const properties = parseProperties(standInData().functions[token]);
            if (properties.length === 1 && properties[0].name === "result") {
                // invokeSingle: the wrapper hands back the one property's value.
                return result === undefined ? [path] : [];
            }
            const absent = properties.filter((p) => !p.optional && (result as Record<string, unknown>)[p.name] === undefined);
            return absent.map((p) => `${path}.${p.name}`);
        });
        expect(incomplete).toEqual([]);
    });

    test("typed answers: what a program reads is there and of its declared type", async () => {
        const vpc: awsTypes.ec2.GetVpcResult = await aws.ec2.getVpc({ id: "vpc-0123456789abcdef0" });
        expect(vpc.id).toBe("vpc-0123456789abcdef0");
        expect(typeof vpc.cidrBlock).toBe("string");
        expect(vpc.cidrBlockAssociations.length).toBeGreaterThan(0);

        const zone: awsTypes.route53.GetZoneResult = await aws.route53.getZone({ name: "example.com" });
        expect(zone.name).toBe("example.com");
        expect(zone.zoneId).toMatch(/^Z[0-9A-Z]+$/);
        expect(zone.nameServers.length).toBeGreaterThan(0);

        const azs: awsTypes.GetAvailabilityZonesResult = await aws.getAvailabilityZones({ state: "available" });
        expect(azs.names).toEqual(["eu-west-1a", "eu-west-1b", "eu-west-1c"]);

        const subnets: awsTypes.ec2.GetSubnetsResult = await aws.ec2.getSubnets({ filters: [{ name: "vpc-id", values: [vpc.id] }] });
        expect(subnets.ids.every((id) => id.startsWith("subnet-"))).toBe(true);

        const doc: awsTypes.iam.GetPolicyDocumentResult = await aws.iam.getPolicyDocument({
            statements: [{ actions: ["sts:AssumeRole"], principals: [{ type: "Service", identifiers: ["ecs-tasks.amazonaws.com"] }] }],
        });
        expect(JSON.parse(doc.json).Statement[0]).toEqual({ Effect: "Allow", Action: "sts:AssumeRole", Principal: { Service: "ecs-tasks.amazonaws.com" } });

        const secret: awsTypes.secretsmanager.GetSecretVersionResult = await aws.secretsmanager.getSecretVersion({ secretId: "db" });
        expect(() => JSON.parse(secret.secretString)).not.toThrow();

        expect(await aws.arnBuild("aws", "s3", "", "", "bucket")).toBe("arn:aws:s3:::bucket");
    });

    test("the Output form of a function resolves to the same answer", async () => {
        const plain = await aws.ec2.getAmi({ owners: ["amazon"], mostRecent: true });
        const output = aws.ec2.getAmiOutput({ owners: ["amazon"], mostRecent: true });
        const value = await new Promise((resolve) => output.apply(resolve));
        expect(value).toEqual(plain);
    });
});

describe("the resources of @pulumi/aws", () => {
    test("every resource class the package exports has its outputs recorded", () => {
        const classes = walk(aws as unknown as Record<string, unknown>, "aws").flatMap(({ path, value }) => {
            const type = (value as { __pulumiType?: unknown }).__pulumiType;
            return typeof type === "string" && type.includes(":") ? [{ path, type }] : [];
        });
        expect(classes.length).toBeGreaterThan(1000);
        const missing = classes.filter((c) => resourceOutputStandIns(c.type, "x", {}, CONTEXT) === undefined).map((c) => `${c.path} (${c.type})`);
        expect(missing).toEqual([]);
    });
});
