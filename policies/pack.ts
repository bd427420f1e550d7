import { PolicyPack, PolicyPackConfig } from "@pulumi/policy";
import { loadPolicies } from "./registry";
import { serveAnalyzeHandler } from "./serving/analyze-handler";
import { indexedPolicies } from "./serving/policy-index";
import { shareDeserializedProperties } from "./serving/shared-properties";
import { shareStackResources } from "./serving/shared-stack";
import { dispatchAnalyzeByType } from "./serving/type-dispatch";

export const PACK_NAME = "production-readiness";

/** Creates the pack, which starts the analyzer's gRPC server: call it only from the entry. */
export function startPack(initialConfig?: PolicyPackConfig): PolicyPack {
    const sharing = shareDeserializedProperties();
    if (!sharing.shared && !sharing.reason.startsWith("PRODREADY_")) {
        // The engine shows an analyzer's stderr; the pack still judges everything, only slower.
        console.error(`prodready: notice: judging with the SDK's per-policy deserialization: ${sharing.reason}`);
    }
    // Before Analyze by type, whose handler per type then replaces this one's over every policy.
    const handler = serveAnalyzeHandler();
    if (!handler.installed && !handler.reason.startsWith("PRODREADY_")) {
        console.error(`prodready: notice: Analyze sets up every policy's call on its own: ${handler.reason}`);
    }
    const dispatch = dispatchAnalyzeByType();
    if (!dispatch.dispatched && !dispatch.reason.startsWith("PRODREADY_")) {
        console.error(`prodready: notice: every policy is called for every resource: ${dispatch.reason}`);
    }
    const stack = shareStackResources();
    if (!stack.shared && !stack.reason.startsWith("PRODREADY_")) {
        console.error(`prodready: notice: the stack's resources are built for every stack policy: ${stack.reason}`);
    }
    // Each policy module loads on first use when the build's index matches (serving/policy-index.ts).
    const indexed = indexedPolicies(__dirname);
    return new PolicyPack(PACK_NAME, {
        policies: "policies" in indexed ? indexed.policies : loadPolicies(),
        description: "Production-readiness checklists for AWS and Kubernetes: TLS, backups, autoscaling, non-root containers, resource limits and more.",
        displayName: "prodready: production readiness",
    }, initialConfig);
}
