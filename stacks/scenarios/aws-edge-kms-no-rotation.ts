import type * as aws from "@pulumi/aws";
import { patch, scenario } from "../scenario";

export default scenario({
    description: "The application's KMS key never rotates",
    violations: [["aws-kms-require-key-rotation", "app-key"]],
    patches: [patch<aws.kms.KeyArgs>("aws:kms/key:Key", "app-key", (a) => { a.enableKeyRotation = false; delete a.rotationPeriodInDays; })],
});
