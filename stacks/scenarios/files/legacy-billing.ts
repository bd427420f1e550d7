import * as path from "path";
import type { ExpectedViolation } from "../../scenario";

/** The files every component scenario applies: the legacy billing Deployment, as a manifest, a chart and a kustomization. */
export const LEGACY = {
    manifest: path.join(__dirname, "legacy-kustomization", "billing.yaml"),
    kustomization: path.join(__dirname, "legacy-kustomization"),
    chart: path.join(__dirname, "legacy-chart"),
};

/** What the legacy billing Deployment breaks, under whatever name its component gives it. */
export function legacyBillingViolations(resource: string): ExpectedViolation[] {
    return [
        "kubernetes-workload-require-non-root",
        "kubernetes-workload-restrict-run-as-user",
        "kubernetes-workload-disallow-privilege-escalation",
        "kubernetes-workload-require-drop-all-capabilities",
        "kubernetes-workload-require-read-only-root-filesystem",
        "kubernetes-workload-require-seccomp-profile",
        "kubernetes-workload-require-resource-limits",
        "kubernetes-workload-require-probes",
        "kubernetes-workload-disallow-service-account-token-automount",
        "kubernetes-availability-restrict-single-replica",
        "kubernetes-namespace-require-network-policy",
        "kubernetes-workload-disallow-default-service-account",
        "kubernetes-workload-require-image-pull-policy",
        "kubernetes-workload-require-priority-class",
    ].map((policy) => [policy, resource] as const);
}
