import * as k8s from "@pulumi/kubernetes";

// An explicit provider: every resource below is registered with it.
const cluster = new k8s.Provider("cluster", { namespace: "tools", enableServerSideApply: true });
const tools = new k8s.core.v1.Namespace("tools", { metadata: { name: "tools" } }, { provider: cluster });

new k8s.core.v1.Pod("debug-shell", {
    metadata: { name: "debug-shell", namespace: tools.metadata.name, labels: { app: "debug-shell" } },
    spec: {
        hostNetwork: true,
        containers: [{
            name: "shell",
            image: "busybox:1.36.1",
            command: ["sleep", "infinity"],
            securityContext: { privileged: true, runAsUser: 0, allowPrivilegeEscalation: true },
            resources: { requests: { cpu: "50m", memory: "32Mi" }, limits: { cpu: "100m", memory: "64Mi" } },
        }],
    },
}, { provider: cluster, dependsOn: [tools] });
