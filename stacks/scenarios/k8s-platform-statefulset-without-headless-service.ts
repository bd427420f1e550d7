import * as k8s from "@pulumi/kubernetes";
import { SERVICE_ACCOUNT } from "../reference/kubernetes/platform";
import { hardenedContainer, hardenedPodSpec, NAMESPACE } from "../reference/kubernetes/workload";
import { scenario } from "../scenario";

const LABELS = { "app.kubernetes.io/name": "sessions", "app.kubernetes.io/part-of": "shop" };

export default scenario({
    description: "A sessions StatefulSet names an ordinary ClusterIP Service in spec.serviceName, so its pods get no stable DNS names to find each other by",
    violations: [["kubernetes-statefulset-require-headless-service", "sessions"]],
    extra: () => {
        new k8s.core.v1.Service("sessions", {
            metadata: { name: "sessions", namespace: NAMESPACE, labels: LABELS },
            spec: { selector: LABELS, ports: [{ name: "redis", port: 6379, targetPort: "redis" }] },
        });
        new k8s.networking.v1.NetworkPolicy("sessions", {
            metadata: { name: "sessions", namespace: NAMESPACE },
            spec: {
                podSelector: { matchLabels: LABELS },
                policyTypes: ["Ingress"],
                ingress: [{ from: [{ podSelector: { matchLabels: { "app.kubernetes.io/name": "storefront" } } }], ports: [{ port: 6379, protocol: "TCP" }] }],
            },
        });
        new k8s.apps.v1.StatefulSet("sessions", {
            metadata: { name: "sessions", namespace: NAMESPACE, labels: LABELS },
            spec: {
                serviceName: "sessions",
                selector: { matchLabels: LABELS },
                template: {
                    metadata: { labels: LABELS },
                    spec: hardenedPodSpec(SERVICE_ACCOUNT, [{
                        name: "redis",
                        image: "registry.example.com/shop/sessions:7.2.5",
                        imagePullPolicy: "Always",
                        ports: [{ name: "redis", containerPort: 6379 }],
                        resources: { requests: { cpu: "100m", memory: "256Mi" }, limits: { cpu: "500m", memory: "512Mi" } },
                        securityContext: hardenedContainer(),
                        livenessProbe: { tcpSocket: { port: "redis" }, periodSeconds: 10 },
                        readinessProbe: { exec: { command: ["redis-cli", "ping"] }, periodSeconds: 5 },
                        volumeMounts: [{ name: "tmp", mountPath: "/tmp" }],
                    }]),
                },
            },
        });
    },
});
