import * as path from "path";
import { packageRoot } from "../../paths";
import type { DeclarationSite } from "../declaration-site";
import type { RecordedResource } from "../records";
import type { Template } from "./declarations";
import { canonicalToken, loadTemplate } from "./template";

export { YamlProgramError } from "./expressions";

/** A `runtime: yaml` project as the preview runs it: the interpreter under the Node.js SDK's runner. */
export interface YamlProject {
    /** The template file (Main.yaml, Main.json or Pulumi.yaml). */
    templateFile: string;
    /** Pulumi.yaml `main`: the directory holding the template, when set. */
    main?: string;
    /** The interpreter's entry point, which the SDK's runner starts as the program. */
    entry: string;
    /** The runner's options: the entry runs through ts-node when prodready itself runs from its TypeScript sources. */
    runtimeOptions: { typescript: boolean; tsconfig?: string; nodeargs: string[] };
    /** Where each resource is declared in the template, by `type::name`. */
    sites: Record<string, DeclarationSite>;
}

/**
 * Reads and checks a YAML program before anything runs (unknown fields, references, cycles and
 * builtin shapes fail here with the file and line), and names the interpreter that will run it.
 */
export function loadYamlProject(projectDir: string, main: string | undefined): YamlProject {
    const template: Template = loadTemplate(projectDir, main);
    const sites: Record<string, DeclarationSite> = {};
    for (const resource of template.resources) {
        sites[`${canonicalToken(resource.type)}::${resource.name}`] = { file: template.file, line: resource.line, column: resource.column };
    }
    // Compiled, the entry is main.js beside this file; from the sources (tests), main.ts through ts-node.
    const typescript = path.extname(__filename) === ".ts";
    return {
        templateFile: template.file,
        main,
        entry: path.join(__dirname, `main${typescript ? ".ts" : ".js"}`),
        runtimeOptions: { typescript, tsconfig: typescript ? path.join(packageRoot(), "tsconfig.base.json") : undefined, nodeargs: [] },
        sites,
    };
}

/** The runner that starts the interpreter: prodready's own SDK, the one the interpreter registers with. */
export function yamlRunner(): string {
    return require.resolve("@pulumi/pulumi/cmd/run");
}

/** What the interpreter needs beyond the runner's usual environment. */
export function yamlEnvironment(yaml: YamlProject): NodeJS.ProcessEnv {
    return {
        PRODREADY_DISPLAY_DIR: process.cwd(),
        PRODREADY_YAML_MAIN: yaml.main ?? "",
    };
}

/** A resource's declaration site is its entry in the template, not the interpreter line that registered it. */
export function withTemplateSites(records: RecordedResource[], yaml: YamlProject): RecordedResource[] {
    return records.map((record) => {
        const site = yaml.sites[`${record.type}::${record.name}`];
        if (site) {
            return { ...record, source: site };
        }
        const { source: _interpreterLine, ...rest } = record;
        return rest;
    });
}
