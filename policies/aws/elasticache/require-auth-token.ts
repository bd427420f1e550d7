import { resourcePolicy } from "../../lib/define";
import { bool, given, isDeclared } from "../../lib/values";

export default resourcePolicy({
    name: "aws-elasticache-require-auth-token",
    description: "ElastiCache replication groups that encrypt connections also authenticate clients: with Redis/Valkey users (userGroupIds, role-based access control) or an AUTH token (authToken or authTokenWo), so reaching the port is not enough to read or flush the cache. Groups without transit encryption are not judged: ElastiCache takes an AUTH token only over TLS, and aws-elasticache-require-encryption-in-transit asks for it.",
    priority: "P1",
    severity: "high",
    checklist: ["003.security.least-privilege"],
    remediationSteps: "Set userGroupIds to a user group whose users have the access strings they need (the default user disabled), or authToken from a secret (e.g. a random.RandomPassword kept in Secrets Manager).",
    tags: ["secrets-identity"],
    config: {
        requireUserGroups: {
            type: "boolean", default: false,
            description: "Accept only user groups (role-based access control), not a shared AUTH token. Default false: 003 asks for least privilege, which a token shared by every client meets only in part, but a token already keeps anonymous clients out.",
        },
    },
    resourceTypes: ["aws:elasticache/replicationGroup:ReplicationGroup"],
    validate: ({ name, props }, config, report) => {
        if (bool(given(props.transitEncryptionEnabled)) !== true) {
            return;
        }
        // Values unknown during preview (a generated token, a user group's id) count as set; the token is never read.
        if (isDeclared(props, "userGroupIds")) {
            return;
        }
        const token = isDeclared(props, "authToken") || isDeclared(props, "authTokenWo");
        if (token && !config.requireUserGroups) {
            return;
        }
        report(token
            ? `ElastiCache replication group '${name}' authenticates clients with a shared AUTH token only: set userGroupIds to a user group with one user per client and the default user disabled.`
            : `ElastiCache replication group '${name}' authenticates no client (neither userGroupIds nor authToken is set), so anyone who reaches its port can read and change the cache: set userGroupIds to a user group, or authToken from a secret.`);
    },
});
