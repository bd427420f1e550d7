import * as k8s from "@pulumi/kubernetes";

const labels = { app: "storefront" };
const app = new k8s.apps.v1.Deployment("storefront", {
    metadata: { name: "storefront", namespace: "shop" },
    spec: {
        replicas: 3,
        selector: { matchLabels: labels },
        template: {
            metadata: { labels },
            spec: {
                containers: [{
                    name: "web",
                    image: "registry.example.com/storefront:2.4.1",
                    ports: [{ name: "http", containerPort: 8080 }],
                    securityContext: { runAsNonRoot: true, runAsUser: 10001, allowPrivilegeEscalation: false, readOnlyRootFilesystem: true, capabilities: { drop: ["ALL"] } },
                    resources: { requests: { cpu: "250m", memory: "256Mi" }, limits: { cpu: "500m", memory: "512Mi" } },
                    readinessProbe: { httpGet: { path: "/ready", port: "http" } },
                    livenessProbe: { httpGet: { path: "/live", port: "http" } },
                }],
            },
        },
    },
});

const service = new k8s.core.v1.Service("storefront", {
    metadata: { name: "storefront", namespace: "shop" },
    spec: { selector: labels, ports: [{ name: "http", port: 80, targetPort: "http" }] },
}, { dependsOn: [app] });

// Declared inside apply: the preview waits for it like the engine does.
service.metadata.name.apply((name) => new k8s.networking.v1.Ingress("storefront", {
    metadata: { name: "storefront", namespace: "shop" },
    spec: {
        ingressClassName: "nginx",
        rules: [{
            host: "shop.example.com",
            http: { paths: [{ path: "/", pathType: "Prefix", backend: { service: { name, port: { name: "http" } } } }] },
        }],
    },
}, { parent: service }));
