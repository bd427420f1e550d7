import type * as aws from "@pulumi/aws";
import { patch, scenario } from "../scenario";

export default scenario({
    description: "The webhook token is stored as a plain String parameter",
    violations: [["aws-ssm-require-secure-string", "app-webhook-token"]],
    patches: [patch<aws.ssm.ParameterArgs>("aws:ssm/parameter:Parameter", "app-webhook-token", (a) => { a.type = "String"; delete a.keyId; })],
});
