import { PolicyPack, PolicyPackConfig } from "@pulumi/policy";
import { loadPolicies } from "./registry";

export const PACK_NAME = "production-readiness";

/** Creates the pack, which starts the analyzer's gRPC server: call it only from the entry. */
export function startPack(initialConfig?: PolicyPackConfig): PolicyPack {
    return new PolicyPack(PACK_NAME, {
        policies: loadPolicies(),
        description: "Production-readiness checklists for AWS and Kubernetes: TLS, backups, autoscaling, non-root containers, resource limits and more.",
        displayName: "prodready: production readiness",
    }, initialConfig);
}
