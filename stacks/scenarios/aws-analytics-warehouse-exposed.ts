import type * as aws from "@pulumi/aws";
import { patch, scenario } from "../scenario";

export default scenario({
    description: "The Redshift warehouse is publicly accessible and its parameter group no longer requires TLS",
    violations: [
        ["aws-redshift-disallow-public-access", "app-warehouse"],
        ["aws-redshift-require-tls", "app-warehouse"],
    ],
    patches: [
        patch<aws.redshift.ClusterArgs>("aws:redshift/cluster:Cluster", "app-warehouse", (a) => { a.publiclyAccessible = true; }),
        patch<aws.redshift.ParameterGroupArgs>("aws:redshift/parameterGroup:ParameterGroup", "app-warehouse-params", (a) => {
            a.parameters = [{ name: "require_ssl", value: "false" }, { name: "enable_user_activity_logging", value: "true" }];
        }),
    ],
});
