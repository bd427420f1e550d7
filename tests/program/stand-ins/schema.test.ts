import * as fs from "fs";
import { generate } from "../../../scripts/generate-stand-ins";
import { dataFile, formatProperties, formatType, parseProperties, parseType, serializeData, StandInData } from "../../../src/program/stand-ins/schema";

describe("the stand-in type notation", () => {
    test.each(["s", "n", "b", "*", "o", "s[]", "s{}", "@ec2.GetVpcFilter[]", "n[][]", "@iam.GetPolicyDocumentStatement{}", "*[]"])("%s reads back as written", (code) => {
        expect(formatType(parseType(code))).toBe(code);
    });

    test("optional properties carry a ?", () => {
        const encoded = { id: "s", "filters?": "@ec2.GetVpcFilter[]" };
        expect(parseProperties(encoded)).toEqual([
            { name: "id", optional: false, type: { kind: "string" } },
            { name: "filters", optional: true, type: { kind: "array", of: { kind: "object", name: "ec2.GetVpcFilter" } } },
        ]);
        expect(formatProperties(parseProperties(encoded))).toEqual(encoded);
    });

    test("rejects what it does not know", () => {
        expect(() => parseType("x")).toThrow(/not a stand-in type/);
    });

    test("the data file reads back as written", () => {
        const data: StandInData = {
            packages: { "@pulumi/aws": "1.0.0" },
            functions: { "aws:ec2/getVpc:getVpc": { id: "s" } },
            types: {},
            resources: { "aws:s3/bucket:Bucket": { computed: { arn: "s" }, settable: { bucket: "s" }, autoname: "bucket" } },
            aliases: {},
        };
        expect(JSON.parse(serializeData(data))).toEqual(data);
    });
});

describe("the committed data", () => {
    // Regenerating reads every declaration of both packages: slow, but it is the drift check.
    test("is what the generator writes from the installed packages", () => {
        expect(serializeData(generate()) === fs.readFileSync(dataFile(), "utf8")).toBe(true);
    }, 120000);

    test("every object type a function names is recorded", () => {
        const data = JSON.parse(fs.readFileSync(dataFile(), "utf8")) as StandInData;
        const named = [...Object.values(data.functions), ...Object.values(data.types)]
            .flatMap((properties) => Object.values(properties))
            .map((code) => /@([^[{]+)/.exec(code)?.[1])
            .filter((name): name is string => name !== undefined);
        expect(named.filter((name) => !(name in data.types))).toEqual([]);
    });
});
