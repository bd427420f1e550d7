import type * as aws from "@pulumi/aws";
import policy from "../../../../policies/aws/opensearch/require-node-to-node-encryption";
import { checkResource, UNKNOWN } from "../../../harness/policy";

const DOMAIN = "aws:opensearch/domain:Domain";
const ES = "aws:elasticsearch/domain:Domain";
const cluster: aws.types.input.opensearch.DomainClusterConfig = { instanceType: "r6g.large.search", instanceCount: 3, zoneAwarenessEnabled: true, zoneAwarenessConfig: { availabilityZoneCount: 3 } };
const domain: aws.opensearch.DomainArgs = { engineVersion: "OpenSearch_2.13", clusterConfig: cluster, nodeToNodeEncryption: { enabled: true } };
const single: aws.opensearch.DomainArgs = { engineVersion: "OpenSearch_2.13", clusterConfig: { instanceType: "t3.small.search", instanceCount: 1 } };

describe("aws-opensearch-require-node-to-node-encryption", () => {
    it("passes enabled node-to-node encryption", () => {
        expect(checkResource(policy, { type: DOMAIN, props: domain }).violations).toEqual([]);
    });
    it("fires when disabled, on Elasticsearch domains too", () => {
        const es: aws.elasticsearch.DomainArgs = { elasticsearchVersion: "7.10", clusterConfig: { instanceCount: 2 }, nodeToNodeEncryption: { enabled: false } };
        expect(checkResource(policy, { type: ES, name: "logs", props: es }).violations).toEqual([expect.stringContaining("Elasticsearch domain 'logs' does not encrypt")]);
    });
    it("fires when omitted on a multi-node domain", () => {
        expect(checkResource(policy, { type: DOMAIN, props: { ...domain, nodeToNodeEncryption: undefined } }).violations).toHaveLength(1);
    });
    it("exempts a single-node domain (one instance or instanceCount unset), which has no traffic between nodes", () => {
        expect(checkResource(policy, { type: DOMAIN, props: single }).violations).toEqual([]);
        expect(checkResource(policy, { type: DOMAIN, props: { engineVersion: "OpenSearch_2.13" } }).violations).toEqual([]);
        expect(checkResource(policy, { type: ES, props: { elasticsearchVersion: "7.10", nodeToNodeEncryption: { enabled: false } } }).violations).toEqual([]);
    });
    it("does not exempt one data node with zone awareness or dedicated masters", () => {
        expect(checkResource(policy, { type: DOMAIN, props: { ...single, clusterConfig: { instanceCount: 1, zoneAwarenessEnabled: true } } }).violations).toHaveLength(1);
        expect(checkResource(policy, { type: DOMAIN, props: { ...single, clusterConfig: { instanceCount: 1, dedicatedMasterEnabled: true, dedicatedMasterCount: 3 } } }).violations).toHaveLength(1);
    });
    it("requires it on single-node domains when the exemption is turned off", () => {
        expect(checkResource(policy, { type: DOMAIN, name: "search", props: single, config: { exemptSingleNodeDomains: false } }).violations)
            .toEqual([expect.stringContaining("OpenSearch domain 'search' does not encrypt traffic between its nodes")]);
    });
    it("reports a value unknown during preview as unknown", () => {
        expect(checkResource(policy, { type: DOMAIN, props: { ...domain, nodeToNodeEncryption: { enabled: UNKNOWN } } }).unknown).toBeDefined();
        expect(checkResource(policy, { type: DOMAIN, props: { ...domain, nodeToNodeEncryption: undefined, clusterConfig: { instanceCount: UNKNOWN } } }).unknown).toBeDefined();
    });
});
