import type * as aws from "@pulumi/aws";
import policy from "../../../../policies/aws/rds/require-current-ca";
import { checkResource, UNKNOWN } from "../../../harness/policy";

const INSTANCE = "aws:rds/instance:Instance";
const CLUSTER_INSTANCE = "aws:rds/clusterInstance:ClusterInstance";
const CLUSTER = "aws:rds/cluster:Cluster";
const instance: aws.rds.InstanceArgs = { engine: "postgres", instanceClass: "db.t4g.medium", caCertIdentifier: "rds-ca-rsa2048-g1" };
const member: aws.rds.ClusterInstanceArgs = { clusterIdentifier: "app-db", instanceClass: "db.r6g.large", engine: "aurora-postgresql", caCertIdentifier: "rds-ca-ecc384-g1" };

describe("aws-rds-require-current-ca", () => {
    it("passes a current CA on an instance, a cluster instance and a Multi-AZ cluster", () => {
        expect(checkResource(policy, { type: INSTANCE, props: instance }).violations).toEqual([]);
        expect(checkResource(policy, { type: CLUSTER_INSTANCE, props: member }).violations).toEqual([]);
        const cluster: aws.rds.ClusterArgs = { engine: "postgres", caCertificateIdentifier: "rds-ca-rsa4096-g1" };
        expect(checkResource(policy, { type: CLUSTER, props: cluster }).violations).toEqual([]);
    });

    it("passes when the CA is omitted or empty (RDS applies its current default)", () => {
        const { caCertIdentifier: _, ...omitted } = instance;
        expect(checkResource(policy, { type: INSTANCE, props: omitted }).violations).toEqual([]);
        expect(checkResource(policy, { type: CLUSTER_INSTANCE, props: { ...member, caCertIdentifier: "" } }).violations).toEqual([]);
    });

    it("fires on each retired CA", () => {
        for (const ca of ["rds-ca-2015", "rds-ca-2019"]) {
            expect(checkResource(policy, { type: CLUSTER_INSTANCE, name: "app-db-0", props: { ...member, caCertIdentifier: ca } }).violations)
                .toEqual([expect.stringContaining(`RDS cluster instance 'app-db-0' sets caCertIdentifier to the retired CA "${ca}"`)]);
        }
        expect(checkResource(policy, { type: CLUSTER, name: "db", props: { engine: "mysql", caCertificateIdentifier: "rds-ca-2019" } satisfies aws.rds.ClusterArgs }).violations)
            .toEqual([expect.stringContaining("RDS cluster 'db' sets caCertificateIdentifier to the retired CA")]);
    });

    it("fires on a CA outside the allowed list, and on a value that is not a string", () => {
        expect(checkResource(policy, { type: INSTANCE, props: { ...instance, caCertIdentifier: "rds-ca-legacy" } }).violations).toEqual([expect.stringContaining("\"rds-ca-legacy\", not an allowed CA")]);
        expect(checkResource(policy, { type: INSTANCE, props: { ...instance, caCertIdentifier: 2019 } }).violations).toEqual([expect.stringContaining("not a CA name")]);
    });

    it("reports a CA unknown during preview as unknown", () => {
        const verdict = checkResource(policy, { type: INSTANCE, props: { ...instance, caCertIdentifier: UNKNOWN } });
        expect(verdict.unknown).toBeDefined();
        expect(verdict.violations).toEqual([]);
    });

    it("takes the allowed CAs from config, and never accepts a retired one", () => {
        expect(checkResource(policy, { type: INSTANCE, props: instance, config: { allowedCertificateAuthorities: ["rds-ca-ecc384-g1"] } }).violations).toHaveLength(1);
        expect(checkResource(policy, { type: INSTANCE, props: { ...instance, caCertIdentifier: "rds-ca-2019" }, config: { allowedCertificateAuthorities: ["rds-ca-2019"] } }).violations)
            .toEqual([expect.stringContaining("retired")]);
    });
});
