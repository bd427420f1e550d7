import type * as aws from "@pulumi/aws";
import policy from "../../../../policies/aws/eks/restrict-public-endpoint";
import { checkResource, UNKNOWN } from "../../../harness/policy";

const T = "aws:eks/cluster:Cluster";
const vpc: aws.types.input.eks.ClusterVpcConfig = { subnetIds: ["subnet-a", "subnet-b"], endpointPublicAccess: false, endpointPrivateAccess: true };
const cluster: aws.eks.ClusterArgs = { roleArn: "arn:aws:iam::123456789012:role/eks", vpcConfig: vpc };
const withVpc = (vpcConfig: object) => ({ ...cluster, vpcConfig: { ...vpc, ...vpcConfig } });

describe("aws-eks-restrict-public-endpoint", () => {
    it("passes a private endpoint", () => expect(checkResource(policy, { type: T, props: cluster }).violations).toEqual([]));
    it("passes a public endpoint limited to listed networks", () => expect(checkResource(policy, { type: T, props: withVpc({ endpointPublicAccess: true, publicAccessCidrs: ["203.0.113.0/24"] }) }).violations).toEqual([]));
    it("fires on a public endpoint open to the internet", () => {
        for (const cidr of ["0.0.0.0/0", "::/0"]) {
            expect(checkResource(policy, { type: T, name: "platform", props: withVpc({ endpointPublicAccess: true, publicAccessCidrs: ["203.0.113.0/24", cidr] }) }).violations)
                .toEqual([expect.stringContaining(`EKS cluster 'platform' serves a public API endpoint open to ${cidr}`)]);
        }
    });
    it("fires when omitted: public by default, with publicAccessCidrs 0.0.0.0/0", () => {
        expect(checkResource(policy, { type: T, props: { ...cluster, vpcConfig: { subnetIds: ["subnet-a", "subnet-b"] } } }).violations)
            .toEqual([expect.stringContaining("omits vpcConfig.endpointPublicAccess, so EKS serves a public API endpoint with no publicAccessCidrs, which EKS sets to 0.0.0.0/0")]);
        expect(checkResource(policy, { type: T, props: withVpc({ endpointPublicAccess: true, publicAccessCidrs: [] }) }).violations).toHaveLength(1);
    });
    it("fires on malformed values", () => {
        expect(checkResource(policy, { type: T, props: withVpc({ endpointPublicAccess: "no" }) }).violations).toEqual([expect.stringContaining("not a boolean")]);
        expect(checkResource(policy, { type: T, props: withVpc({ endpointPublicAccess: true, publicAccessCidrs: "203.0.113.0/24" }) }).violations).toEqual([expect.stringContaining("not a list")]);
    });
    it("reports unknown", () => expect(checkResource(policy, { type: T, props: withVpc({ endpointPublicAccess: true, publicAccessCidrs: UNKNOWN }) }).unknown).toBeDefined());
    it("requires a private endpoint when configured so", () => expect(checkResource(policy, { type: T, props: withVpc({ endpointPublicAccess: true, publicAccessCidrs: ["203.0.113.0/24"] }), config: { allowRestrictedPublicEndpoint: false } }).violations)
        .toEqual([expect.stringContaining("set vpcConfig.endpointPublicAccess: false")]));

    it("reports an open CIDR next to one unknown during preview", () => {
        expect(checkResource(policy, { type: T, name: "main", props: withVpc({ endpointPublicAccess: true, publicAccessCidrs: [UNKNOWN, "0.0.0.0/0"] }) }).violations)
            .toEqual([expect.stringContaining("EKS cluster 'main' serves a public API endpoint open to 0.0.0.0/0")]);
        expect(checkResource(policy, { type: T, props: withVpc({ endpointPublicAccess: true, publicAccessCidrs: [UNKNOWN] }) }).unknown).toBeDefined();
    });
});
