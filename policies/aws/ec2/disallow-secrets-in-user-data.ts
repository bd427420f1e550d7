import { gunzipSync } from "zlib";
import { EC2_HOST_KINDS, EC2_LAUNCH_TEMPLATE } from "../../lib/aws";
import { resourcePolicy } from "../../lib/define";
import { isSecretStoreArn, nameMatches, SECRET_STORE_NAMES_SETTING } from "../../lib/runtime-env";
import { findCredential } from "../../lib/secrets";
import { judgeEach } from "../../lib/unknowns";
import { given, text } from "../../lib/values";


/** EC2 accepts 16 KB of user data; a compressed script never legitimately expands beyond this. */
const MAXIMUM_DECODED_BYTES = 1024 * 1024;

/** Base64 text as EC2 takes it (line breaks allowed). */
function isBase64(value: string): boolean {
    const compact = value.replace(/\s+/g, "");
    return compact.length > 0 && compact.length % 4 === 0 && /^[A-Za-z0-9+/]+={0,2}$/.test(compact);
}

/** The script or cloud-config the instance receives: decoded from base64 and gunzipped where needed. */
function decode(value: string, base64: boolean): string | undefined {
    let bytes = Buffer.from(value, "utf8");
    if (base64 && isBase64(value)) {
        bytes = Buffer.from(value.replace(/\s+/g, ""), "base64");
    } else if (base64) {
        return value; // not base64 after all: judged as written
    }
    if (bytes.length > 2 && bytes[0] === 0x1f && bytes[1] === 0x8b) {
        try {
            bytes = gunzipSync(bytes, { maxOutputLength: MAXIMUM_DECODED_BYTES });
        } catch {
            return undefined;
        }
    }
    return bytes.toString("utf8");
}

// NAME=value anywhere in a line (export, echo "NAME=value" >> file, docker run -e NAME=value), name: value
// (cloud-config YAML), --name=value / --name value (command flags).
const ASSIGNMENT = /(?:^|[\s"'])([A-Za-z_][A-Za-z0-9_]*)=("[^"]*"|'[^']*'|[^\s"';]+)/g;
const YAML_KEY = /^\s*(?:-\s+)?([A-Za-z_][A-Za-z0-9_.-]*)\s*:\s+(.+)$/;
const FLAG = /--([A-Za-z][A-Za-z0-9-]*)(?:=|\s+)("[^"]*"|'[^']*'|[^\s"'-][^\s]*)/g;

function unquote(value: string): string {
    const v = value.trim().replace(/\s+#.*$/, "");
    return /^(["']).*\1$/.test(v) ? v.slice(1, -1) : v;
}

/**
 * A flag names what its value is only at its end: --password holds one, --secret-id names a secret
 * in the store (the way to read it). Other flags count only when their value looks like a credential.
 */
const SECRET_FLAG = /(PASSWORD|PASSWD|PASSPHRASE|SECRET|TOKEN|API_?KEY|ACCESS_KEY|PRIVATE_KEY|SECRET_KEY)$/;

/** The named values the user data writes: shell variables, YAML keys and command-line flags (`flag` true). */
function settings(script: string): [name: string, value: string, flag: boolean][] {
    const found: [string, string, boolean][] = [];
    for (const line of script.split(/\r?\n/)) {
        for (const assignment of line.matchAll(ASSIGNMENT)) {
            found.push([assignment[1], unquote(assignment[2]), false]);
        }
        const key = YAML_KEY.exec(line);
        if (key) {
            found.push([key[1], unquote(key[2]), false]);
        }
        for (const flag of line.matchAll(FLAG)) {
            found.push([flag[1].toUpperCase().replace(/-/g, "_"), unquote(flag[2]), true]);
        }
    }
    // Values substituted at boot ($(aws secretsmanager ...), ${VAR}, `cmd`) are read from elsewhere, not written here.
    return found.filter(([, value]) => value !== "" && !/^[$`]/.test(value));
}

export default resourcePolicy({
    name: "aws-ec2-disallow-secrets-in-user-data",
    description: "The user data of EC2 instances, spot instance requests, launch templates and launch configurations holds no credentials in plain text and writes none of the settings the checklists name as secrets: anyone who can describe the instance or template reads user data, and the instance serves it unauthenticated to every local process. The instance reads secrets at boot from Secrets Manager or SSM Parameter Store with its role.",
    priority: "P0",
    severity: "critical",
    checklist: ["003.configuration.secrets-in-secret-manager", "004.environment-configuration.secrets-management", "002.security-configuration.secrets-management"],
    remediationSteps: "Remove the secret from the user data: store it in Secrets Manager or SSM Parameter Store and read it at boot with the instance role (aws secretsmanager get-secret-value, aws ssm get-parameter --with-decryption).",
    tags: ["secrets-identity"],
    config: {
        secretStoreNames: SECRET_STORE_NAMES_SETTING,
    },
    resourceTypes: Object.keys(EC2_HOST_KINDS),
    validate: ({ type, name, props }, config, report) => {
        const where = `${EC2_HOST_KINDS[type]} '${name}'`;
        // A launch template's userData is base64; the others take text in userData and base64 in userDataBase64.
        const sources: [string, boolean][] = type === EC2_LAUNCH_TEMPLATE ? [["userData", true]] : [["userData", false], ["userDataBase64", true]];
        // Each property on its own: one unknown during preview hides no secret written in the other.
        judgeEach(sources, report, ([property, base64], report) => {
            const value = text(given(props[property]));
            if (value === undefined) {
                return;
            }
            const script = decode(value, base64);
            if (script === undefined) {
                report(`${where} sets ${property} to gzip data that cannot be decompressed, so it cannot be checked for secrets: pass valid gzip in base64, or plain text.`);
                return;
            }
            const findings: string[] = [];
            const reported = new Set<string>();
            for (const [key, setting, flag] of settings(script)) {
                if (reported.has(key)) {
                    continue;
                }
                const credential = findCredential(key, setting);
                const reason = (flag && credential && !credential.startsWith("looks like") && !SECRET_FLAG.test(key) ? undefined : credential)
                    ?? (nameMatches(key, config.secretStoreNames) && !isSecretStoreArn(setting) ? "the checklists keep it in the secret store" : undefined);
                if (reason) {
                    reported.add(key);
                    findings.push(`${key} (${reason})`);
                }
            }
            const anywhere = findCredential("USER_DATA", script);
            if (anywhere && !findings.some((f) => f.includes(anywhere))) {
                findings.push(`text that ${anywhere}`);
            }
            if (findings.length > 0) {
                report(`${where} writes secrets in plain text in ${property}: ${findings.join(", ")}. Store them in Secrets Manager or SSM Parameter Store and read them at boot with the instance role.`);
            }
        });
    },
});
