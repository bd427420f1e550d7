import type * as aws from "@pulumi/aws";
import policy from "../../../../policies/aws/lambda/disallow-deprecated-runtime";
import { checkResource, UNKNOWN } from "../../../harness/policy";

const T = "aws:lambda/function:Function";
const fn: aws.lambda.FunctionArgs = { role: "arn:aws:iam::123456789012:role/fn", runtime: "nodejs22.x", handler: "index.handler" };

describe("aws-lambda-disallow-deprecated-runtime", () => {
    it("passes supported runtimes and container images (no runtime)", () => {
        for (const runtime of ["nodejs22.x", "nodejs24.x", "python3.13", "java21", "provided.al2023"]) {
            expect(checkResource(policy, { type: T, props: { ...fn, runtime } }).violations).toEqual([]);
        }
        expect(checkResource(policy, { type: T, props: { role: "r", packageType: "Image", imageUri: "123456789012.dkr.ecr.us-east-1.amazonaws.com/fn:1" } }).violations).toEqual([]);
    });
    it.each([["nodejs20.x", "2026-04-30"], ["python3.9", "2025-12-15"], ["go1.x", "2024-01-08"], ["nodejs18.x", "2025-09-01"]])("fires on %s, deprecated on %s", (runtime, date) => {
        expect(checkResource(policy, { type: T, name: "webhook", props: { ...fn, runtime } }).violations)
            .toEqual([`Lambda function 'webhook' runs on runtime "${runtime}" (deprecated by AWS on ${date}), which gets no security patches and which AWS blocks from updates: move it to a supported runtime of its language.`]);
    });
    it("is unknown when the runtime is unknown during preview, and ignores unrelated unknowns", () => {
        expect(checkResource(policy, { type: T, props: { ...fn, runtime: UNKNOWN } }).unknown).toBeDefined();
        expect(checkResource(policy, { type: T, props: { ...fn, role: UNKNOWN, runtime: "python3.8" } }).violations).toHaveLength(1);
        expect(checkResource(policy, { type: T, props: { ...fn, role: UNKNOWN } }).violations).toEqual([]);
    });
    it("takes the list of deprecated runtimes from config", () => {
        expect(checkResource(policy, { type: T, props: { ...fn, runtime: "python3.10" } }).violations).toEqual([]);
        const verdict = checkResource(policy, { type: T, props: { ...fn, runtime: "python3.10" }, config: { deprecatedRuntimes: ["python3.10", "python3.11"] } });
        expect(verdict.violations).toEqual([expect.stringContaining("runs on runtime \"python3.10\", which gets no security patches")]);
        expect(checkResource(policy, { type: T, props: { ...fn, runtime: "nodejs20.x" }, config: { deprecatedRuntimes: ["python3.10"] } }).violations).toEqual([]);
    });
});
