import { readKubernetesYaml } from "../yaml";

/**
 * Functions prodready answers itself, exactly: what the provider would compute locally. Cloud lookups
 * get stand-ins of their result type instead (src/program/stand-ins), and are reported as such.
 */
export type InvokeHandler = (inputs: Record<string, any>) => Record<string, unknown>;

/** Decodes YAML for k8s.yaml.ConfigFile/ConfigGroup with the manifests reader, so both see what kubectl would read. */
export function decodeYaml(text: string, source = "YAML"): unknown[] {
    return readKubernetesYaml(text, source).documents.map((document) => document.value);
}

export function invokeHandlers(): Record<string, InvokeHandler> {
    return {
        // k8s.yaml.ConfigFile and ConfigGroup parse their YAML through the provider.
        "kubernetes:yaml:decode": (inputs) => ({ result: decodeYaml(String(inputs.text ?? ""), "kubernetes:yaml:decode text") }),
    };
}
