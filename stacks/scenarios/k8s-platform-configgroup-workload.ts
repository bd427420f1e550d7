import * as k8s from "@pulumi/kubernetes";
import { scenario } from "../scenario";

// A legacy manifest applied as-is: one replica, root, no hardening, no limits, no probes, and labels no
// NetworkPolicy selects.
// ConfigGroup names each child `<namespace>/<metadata.name>` (or `<metadata.name>` without namespace).
const LEGACY_MANIFEST = `
apiVersion: apps/v1
kind: Deployment
metadata:
  name: billing
  namespace: shop
  labels:
    app.kubernetes.io/name: billing
spec:
  replicas: 1
  selector:
    matchLabels:
      app.kubernetes.io/name: billing
  template:
    metadata:
      labels:
        app.kubernetes.io/name: billing
    spec:
      containers:
        - name: billing
          image: registry.example.com/shop/billing:1.4.0
          ports:
            - containerPort: 8080
          securityContext:
            runAsUser: 0
`;

export default scenario({
    description: "A Deployment declared only through a ConfigGroup YAML manifest runs as root without limits or probes, alone and outside any NetworkPolicy",
    violations: [
        ["kubernetes-workload-require-non-root", "shop/billing"],
        ["kubernetes-workload-restrict-run-as-user", "shop/billing"],
        ["kubernetes-workload-disallow-privilege-escalation", "shop/billing"],
        ["kubernetes-workload-require-drop-all-capabilities", "shop/billing"],
        ["kubernetes-workload-require-read-only-root-filesystem", "shop/billing"],
        ["kubernetes-workload-require-seccomp-profile", "shop/billing"],
        ["kubernetes-workload-require-resource-limits", "shop/billing"],
        ["kubernetes-workload-require-probes", "shop/billing"],
        ["kubernetes-workload-disallow-service-account-token-automount", "shop/billing"],
        ["kubernetes-availability-restrict-single-replica", "shop/billing"],
        ["kubernetes-namespace-require-network-policy", "shop/billing"],
        ["kubernetes-workload-disallow-default-service-account", "shop/billing"],
        ["kubernetes-workload-require-image-pull-policy", "shop/billing"],
        ["kubernetes-workload-require-priority-class", "shop/billing"],
    ],
    extra: () => {
        new k8s.yaml.ConfigGroup("legacy", { yaml: LEGACY_MANIFEST });
    },
});
