import * as fs from "fs";
import * as path from "path";
import type { ProdreadyPolicy } from "./lib/define";

/** Folders that hold one policy per file, named after the provider. */
export const PROVIDER_FOLDERS = ["aws", "kubernetes"] as const;

/** A policy module's file, with the name the policy must carry. */
export interface PolicyFile {
    file: string;
    expectedName: string;
}

function isPolicySource(file: string): boolean {
    return /\.(ts|js)$/.test(file) && !file.endsWith(".d.ts");
}

/** Lists the policy files below `root`; a policy's name is its path: aws/rds/require-x.ts is aws-rds-require-x. */
export function policyFiles(root: string = __dirname): PolicyFile[] {
    const found: PolicyFile[] = [];
    const walk = (dir: string, parts: string[]) => {
        for (const entry of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
            const full = path.join(dir, entry.name);
            if (entry.isDirectory()) {
                walk(full, [...parts, entry.name]);
            } else if (isPolicySource(entry.name)) {
                found.push({ file: full, expectedName: [...parts, entry.name.replace(/\.(ts|js)$/, "")].join("-") });
            }
        }
    };
    for (const provider of PROVIDER_FOLDERS) {
        const dir = path.join(root, provider);
        if (fs.existsSync(dir)) {
            walk(dir, [provider]);
        }
    }
    return found;
}

/** Loads every policy of the pack, in a stable order. Nothing runs until this is called. */
export function loadPolicies(root: string = __dirname): ProdreadyPolicy[] {
    return policyFiles(root).map(({ file }) => {
        // eslint-disable-next-line @typescript-eslint/no-require-imports
        const loaded = require(file);
        const policy: ProdreadyPolicy | undefined = loaded.default;
        if (!policy || typeof policy.name !== "string") {
            throw new Error(`${file} does not export a policy as its default export`);
        }
        return policy;
    });
}
