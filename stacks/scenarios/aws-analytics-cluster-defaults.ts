import type * as aws from "@pulumi/aws";
import { patch, scenario } from "../scenario";

export default scenario({
    description: "The EKS cluster keeps EKS's defaults: a public API endpoint open to 0.0.0.0/0 and no control-plane logs",
    violations: [
        ["aws-eks-restrict-public-endpoint", "app-platform"],
        ["aws-eks-require-control-plane-logs", "app-platform"],
    ],
    patches: [patch<aws.eks.ClusterArgs>("aws:eks/cluster:Cluster", "app-platform", (a) => {
        const vpc = a.vpcConfig as aws.types.input.eks.ClusterVpcConfig;
        a.vpcConfig = { subnetIds: vpc.subnetIds };
        delete a.enabledClusterLogTypes;
    })],
});
