import * as k8s from "@pulumi/kubernetes";

const manifest = (name: string) => `
apiVersion: v1
kind: ConfigMap
metadata:
  name: ${name}
data:
  key: value
`;

const apps = new k8s.Provider("apps", { namespace: "apps" });
new k8s.yaml.v2.ConfigGroup("explicit", { yaml: manifest("explicit") }, { provider: apps });
new k8s.yaml.v2.ConfigGroup("default", { yaml: manifest("default") });
