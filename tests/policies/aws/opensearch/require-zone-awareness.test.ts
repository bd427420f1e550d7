import type * as aws from "@pulumi/aws";
import policy from "../../../../policies/aws/opensearch/require-zone-awareness";
import { checkResource, UNKNOWN } from "../../../harness/policy";

const T = "aws:opensearch/domain:Domain";
type Cluster = aws.types.input.opensearch.DomainClusterConfig;
const resilient: Cluster = {
    instanceType: "r6g.large.search", instanceCount: 3, zoneAwarenessEnabled: true, zoneAwarenessConfig: { availabilityZoneCount: 3 },
    dedicatedMasterEnabled: true, dedicatedMasterCount: 3, dedicatedMasterType: "m6g.large.search",
};
const domain = (clusterConfig?: Cluster): aws.opensearch.DomainArgs => ({ engineVersion: "OpenSearch_2.13", clusterConfig });

describe("aws-opensearch-require-zone-awareness", () => {
    it("passes three data nodes across zones with three dedicated masters, and Multi-AZ with standby", () => {
        expect(checkResource(policy, { type: T, props: domain(resilient) }).violations).toEqual([]);
        expect(checkResource(policy, { type: T, props: domain({ instanceCount: 6, multiAzWithStandbyEnabled: true }) }).violations).toEqual([]);
        expect(checkResource(policy, { type: T, props: domain({ instanceCount: 2, zoneAwarenessEnabled: true }) }).violations).toEqual([]);
    });

    it("passes a single-node domain, also when clusterConfig is omitted", () => {
        expect(checkResource(policy, { type: T, props: domain() }).violations).toEqual([]);
        expect(checkResource(policy, { type: T, props: domain({ instanceType: "t3.small.search", instanceCount: 1 }) }).violations).toEqual([]);
    });

    it("fires on several data nodes without zone awareness", () => {
        expect(checkResource(policy, { type: T, name: "search", props: domain({ instanceCount: 2 }) }).violations)
            .toEqual([expect.stringContaining("OpenSearch domain 'search' (2 data nodes) omits clusterConfig.zoneAwarenessEnabled")]);
        expect(checkResource(policy, { type: T, props: domain({ ...resilient, zoneAwarenessEnabled: false }) }).violations)
            .toEqual([expect.stringContaining("sets clusterConfig.zoneAwarenessEnabled to false")]);
    });

    it("fires on three or more data nodes without enough dedicated masters", () => {
        expect(checkResource(policy, { type: T, name: "search", props: domain({ ...resilient, dedicatedMasterEnabled: undefined }) }).violations)
            .toEqual([expect.stringContaining("OpenSearch domain 'search' (3 data nodes) omits clusterConfig.dedicatedMasterEnabled")]);
        expect(checkResource(policy, { type: T, props: domain({ ...resilient, dedicatedMasterCount: 2 }) }).violations)
            .toEqual([expect.stringContaining("sets clusterConfig.dedicatedMasterCount to 2 dedicated master node(s), below the minimum 3")]);
    });

    it("fires on malformed values", () => {
        expect(checkResource(policy, { type: T, props: { engineVersion: "OpenSearch_2.13", clusterConfig: { instanceCount: "three" } } }).violations).toEqual([expect.stringContaining("not a whole number")]);
    });

    it("reports a node count unknown during preview as unknown", () => {
        expect(checkResource(policy, { type: T, props: domain({ ...resilient, instanceCount: UNKNOWN as never }) }).unknown).toBeDefined();
    });

    it("takes the dedicated-master threshold from config", () => {
        const five: Cluster = { instanceCount: 4, zoneAwarenessEnabled: true };
        expect(checkResource(policy, { type: T, props: domain(five) }).violations).toHaveLength(1);
        expect(checkResource(policy, { type: T, props: domain(five), config: { dedicatedMasterFromDataNodes: 6 } }).violations).toEqual([]);
    });

    it("judges zones and cluster managers apart: one setting unknown during preview hides no violation of the other", () => {
        expect(checkResource(policy, { type: T, name: "search", props: domain({ ...resilient, zoneAwarenessEnabled: UNKNOWN as never, dedicatedMasterEnabled: false }) }).violations)
            .toEqual([expect.stringContaining("sets clusterConfig.dedicatedMasterEnabled to false")]);
    });
});
