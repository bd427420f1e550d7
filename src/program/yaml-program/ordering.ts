import type { DeclKind, OrderedDecl, ResourceDecl, Template } from "./declarations";
import { accessesOf, PropertyAccess, YamlProgramError } from "./expressions";

/**
 * The order a template runs in: each declaration after what it refers to, as the language host
 * sorts them; a reference to nothing, a duplicate name or a cycle is an error before running.
 */

const KIND_LABEL: Record<DeclKind, string> = { config: "config", variable: "variable", resource: "resource" };

/** Orders the declarations so each follows what it refers to; a reference to nothing or a cycle is an error. */
export function order(template: Omit<Template, "order">): OrderedDecl[] {
    const decls = new Map<string, { kind: DeclKind; key: string; line: number; refs: Array<{ access: PropertyAccess; line: number }> }>();
    const declare = (kind: DeclKind, key: string, line: number, refs: Array<{ access: PropertyAccess; line: number }>) => {
        if (key === "pulumi") {
            throw new YamlProgramError(template.displayFile, line, `${KIND_LABEL[kind]} ${key} uses the reserved name pulumi`);
        }
        const existing = decls.get(key);
        if (existing) {
            throw new YamlProgramError(template.displayFile, line, `found duplicate ${KIND_LABEL[kind]} ${key} (also a ${KIND_LABEL[existing.kind]} at line ${existing.line})`);
        }
        decls.set(key, { kind, key, line, refs });
    };
    for (const c of template.config) {
        declare("config", c.key, c.line, accessesOf(c.default));
    }
    for (const v of template.variables) {
        declare("variable", v.key, v.line, accessesOf(v.value));
    }
    const defaults = defaultProviders(template.resources, template.displayFile);
    for (const r of template.resources) {
        const refs: Array<{ access: PropertyAccess; line: number }> = [];
        // A resource served by a default provider is registered after it.
        const provider = defaultProviderOf(r, defaults);
        if (provider) {
            refs.push({ access: { root: provider, accessors: [] }, line: r.line });
        }
        r.properties.forEach((p) => accessesOf(p.value, refs));
        Object.values(r.options).forEach((o) => accessesOf(o, refs));
        accessesOf(r.get?.id, refs);
        r.get?.state.forEach((p) => accessesOf(p.value, refs));
        declare("resource", r.key, r.line, refs);
    }
    const check = (owner: string, refs: Array<{ access: PropertyAccess; line: number }>) => {
        for (const { access, line } of refs) {
            if (access.root !== "pulumi" && !decls.has(access.root) && !isConfigKeyOfOtherNamespace(access.root)) {
                throw new YamlProgramError(template.displayFile, line,
                    `${owner} refers to unknown resource '${access.root}' (no resource, variable or config of that name)`);
            }
        }
    };
    for (const decl of decls.values()) {
        check(`${KIND_LABEL[decl.kind]} '${decl.key}'`, decl.refs);
    }
    for (const output of template.outputs) {
        check(`output '${output.key}'`, accessesOf(output.value));
    }

    const ordered: OrderedDecl[] = [];
    const state = new Map<string, "visiting" | "done">();
    const visit = (key: string, path: string[]) => {
        const decl = decls.get(key);
        if (!decl || state.get(key) === "done") {
            return;
        }
        if (state.get(key) === "visiting") {
            const cycle = [...path.slice(path.indexOf(key)), key].map((k) => `${KIND_LABEL[decls.get(k)!.kind]} '${k}'`);
            throw new YamlProgramError(template.displayFile, decl.line, `circular dependency: ${cycle.join(" -> ")}`);
        }
        state.set(key, "visiting");
        for (const ref of decl.refs) {
            visit(ref.access.root, [...path, key]);
        }
        state.set(key, "done");
        ordered.push({ kind: decl.kind, key });
    };
    for (const key of decls.keys()) {
        visit(key, []);
    }
    return ordered;
}

/** The package of a resource type token: `aws` of `aws:s3/bucket:Bucket`. */
function packageOf(type: string): string {
    return type.split(":")[0];
}

/** The providers marked `defaultProvider: true`, by package; two for one package is an error. */
export function defaultProviders(resources: ResourceDecl[], displayFile: string): Map<string, string> {
    const defaults = new Map<string, string>();
    for (const r of resources.filter((r) => r.defaultProvider)) {
        const pkg = r.type.slice("pulumi:providers:".length);
        if (defaults.has(pkg)) {
            throw new YamlProgramError(displayFile, r.line, `resource '${r.key}': ${pkg} already has a default provider, '${defaults.get(pkg)}'`);
        }
        defaults.set(pkg, r.key);
    }
    return defaults;
}

/** The default provider that serves a resource: one of its package, unless it names its own. */
export function defaultProviderOf(resource: ResourceDecl, defaults: Map<string, string>): string | undefined {
    if (resource.type.startsWith("pulumi:") || resource.options.provider || resource.options.providers) {
        return undefined;
    }
    return defaults.get(packageOf(resource.type));
}

/** `${aws:region}` reads another namespace's config, which the template does not declare. */
function isConfigKeyOfOtherNamespace(root: string): boolean {
    return /^[^:]+:[^:]+$/.test(root);
}
