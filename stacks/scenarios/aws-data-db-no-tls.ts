import type * as aws from "@pulumi/aws";
import { patch, scenario } from "../scenario";

export default scenario({
    description: "The database's parameter group no longer forces TLS",
    violations: [["aws-rds-require-tls", "app-db"]],
    patches: [patch<aws.rds.ClusterParameterGroupArgs>("aws:rds/clusterParameterGroup:ClusterParameterGroup", "app-db-params", (a) => {
        a.parameters = [{ name: "log_min_duration_statement", value: "1000" }];
    })],
});
