import * as k8s from "@pulumi/kubernetes";
import * as pulumi from "@pulumi/pulumi";

const platform = new pulumi.StackReference("acme/platform/prod");
const tenant = new k8s.Provider("tenant", { namespace: platform.getOutput("namespace") as pulumi.Output<string> });
new k8s.yaml.v2.ConfigGroup("apps", {
    yaml: "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: settings\ndata:\n  key: value\n",
}, { provider: tenant });
