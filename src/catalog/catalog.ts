import * as crypto from "crypto";
import * as fs from "fs";
import * as path from "path";
import { packageRoot } from "../paths";

/** One item of the source checklists (catalog/checklist.yaml). */
export interface ChecklistItem {
    id: string;
    source: string;
    text: string;
    category: string;
    priority: "P0" | "P1" | "P2";
    /** True when the item can be stated about infrastructure declared in a Pulumi program. */
    infrastructure: boolean;
    /** Why the item cannot be checked in infrastructure code (when infrastructure is false). */
    reason?: string;
    /** Why no policy enforces an infrastructure item yet: what a declared resource cannot show of it. */
    notEnforced?: string;
    threshold?: string;
}

export interface Catalog {
    categories: Record<string, string>;
    items: ChecklistItem[];
    byId: Map<string, ChecklistItem>;
    /** Rules other engines check that the pack states differently or not at all, with why (catalog/unstated.yaml). */
    unstated: UnstatedRule[];
}

export interface UnstatedRule {
    rule: string;
    why: string;
}

export const CATALOG_FILE = path.join(packageRoot(), "catalog", "checklist.yaml");

export function loadCatalog(file: string = CATALOG_FILE): Catalog {
    const data = parseCatalogYaml(fs.readFileSync(file, "utf8"));
    const items: ChecklistItem[] = data.items;
    const unstatedFile = path.join(path.dirname(file), "unstated.yaml");
    const unstated: UnstatedRule[] = fs.existsSync(unstatedFile) ? parseCatalogYaml(fs.readFileSync(unstatedFile, "utf8")).rules : [];
    return { categories: data.categories, items, byId: new Map(items.map((i) => [i.id, i])), unstated };
}

/**
 * The catalog's YAML files as the build parsed them, by the SHA-256 of each file's text: parsing
 * the checklist takes longer than a large report's other work, and a text whose digest matches is
 * the text that was parsed, so an edited file is parsed anew.
 */
export const PARSED_CATALOG_FILE = path.join(packageRoot(), "dist", "catalog.json");

let parsedByDigest: Record<string, unknown> | undefined;

function digestOf(text: string): string {
    return crypto.createHash("sha256").update(text).digest("hex");
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
function parseCatalogYaml(text: string): any {
    if (parsedByDigest === undefined) {
        try {
            parsedByDigest = JSON.parse(fs.readFileSync(PARSED_CATALOG_FILE, "utf8")) as Record<string, unknown>;
        } catch {
            parsedByDigest = {};
        }
    }
    const digest = digestOf(text);
    if (Object.prototype.hasOwnProperty.call(parsedByDigest, digest)) {
        // A copy: callers own what they are given, as they own a fresh parse.
        return structuredClone(parsedByDigest[digest]);
    }
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    return (require("yaml") as typeof import("yaml")).parse(text);
}

/** Parses the catalog's YAML files into PARSED_CATALOG_FILE (a build step). */
export function writeParsedCatalog(dir: string = path.dirname(CATALOG_FILE)): string {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { parse } = require("yaml") as typeof import("yaml");
    const parsed: Record<string, unknown> = {};
    for (const name of fs.readdirSync(dir).filter((f) => f.endsWith(".yaml")).sort()) {
        const text = fs.readFileSync(path.join(dir, name), "utf8");
        parsed[digestOf(text)] = parse(text);
    }
    fs.mkdirSync(path.dirname(PARSED_CATALOG_FILE), { recursive: true });
    fs.writeFileSync(PARSED_CATALOG_FILE, `${JSON.stringify(parsed)}\n`);
    return PARSED_CATALOG_FILE;
}

if (require.main === module) {
    // Run by the build from the compiled sources: dist/src/catalog/catalog.js writes dist/catalog.json.
    console.log(`wrote ${path.relative(process.cwd(), writeParsedCatalog())}`);
}
