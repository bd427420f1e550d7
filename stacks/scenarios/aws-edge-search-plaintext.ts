import * as aws from "@pulumi/aws";
import { scenario } from "../scenario";

export default scenario({
    description: "An OpenSearch domain accepts plain HTTP, and stores and moves its data unencrypted",
    violations: [
        ["aws-opensearch-require-https", "search"],
        ["aws-opensearch-require-node-to-node-encryption", "search"],
        ["aws-opensearch-require-encryption-at-rest", "search"],
        // A public three-node domain without dedicated masters or application logs.
        ["aws-opensearch-require-vpc", "search"],
        ["aws-opensearch-require-zone-awareness", "search"],
        ["aws-opensearch-require-log-publishing", "search"],
    ],
    extra: () => {
        new aws.opensearch.Domain("search", {
            engineVersion: "OpenSearch_2.13",
            clusterConfig: { instanceType: "r6g.large.search", instanceCount: 3, zoneAwarenessEnabled: true },
            ebsOptions: { ebsEnabled: true, volumeSize: 100, volumeType: "gp3" },
            domainEndpointOptions: { enforceHttps: false, tlsSecurityPolicy: "Policy-Min-TLS-1-0-2019-07" },
        });
    },
});
