import * as k8s from "@pulumi/kubernetes";
import { APP_LABELS, NAMESPACE, storefrontParts } from "../reference/kubernetes/workload";
import { patch, scenario } from "../scenario";

type IngressSpec = k8s.types.input.networking.v1.IngressSpec;
type Rule = k8s.types.input.networking.v1.IngressRule;

const ADMIN_LABELS = { "app.kubernetes.io/name": "storefront-admin" };

export default scenario({
    description: "The storefront pod loosens every Pod Security Standards control prodready checks and runs as the default ServiceAccount; its Role may exec into pods and read Secrets; a ConfigMap holds a password; an admin Service, NetworkPolicy and Ingress rule point at nothing; a budget uses policy/v1beta1",
    violations: [
        ["kubernetes-workload-disallow-host-process", "storefront"],
        ["kubernetes-workload-restrict-proc-mount", "storefront"],
        ["kubernetes-workload-restrict-sysctls", "storefront"],
        ["kubernetes-workload-restrict-selinux-options", "storefront"],
        ["kubernetes-workload-restrict-apparmor-profile", "storefront"],
        ["kubernetes-workload-restrict-volume-types", "storefront"],
        ["kubernetes-workload-disallow-privileged-ports", "storefront"],
        ["kubernetes-workload-disallow-default-service-account", "storefront"],
        ["kubernetes-rbac-restrict-sensitive-permissions", "storefront-reader"],
        ["kubernetes-configmap-disallow-plaintext-secrets", "storefront-settings"],
        ["kubernetes-service-require-selected-pods", "storefront-admin"],
        ["kubernetes-service-disallow-external-ips", "storefront-admin"],
        ["kubernetes-networkpolicy-require-selected-pods", "storefront-admin"],
        ["kubernetes-ingress-require-host", "storefront"],
        ["kubernetes-ingress-require-existing-backend", "storefront"],
        ["kubernetes-object-restrict-deprecated-api-versions", "storefront-legacy-pdb"],
    ],
    patches: [
        patch<k8s.apps.v1.DeploymentArgs>("kubernetes:apps/v1:Deployment", "storefront", (a) => {
            const { pod, podSecurity, container, security } = storefrontParts(a);
            pod.serviceAccountName = "default";
            podSecurity.sysctls = [{ name: "net.core.somaxconn", value: "4096" }];
            podSecurity.seLinuxOptions = { type: "spc_t" };
            podSecurity.windowsOptions = { hostProcess: true };
            security.procMount = "Unmasked";
            security.appArmorProfile = { type: "Unconfined" };
            container.ports = [{ name: "http", containerPort: 8080 }, { name: "ssh", containerPort: 22 }];
            pod.volumes = [{ name: "tmp", emptyDir: { sizeLimit: "64Mi" } }, { name: "media", nfs: { server: "nfs.shop.internal", path: "/exports/media", readOnly: true } }];
        }),
        patch<k8s.rbac.v1.RoleArgs>("kubernetes:rbac.authorization.k8s.io/v1:Role", "storefront-reader", (a) => {
            a.rules = [
                { apiGroups: [""], resources: ["configmaps"], verbs: ["get", "list", "watch"] },
                { apiGroups: [""], resources: ["secrets", "pods/exec"], verbs: ["get", "create"] },
            ];
        }),
        patch<k8s.networking.v1.IngressArgs>("kubernetes:networking.k8s.io/v1:Ingress", "storefront", (a) => {
            const rule: Rule = { http: { paths: [{ path: "/admin", pathType: "Prefix", backend: { service: { name: "storefront-backoffice", port: { number: 80 } } } }] } };
            (a.spec as IngressSpec).rules = [...((a.spec as IngressSpec).rules as Rule[]), rule];
        }),
    ],
    extra: () => {
        new k8s.core.v1.ConfigMap("storefront-settings", {
            metadata: { name: "storefront-settings", namespace: NAMESPACE },
            data: { LOG_FORMAT: "json", SMTP_PASSWORD: "mail-relay-password-2024" },
        });
        new k8s.core.v1.Service("storefront-admin", {
            metadata: { name: "storefront-admin", namespace: NAMESPACE },
            spec: { type: "ClusterIP", selector: ADMIN_LABELS, externalIPs: ["203.0.113.20"], ports: [{ name: "http", port: 80, targetPort: 8080 }] },
        });
        new k8s.networking.v1.NetworkPolicy("storefront-admin", {
            metadata: { name: "storefront-admin", namespace: NAMESPACE },
            spec: { podSelector: { matchLabels: ADMIN_LABELS }, policyTypes: ["Ingress"], ingress: [{ ports: [{ port: 8080, protocol: "TCP" }] }] },
        });
        new k8s.policy.v1beta1.PodDisruptionBudget("storefront-legacy-pdb", {
            metadata: { name: "storefront-legacy", namespace: NAMESPACE },
            spec: { minAvailable: 1, selector: { matchLabels: APP_LABELS } },
        });
    },
});
