import * as pulumi from "@pulumi/pulumi";
import { Evaluator } from "./evaluate";
import { YamlProgramError } from "./expressions";
import { loadTemplate } from "./template";

/**
 * The program the SDK's runner (`@pulumi/pulumi/cmd/run`) starts for a Pulumi YAML project: it runs
 * in the project directory, and its result is the stack's outputs.
 */
async function runYamlTemplate(): Promise<Record<string, unknown>> {
    const displayDir = process.env.PRODREADY_DISPLAY_DIR || process.cwd();
    let template;
    try {
        template = loadTemplate(process.cwd(), process.env.PRODREADY_YAML_MAIN || undefined, displayDir);
    } catch (err) {
        throw err instanceof YamlProgramError ? new pulumi.RunError(err.message) : err;
    }
    return new Evaluator(template).run();
}

export = runYamlTemplate;
