import * as k8s from "@pulumi/kubernetes";
import { SERVICE_ACCOUNT } from "../reference/kubernetes/platform";
import { PRIORITY_CLASS } from "../reference/kubernetes/scheduling";
import { APP_LABELS, NAMESPACE, storefrontParts } from "../reference/kubernetes/workload";
import { patch, scenario } from "../scenario";

type DeploymentSpec = k8s.types.input.apps.v1.DeploymentSpec;
type IngressSpec = k8s.types.input.networking.v1.IngressSpec;
type Rule = k8s.types.input.networking.v1.IngressRule;

const REPORT_LABELS = { "app.kubernetes.io/name": "nightly-report", "app.kubernetes.io/part-of": "shop" };

// Hardened and fenced like the storefront: only its restart policy is at fault.
function nightlyReport(): void {
    new k8s.networking.v1.NetworkPolicy("nightly-report", {
        metadata: { name: "nightly-report", namespace: NAMESPACE },
        spec: { podSelector: { matchLabels: REPORT_LABELS }, policyTypes: ["Ingress", "Egress"], egress: [{ ports: [{ port: 443, protocol: "TCP" }, { port: 53, protocol: "UDP" }] }] },
    });
    new k8s.batch.v1.CronJob("nightly-report", {
        metadata: { name: "nightly-report", namespace: NAMESPACE },
        spec: {
            schedule: "0 2 * * *",
            startingDeadlineSeconds: 600,
            jobTemplate: {
                spec: {
                    template: {
                        metadata: { labels: REPORT_LABELS },
                        spec: {
                            // restartPolicy left out: it defaults to Always, which a Job's pods may not have.
                            serviceAccountName: SERVICE_ACCOUNT,
                            priorityClassName: PRIORITY_CLASS,
                            automountServiceAccountToken: false,
                            securityContext: { runAsNonRoot: true, runAsUser: 1000, runAsGroup: 1000, seccompProfile: { type: "RuntimeDefault" } },
                            containers: [{
                                name: "report",
                                image: "registry.example.com/shop/nightly-report:1.2.0",
                                imagePullPolicy: "Always",
                                resources: { requests: { cpu: "100m", memory: "128Mi" }, limits: { cpu: "500m", memory: "256Mi" } },
                                securityContext: { allowPrivilegeEscalation: false, privileged: false, readOnlyRootFilesystem: true, capabilities: { drop: ["ALL"] } },
                            }],
                        },
                    },
                },
            },
        },
    });
}

export default scenario({
    description: "Objects the API server rejects although each field looks plausible: the storefront Deployment's selector no longer selects its pod labels, its container names two ports alike and its spread constraint has maxSkew 0; its Ingress routes with the retired serviceName/servicePort; a nightly CronJob leaves its pods' restartPolicy at Always",
    violations: [
        // The Deployment and the Ingress are both named storefront.
        ["kubernetes-object-require-valid-shape", "storefront"],
        ["kubernetes-object-require-valid-shape", "nightly-report"],
    ],
    patches: [
        patch<k8s.apps.v1.DeploymentArgs>("kubernetes:apps/v1:Deployment", "storefront", (a) => {
            (a.spec as DeploymentSpec).selector = { matchLabels: { ...APP_LABELS, "app.kubernetes.io/component": "web" } };
            const { pod, container } = storefrontParts(a);
            container.ports = [{ name: "http", containerPort: 8080 }, { name: "http", containerPort: 8081 }];
            pod.topologySpreadConstraints = [{ maxSkew: 0, topologyKey: "topology.kubernetes.io/zone", whenUnsatisfiable: "ScheduleAnyway", labelSelector: { matchLabels: APP_LABELS } }];
        }),
        patch<k8s.networking.v1.IngressArgs>("kubernetes:networking.k8s.io/v1:Ingress", "storefront", (a) => {
            const rules = (a.spec as IngressSpec).rules as Rule[];
            // The extensions/v1beta1 shape, which networking.k8s.io/v1 does not have.
            const backend = { serviceName: "storefront", servicePort: "http" };
            rules[0] = { ...rules[0], http: { paths: [{ path: "/", pathType: "Prefix", backend: backend as never }] } };
        }),
    ],
    extra: nightlyReport,
});
