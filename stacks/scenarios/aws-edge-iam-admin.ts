import * as aws from "@pulumi/aws";
import { scenario } from "../scenario";

export default scenario({
    description: "An operations policy grants every action on every resource",
    violations: [["aws-iam-disallow-wildcard-admin", "ops-admin"]],
    extra: () => {
        new aws.iam.Policy("ops-admin", {
            description: "Temporary access for the migration",
            policy: JSON.stringify({ Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: "*", Resource: "*" }] }),
        });
    },
});
