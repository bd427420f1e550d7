import { resourcePolicy } from "../../lib/define";
import { describeType, given, text } from "../../lib/values";

/** Certificate authorities RDS has retired: their certificates expired in 2020 (2015) and 2024 (2019). */
const RETIRED = ["rds-ca-2015", "rds-ca-2019"];

/** The property that names the CA, per resource type. */
function property(type: string): string {
    return type === "aws:rds/cluster:Cluster" ? "caCertificateIdentifier" : "caCertIdentifier";
}

export default resourcePolicy({
    name: "aws-rds-require-current-ca",
    description: "RDS instances, Aurora instances and Multi-AZ DB clusters that choose their server certificate's CA choose a current one, never a retired CA (rds-ca-2015, rds-ca-2019) whose expired certificate makes clients that verify TLS refuse to connect. Omitted, RDS uses its current default CA, which passes.",
    priority: "P1",
    severity: "high",
    checklist: ["004.data-security.encryption-in-transit", "004.network-security.tls-certificate"],
    remediationSteps: "Set caCertIdentifier (caCertificateIdentifier on a cluster) to rds-ca-rsa2048-g1, rds-ca-rsa4096-g1 or rds-ca-ecc384-g1, or leave it out, and give clients the matching bundle from the RDS global certificate bundle.",
    tags: ["transport-security"],
    config: {
        allowedCertificateAuthorities: {
            type: "array",
            items: { type: "string" },
            default: ["rds-ca-rsa2048-g1", "rds-ca-rsa4096-g1", "rds-ca-ecc384-g1"],
            description: "The CAs accepted. Default: the CAs RDS issues certificates from since rds-ca-2019 expired in August 2024 (RDS User Guide, \"Using SSL/TLS to encrypt a connection to a DB instance\"); 004 asks for valid TLS certificates and encryption in transit. A retired CA fails even when listed.",
        },
    },
    resourceTypes: ["aws:rds/instance:Instance", "aws:rds/clusterInstance:ClusterInstance", "aws:rds/cluster:Cluster"],
    validate: ({ type, name, props }, config, report) => {
        const key = property(type);
        const value = given(props[key]);
        if (value === undefined) {
            return; // RDS applies its current default CA
        }
        const where = `${type === "aws:rds/cluster:Cluster" ? "RDS cluster" : type === "aws:rds/clusterInstance:ClusterInstance" ? "RDS cluster instance" : "RDS instance"} '${name}'`;
        const fix = `set ${key} to ${config.allowedCertificateAuthorities.join(", ")}, or leave it out`;
        const ca = text(value);
        if (ca === undefined) {
            report(`${where} sets ${key} to ${describeType(value)}, not a CA name: ${fix}.`);
        } else if (RETIRED.includes(ca)) {
            report(`${where} sets ${key} to the retired CA "${ca}", whose certificates have expired: ${fix}.`);
        } else if (!config.allowedCertificateAuthorities.includes(ca)) {
            report(`${where} sets ${key} to "${ca}", not an allowed CA: ${fix}.`);
        }
    },
});
