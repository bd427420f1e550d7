import * as fs from "fs";
import * as path from "path";
import { parse } from "yaml";
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
    const data = parse(fs.readFileSync(file, "utf8"));
    const items: ChecklistItem[] = data.items;
    const unstatedFile = path.join(path.dirname(file), "unstated.yaml");
    const unstated: UnstatedRule[] = fs.existsSync(unstatedFile) ? parse(fs.readFileSync(unstatedFile, "utf8")).rules : [];
    return { categories: data.categories, items, byId: new Map(items.map((i) => [i.id, i])), unstated };
}
