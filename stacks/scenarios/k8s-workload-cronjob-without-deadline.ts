import * as k8s from "@pulumi/kubernetes";
import { SERVICE_ACCOUNT } from "../reference/kubernetes/platform";
import { hardenedContainer, hardenedPodSpec, NAMESPACE } from "../reference/kubernetes/workload";
import { scenario } from "../scenario";

const LABELS = { "app.kubernetes.io/name": "nightly-export", "app.kubernetes.io/part-of": "shop" };

export default scenario({
    description: "A nightly export CronJob sets no startingDeadlineSeconds: after a long controller outage it would never be started again",
    violations: [["kubernetes-cronjob-require-starting-deadline", "nightly-export"]],
    extra: () => {
        new k8s.networking.v1.NetworkPolicy("nightly-export", {
            metadata: { name: "nightly-export", namespace: NAMESPACE },
            spec: { podSelector: { matchLabels: LABELS }, policyTypes: ["Ingress"] },
        });
        new k8s.batch.v1.CronJob("nightly-export", {
            metadata: { name: "nightly-export", namespace: NAMESPACE, labels: LABELS },
            spec: {
                schedule: "0 2 * * *",
                concurrencyPolicy: "Forbid",
                jobTemplate: {
                    spec: {
                        backoffLimit: 3,
                        template: {
                            metadata: { labels: LABELS },
                            spec: hardenedPodSpec(SERVICE_ACCOUNT, [{
                                name: "export",
                                image: "registry.example.com/shop/export:1.3.0",
                                imagePullPolicy: "Always",
                                resources: { requests: { cpu: "100m", memory: "128Mi" }, limits: { cpu: "500m", memory: "256Mi" } },
                                securityContext: hardenedContainer(),
                                volumeMounts: [{ name: "tmp", mountPath: "/tmp" }],
                            }], { restartPolicy: "OnFailure" }),
                        },
                    },
                },
            },
        });
    },
});
