import type * as aws from "@pulumi/aws";
import policy from "../../../../policies/aws/dynamodb/require-point-in-time-recovery";
import { checkResource, UNKNOWN } from "../../../harness/policy";

const TABLE = "aws:dynamodb/table:Table";
const table: aws.dynamodb.TableArgs = {
    billingMode: "PAY_PER_REQUEST", hashKey: "id", attributes: [{ name: "id", type: "S" }], pointInTimeRecovery: { enabled: true },
};

describe("aws-dynamodb-require-point-in-time-recovery", () => {
    it("passes a table with PITR enabled", () => {
        expect(checkResource(policy, { type: TABLE, props: table }).violations).toEqual([]);
    });

    it("fires when PITR is disabled", () => {
        expect(checkResource(policy, { type: TABLE, name: "t", props: { ...table, pointInTimeRecovery: { enabled: false } } }).violations)
            .toEqual([expect.stringContaining("DynamoDB table 't' has point-in-time recovery off")]);
    });

    it("fires when pointInTimeRecovery is omitted (off by default)", () => {
        const { pointInTimeRecovery: _, ...rest } = table;
        expect(checkResource(policy, { type: TABLE, props: rest }).violations).toEqual([expect.stringContaining("omits pointInTimeRecovery")]);
    });

    it("fires on a malformed value without crashing", () => {
        expect(checkResource(policy, { type: TABLE, props: { ...table, pointInTimeRecovery: true } }).violations)
            .toEqual([expect.stringContaining("not an object")]);
    });

    it("reports a value unknown during preview as unknown", () => {
        const verdict = checkResource(policy, { type: TABLE, props: { ...table, pointInTimeRecovery: { enabled: UNKNOWN } } });
        expect(verdict.unknown).toBeDefined();
    });
});
