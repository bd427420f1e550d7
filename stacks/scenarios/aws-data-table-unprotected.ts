import type * as aws from "@pulumi/aws";
import { patch, scenario } from "../scenario";

export default scenario({
    description: "The sessions table is left at the DynamoDB defaults: no point-in-time recovery, no deletion protection",
    violations: [
        ["aws-dynamodb-require-point-in-time-recovery", "app-sessions"],
        ["aws-dynamodb-require-deletion-protection", "app-sessions"],
    ],
    patches: [patch<aws.dynamodb.TableArgs>("aws:dynamodb/table:Table", "app-sessions", (a) => {
        delete a.pointInTimeRecovery;
        delete a.deletionProtectionEnabled;
    })],
});
