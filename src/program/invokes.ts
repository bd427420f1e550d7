import { readKubernetesYaml } from "../yaml";

/** Answers for provider functions a program calls, plausible enough for a preview without a cloud. */
export type InvokeHandler = (inputs: Record<string, any>) => Record<string, unknown>;

const ACCOUNT_ID = "123456789012";

function region(inputs: Record<string, any>, config: Record<string, string>): string {
    return inputs.region ?? inputs.name ?? config["aws:region"] ?? "us-east-1";
}

/** Decodes YAML for k8s.yaml.ConfigFile/ConfigGroup with the manifests reader, so both see what kubectl would read. */
export function decodeYaml(text: string, source = "YAML"): unknown[] {
    return readKubernetesYaml(text, source).documents.map((document) => document.value);
}

export function invokeHandlers(config: Record<string, string>): Record<string, InvokeHandler> {
    return {
        "aws:index/getRegion:getRegion": (inputs) => {
            const name = region(inputs, config);
            return { id: name, name, region: name, endpoint: `ec2.${name}.amazonaws.com`, description: name };
        },
        "aws:index/getAvailabilityZones:getAvailabilityZones": () => {
            const r = config["aws:region"] ?? "us-east-1";
            const names = ["a", "b", "c"].map((z) => `${r}${z}`);
            return { id: r, names, zoneIds: names.map((_, i) => `use1-az${i + 1}`), groupNames: [r] };
        },
        "aws:index/getCallerIdentity:getCallerIdentity": () =>
            ({ id: ACCOUNT_ID, accountId: ACCOUNT_ID, arn: `arn:aws:iam::${ACCOUNT_ID}:user/preview`, userId: "AIDAPREVIEW" }),
        "aws:index/getPartition:getPartition": () =>
            ({ id: "aws", partition: "aws", dnsSuffix: "amazonaws.com", reverseDnsPrefix: "com.amazonaws" }),
        "aws:ec2/getAmi:getAmi": () => ({ id: "ami-0123456789abcdef0", imageId: "ami-0123456789abcdef0", architecture: "x86_64" }),
        "aws:iam/getPolicyDocument:getPolicyDocument": (inputs) => ({ id: "policy", json: JSON.stringify({ Version: "2012-10-17", Statement: inputs.statements ?? [] }) }),
        // k8s.yaml.ConfigFile and ConfigGroup parse their YAML through the provider.
        "kubernetes:yaml:decode": (inputs) => ({ result: decodeYaml(String(inputs.text ?? ""), "kubernetes:yaml:decode text") }),
    };
}
