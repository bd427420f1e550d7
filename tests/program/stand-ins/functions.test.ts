import { functionStandIn, functionTokens } from "../../../src/program/stand-ins";
import { parseProperties, standInData, TypeDesc } from "../../../src/program/stand-ins/schema";

const CONTEXT = { region: "us-east-1", accountId: "123456789012" };

/** True when `value` has the recorded type, checked all the way down. */
function ofType(value: unknown, type: TypeDesc): boolean {
    switch (type.kind) {
        case "any":
            return true;
        case "string":
        case "number":
        case "boolean":
            return typeof value === type.kind;
        case "array":
            return Array.isArray(value) && value.every((v) => ofType(v, type.of));
        case "map":
            return typeof value === "object" && value !== null && Object.values(value).every((v) => ofType(v, type.of));
        case "object": {
            if (typeof value !== "object" || value === null || Array.isArray(value)) {
                return false;
            }
            const record = value as Record<string, unknown>;
            const properties = type.name ? parseProperties(standInData().types[type.name]) : [];
            return properties.every((p) => (record[p.name] === undefined ? p.optional : ofType(record[p.name], p.type)));
        }
    }
}

function resultOfType(token: string, result: Record<string, unknown>): boolean {
    return parseProperties(standInData().functions[token]).every((p) => (result[p.name] === undefined ? p.optional : ofType(result[p.name], p.type)));
}

describe("functionStandIn", () => {
    test("answers every recorded function with a value of its result type", () => {
        const tokens = functionTokens();
        expect(tokens.length).toBeGreaterThan(600);
        expect(tokens).toContain("kubernetes:yaml:decode");
        const wrong = tokens.filter((token) => !resultOfType(token, functionStandIn(token, {}, CONTEXT)!));
        expect(wrong).toEqual([]);
    });

    test("knows nothing of tokens neither package declares", () => {
        expect(functionStandIn("aws:ec2/getNothing:getNothing", {}, CONTEXT)).toBeUndefined();
        // A resource's `get` reads the resource; it is not a function.
        expect(functionStandIn("aws:s3/bucket:Bucket", {}, CONTEXT)).toBeUndefined();
    });

    test("the same arguments give the same answer, other arguments another one", () => {
        const token = "aws:ec2/getVpc:getVpc";
        const a = functionStandIn(token, { tags: { team: "web" }, default: false }, CONTEXT);
        const b = functionStandIn(token, { default: false, tags: { team: "web" } }, CONTEXT);
        const c = functionStandIn(token, { tags: { team: "db" } }, CONTEXT);
        expect(a).toEqual(b);
        expect(c?.id).not.toEqual(a?.id);
    });

    test("ec2.getVpc echoes the id it was asked for and builds its ARN from it", () => {
        const vpc = functionStandIn("aws:ec2/getVpc:getVpc", { id: "vpc-0a1b2c3d4e5f60718" }, CONTEXT)!;
        expect(vpc.id).toBe("vpc-0a1b2c3d4e5f60718");
        expect(vpc.arn).toBe("arn:aws:ec2:us-east-1:123456789012:vpc/vpc-0a1b2c3d4e5f60718");
        expect(vpc.cidrBlock).toMatch(/^10\.\d+\.0\.0\/16$/);
        expect(vpc.ownerId).toBe("123456789012");
        expect(vpc.default).toBe(false);
        expect(vpc.mainRouteTableId).toMatch(/^rtb-0[0-9a-f]{16}$/);
    });

    test("ec2.getVpc without an id makes one up in the shape of a VPC id", () => {
        const vpc = functionStandIn("aws:ec2/getVpc:getVpc", { default: true }, CONTEXT)!;
        expect(vpc.id).toMatch(/^vpc-0[0-9a-f]{16}$/);
        expect(vpc.default).toBe(true);
    });

    test("route53.getZone echoes the name and sets a hosted zone id", () => {
        const zone = functionStandIn("aws:route53/getZone:getZone", { name: "example.com", privateZone: false }, CONTEXT)!;
        expect(zone.name).toBe("example.com");
        expect(zone.zoneId).toMatch(/^Z[0-9A-F]{20}$/);
        expect(zone.id).toBe(zone.zoneId);
        expect(zone.arn).toBe(`arn:aws:route53:::hostedzone/${zone.zoneId}`);
        expect((zone.nameServers as string[]).every((ns) => /^ns-\d+\.awsdns-\d+\.com$/.test(ns))).toBe(true);
    });

    test("ec2.getAmi answers an AMI id in both id and imageId, and echoes its filters", () => {
        const filters = [{ name: "name", values: ["al2023-ami-*-x86_64"] }];
        const ami = functionStandIn("aws:ec2/getAmi:getAmi", { owners: ["amazon"], mostRecent: true, filters }, CONTEXT)!;
        expect(ami.id).toMatch(/^ami-0[0-9a-f]{16}$/);
        expect(ami.imageId).toBe(ami.id);
        expect(ami.owners).toEqual(["amazon"]);
        expect(ami.filters).toEqual(filters);
        expect(ami.creationDate).toBe("2024-01-01T00:00:00Z");
    });

    test("getAvailabilityZones lists three zones of the region", () => {
        const azs = functionStandIn("aws:index/getAvailabilityZones:getAvailabilityZones", { state: "available" }, { ...CONTEXT, region: "eu-west-1" })!;
        expect(azs.names).toEqual(["eu-west-1a", "eu-west-1b", "eu-west-1c"]);
        expect(azs.zoneIds).toEqual(["euw1-az1", "euw1-az2", "euw1-az3"]);
        expect(azs.state).toBe("available");
    });

    test("ec2.getSubnets lists three subnet ids and echoes its filters", () => {
        const filters = [{ name: "vpc-id", values: ["vpc-0a1b2c3d4e5f60718"] }];
        const subnets = functionStandIn("aws:ec2/getSubnets:getSubnets", { filters }, CONTEXT)!;
        const ids = subnets.ids as string[];
        expect(ids).toHaveLength(3);
        expect(new Set(ids).size).toBe(3);
        expect(ids.every((id) => /^subnet-0[0-9a-f]{16}$/.test(id))).toBe(true);
        expect(subnets.filters).toEqual(filters);
    });

    test("iam.getPolicyDocument writes the statements as an IAM policy", () => {
        const doc = functionStandIn(
            "aws:iam/getPolicyDocument:getPolicyDocument",
            {
                statements: [
                    { sid: "Read", actions: ["s3:GetObject"], resources: ["arn:aws:s3:::b/*", "arn:aws:s3:::b"] },
                    {
                        effect: "Deny",
                        actions: ["s3:*"],
                        resources: ["*"],
                        principals: [{ type: "*", identifiers: ["*"] }],
                        conditions: [{ test: "Bool", variable: "aws:SecureTransport", values: ["false"] }],
                    },
                ],
            },
            CONTEXT,
        )!;
        expect(JSON.parse(doc.json as string)).toEqual({
            Version: "2012-10-17",
            Statement: [
                { Sid: "Read", Effect: "Allow", Action: "s3:GetObject", Resource: ["arn:aws:s3:::b/*", "arn:aws:s3:::b"] },
                { Effect: "Deny", Action: "s3:*", Resource: "*", Principal: "*", Condition: { Bool: { "aws:SecureTransport": "false" } } },
            ],
        });
        expect(JSON.parse(doc.minifiedJson as string)).toEqual(JSON.parse(doc.json as string));
        expect(doc.sourceJson).toBeUndefined();
    });

    test("iam.getPolicyDocument merges source and override documents by Sid", () => {
        const source = JSON.stringify({ Statement: [{ Sid: "A", Effect: "Allow", Action: "s3:GetObject", Resource: "*" }] });
        const override = JSON.stringify({ Statement: [{ Sid: "A", Effect: "Deny", Action: "s3:GetObject", Resource: "*" }] });
        const doc = functionStandIn(
            "aws:iam/getPolicyDocument:getPolicyDocument",
            { sourcePolicyDocuments: [source], overridePolicyDocuments: [override], statements: [{ sid: "B", actions: ["s3:ListBucket"], resources: ["*"] }] },
            CONTEXT,
        )!;
        expect(JSON.parse(doc.json as string).Statement.map((s: { Sid: string; Effect: string }) => `${s.Sid}:${s.Effect}`)).toEqual(["A:Deny", "B:Allow"]);
    });

    test("JSON-typed strings are JSON documents", () => {
        const secret = functionStandIn("aws:secretsmanager/getSecretVersion:getSecretVersion", { secretId: "db" }, CONTEXT)!;
        expect(JSON.parse(secret.secretString as string)).toEqual({});
        expect(secret.secretId).toBe("db");
        const policy = functionStandIn("aws:iam/getPolicy:getPolicy", { name: "ops" }, CONTEXT)!;
        expect(() => JSON.parse(policy.policy as string)).not.toThrow();
        expect(policy.arn).toBe("arn:aws:iam::123456789012:policy/ops");
    });

    test("an argument's region is the region of the answer", () => {
        const vpc = functionStandIn("aws:ec2/getVpc:getVpc", { region: "ap-southeast-2" }, CONTEXT)!;
        expect(vpc.region).toBe("ap-southeast-2");
        expect(vpc.arn).toMatch(/^arn:aws:ec2:ap-southeast-2:123456789012:vpc\/vpc-/);
    });

    test("getCallerIdentity answers the context's account", () => {
        const identity = functionStandIn("aws:index/getCallerIdentity:getCallerIdentity", {}, CONTEXT)!;
        expect(identity.accountId).toBe("123456789012");
        expect(identity.arn).toMatch(/^arn:aws:iam::123456789012:/);
    });

    test("ARN helpers compute what the provider would", () => {
        expect(functionStandIn("aws:index/arnBuild:arnBuild", { partition: "aws", service: "iam", region: "", accountId: "123456789012", resource: "role/app" }, CONTEXT))
            .toEqual({ result: "arn:aws:iam::123456789012:role/app" });
        expect(functionStandIn("aws:index/arnParse:arnParse", { arn: "arn:aws:lambda:us-east-1:123456789012:function:fn:live" }, CONTEXT))
            .toEqual({ partition: "aws", service: "lambda", region: "us-east-1", accountId: "123456789012", resource: "function:fn:live" });
        expect(functionStandIn("aws:index/trimIamRolePath:trimIamRolePath", { arn: "arn:aws:iam::123456789012:role/service-role/app" }, CONTEXT))
            .toEqual({ result: "arn:aws:iam::123456789012:role/app" });
    });

    test("the kubernetes helpers answer an empty list of rendered objects", () => {
        expect(functionStandIn("kubernetes:helm:template", { jsonOpts: "{}" }, CONTEXT)).toEqual({ result: [] });
    });
});
