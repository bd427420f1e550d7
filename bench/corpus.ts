// A rendered Helm-style corpus for the benchmarks: per app a Deployment with a sidecar, a Service,
// an Ingress, a HorizontalPodAutoscaler, a PodDisruptionBudget and a ConfigMap; one app in four is
// production-ready, the others break a few common rules. Deterministic for a given size.
import { stringify } from "yaml";

const OBJECTS_PER_APP = 6;

function container(name: string, image: string, ready: boolean, port: number) {
    return {
        name,
        image: ready ? `registry.example.com/${image}@sha256:${"a".repeat(64)}` : `${image}:latest`,
        ports: [{ containerPort: port, name: "http" }],
        ...(ready ? {
            resources: { requests: { cpu: "100m", memory: "128Mi" }, limits: { cpu: "500m", memory: "256Mi" } },
            readinessProbe: { httpGet: { path: "/ready", port } },
            livenessProbe: { httpGet: { path: "/live", port } },
            securityContext: {
                runAsNonRoot: true, runAsUser: 10001, allowPrivilegeEscalation: false, readOnlyRootFilesystem: true,
                capabilities: { drop: ["ALL"] }, seccompProfile: { type: "RuntimeDefault" },
            },
        } : {}),
    };
}

function app(index: number): object[] {
    const name = `app-${index}`;
    const namespace = `team-${index % 20}`;
    const ready = index % 4 === 0;
    const labels = { app: name };
    const metadata = { name, namespace, labels };
    return [
        {
            apiVersion: "apps/v1", kind: "Deployment", metadata,
            spec: {
                replicas: ready ? 3 : 1,
                selector: { matchLabels: labels },
                template: {
                    metadata: { labels },
                    spec: {
                        automountServiceAccountToken: false,
                        containers: [container("app", `shop/${name}`, ready, 8080), container("proxy", "envoyproxy/envoy", ready, 9901)],
                    },
                },
            },
        },
        { apiVersion: "v1", kind: "Service", metadata, spec: { selector: labels, ports: [{ port: 80, targetPort: 8080 }] } },
        {
            apiVersion: "networking.k8s.io/v1", kind: "Ingress", metadata,
            spec: {
                ...(ready ? { tls: [{ hosts: [`${name}.example.com`], secretName: `${name}-tls` }] } : {}),
                rules: [{ host: `${name}.example.com`, http: { paths: [{ path: "/", pathType: "Prefix", backend: { service: { name, port: { number: 80 } } } }] } }],
            },
        },
        {
            apiVersion: "autoscaling/v2", kind: "HorizontalPodAutoscaler", metadata,
            spec: {
                scaleTargetRef: { apiVersion: "apps/v1", kind: "Deployment", name }, minReplicas: ready ? 3 : 1, maxReplicas: 10,
                metrics: [{ type: "Resource", resource: { name: "cpu", target: { type: "Utilization", averageUtilization: 70 } } }],
            },
        },
        { apiVersion: "policy/v1", kind: "PodDisruptionBudget", metadata, spec: { selector: { matchLabels: labels }, minAvailable: ready ? 2 : 1 } },
        { apiVersion: "v1", kind: "ConfigMap", metadata, data: { LOG_LEVEL: ready ? "info" : "debug", FEATURE_FLAGS: "checkout,search" } },
    ];
}

/** A multi-document YAML text of `objects` Kubernetes objects (rounded up to whole apps). */
export function helmStyleCorpus(objects: number): string {
    const apps = Math.ceil(objects / OBJECTS_PER_APP);
    const documents: string[] = [];
    for (let i = 0; i < apps; i++) {
        for (const object of app(i)) {
            documents.push(stringify(object));
        }
    }
    return documents.map((d) => `---\n${d}`).join("");
}
