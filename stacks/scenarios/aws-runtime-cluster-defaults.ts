import * as aws from "@pulumi/aws";
import { patch, scenario } from "../scenario";

export default scenario({
    description: "Clusters left at their defaults: EKS secrets without a key of our own, ECS Container Insights off, EBS encryption by default turned off for the account, and a DocumentDB cluster whose parameter group disables TLS and that exports no audit log",
    violations: [
        ["aws-eks-require-secrets-encryption", "app-platform"],
        ["aws-ecs-require-container-insights", "app-cluster"],
        ["aws-ebs-require-encryption-by-default", "app-ebs-encryption-by-default"],
        ["aws-docdb-require-tls", "orders-docs"],
        ["aws-docdb-require-log-exports", "orders-docs"],
    ],
    patches: [
        patch<aws.eks.ClusterArgs>("aws:eks/cluster:Cluster", "app-platform", (a) => { delete a.encryptionConfig; }),
        patch<aws.ecs.ClusterArgs>("aws:ecs/cluster:Cluster", "app-cluster", (a) => { a.settings = [{ name: "containerInsights", value: "disabled" }]; }),
        patch<aws.ebs.EncryptionByDefaultArgs>("aws:ebs/encryptionByDefault:EncryptionByDefault", "app-ebs-encryption-by-default", (a) => { a.enabled = false; }),
    ],
    extra: () => {
        const parameters = new aws.docdb.ClusterParameterGroup("orders-docs-params", {
            family: "docdb5.0",
            description: "Orders catalogue, for clients without TLS support",
            parameters: [{ name: "tls", value: "disabled" }],
        });
        new aws.docdb.Cluster("orders-docs", {
            engine: "docdb",
            masterUsername: "orders",
            manageMasterUserPassword: true,
            storageEncrypted: true,
            backupRetentionPeriod: 35,
            deletionProtection: true,
            dbClusterParameterGroupName: parameters.name,
            tags: { backup: "daily" },
        });
    },
});
