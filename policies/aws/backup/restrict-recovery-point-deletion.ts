import type { PolicyResource } from "@pulumi/policy";
import { indexLinks, linkJudge, ofTypes } from "../../lib/aws";
import { stackPolicy } from "../../lib/define";
import { isRecord, list, Props, record, text } from "../../lib/values";

const VAULT = "aws:backup/vault:Vault";
const VAULT_POLICY = "aws:backup/vaultPolicy:VaultPolicy";
const VAULT_LOCK = "aws:backup/vaultLockConfiguration:VaultLockConfiguration";

/** The statements of a policy document given as JSON text or as an object; undefined when it cannot be read. */
function statements(document: unknown): Props[] | undefined {
    let doc = document;
    if (typeof document === "string") {
        try {
            doc = JSON.parse(document);
        } catch {
            return undefined;
        }
    }
    const found = record(doc)?.Statement;
    if (found === undefined) {
        return undefined;
    }
    return (Array.isArray(found) ? found : [found]).filter(isRecord);
}

function strings(value: unknown): string[] {
    return (Array.isArray(value) ? value : [value]).map(text).filter((v): v is string => v !== undefined);
}

/** True for `"*"` and `{ AWS: "*" }`: every principal. */
function everyone(principal: unknown): boolean {
    return principal === "*" || strings(record(principal)?.AWS).includes("*");
}

/** True when an action pattern of IAM covers backup:DeleteRecoveryPoint. */
function coversDeletion(action: string): boolean {
    const pattern = new RegExp(`^${action.toLowerCase().replace(/[.+?^${}()|[\]\\]/g, "\\$&").replace(/\*/g, ".*")}$`);
    return pattern.test("backup:deleterecoverypoint");
}

/** What is missing from a vault policy for it to stop the deletion of recovery points, or undefined. */
function deletionProblem(policy: PolicyResource): string | undefined {
    const found = statements(policy.props.policy);
    if (found === undefined) {
        return `vault policy '${policy.name}' is not a readable policy document`;
    }
    const denies = found.some((s) => text(s.Effect) === "Deny" && everyone(s.Principal) && strings(s.Action).some(coversDeletion));
    return denies ? undefined : `vault policy '${policy.name}' does not deny backup:DeleteRecoveryPoint to every principal`;
}

export default stackPolicy({
    name: "aws-backup-restrict-recovery-point-deletion",
    description: "AWS Backup vaults keep their recovery points out of reach: each vault has a vault lock (aws.backup.VaultLockConfiguration) or an access policy that denies backup:DeleteRecoveryPoint to every principal, and no vault policy grants access to everyone.",
    priority: "P0",
    severity: "high",
    checklist: ["004.database-backups.backup-access-restricted"],
    remediationSteps: "Add an aws.backup.VaultLockConfiguration for the vault (minRetentionDays at least the plan's retention), or an aws.backup.VaultPolicy with a statement { Effect: \"Deny\", Principal: \"*\", Action: [\"backup:DeleteRecoveryPoint\", \"backup:UpdateRecoveryPointLifecycle\"], Resource: \"*\" }; never Allow to Principal \"*\" without a condition.",
    tags: ["data-protection"],
    resourceTypes: [VAULT, VAULT_POLICY, VAULT_LOCK],
    validate: (resources, _config, report, context) => {
        const vaults = ofTypes(resources, [VAULT]);
        const policies = ofTypes(resources, [VAULT_POLICY]);
        const links = [...policies, ...ofTypes(resources, [VAULT_LOCK])];
        const judge = linkJudge(
            indexLinks(vaults, links, "backupVaultName", (vault) => [vault.props.name]),
            (link) => (link.type === VAULT_LOCK ? undefined : deletionProblem(link)),
        );
        for (const vault of vaults) {
            context.judge(vault, () => {
                const problems = judge(vault);
                if (problems === undefined) {
                    return;
                }
                const why = problems.length > 0 ? problems.join("; ") : "it has neither a vault lock nor a vault policy";
                report(`Backup vault '${vault.name}' lets anyone with backup permissions delete its recovery points (${why}): add an aws.backup.VaultLockConfiguration, or a vault policy that denies backup:DeleteRecoveryPoint to Principal "*".`, vault.urn);
            });
        }
        for (const policy of policies) {
            context.judge(policy, () => {
                const open = (statements(policy.props.policy) ?? [])
                    .some((s) => text(s.Effect) === "Allow" && everyone(s.Principal) && list(Object.keys(record(s.Condition) ?? {})).length === 0);
                if (open) {
                    report(`Backup vault policy '${policy.name}' allows every principal (Principal "*") without a condition, which makes the backups public: name the accounts or roles that need access, or add a condition such as aws:PrincipalOrgID.`, policy.urn);
                }
            });
        }
    },
});
