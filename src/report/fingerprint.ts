// A result's stable identity across runs, for tools that track findings from one commit to the next
// (GitHub code scanning reads it from SARIF, GitLab Code Quality from its own report). Computed in
// one place so both see the same identity for the same finding.
import { createHash } from "crypto";
import type { Report } from "./document";

function fingerprint(...parts: Array<string | undefined>): string {
    return createHash("sha256").update(parts.map((p) => p ?? "").join("\u0000")).digest("hex");
}

/**
 * A result's identity: the policy and the resource's logical identity (its URN; for manifests
 * apiVersion, kind, namespace and name), never the message, which holds values and thresholds.
 * The ordinal tells apart several findings of one policy on one resource.
 */
export function resultFingerprint(policy: string, urn: string | undefined, kind: "finding" | "exempt", ordinal: number): string {
    return fingerprint("prodready/v2", policy, urn ?? "stack", kind, String(ordinal));
}

/** Numbers the entries of one policy on one resource 0, 1, 2... in the report's order, and fingerprints each. */
function fingerprintsOf(items: ReadonlyArray<{ policy: string; urn?: string }>, kind: "finding" | "exempt"): string[] {
    const ordinals = new Map<string, number>();
    return items.map((item) => {
        const key = `${item.policy}\u0000${item.urn ?? ""}`;
        const n = ordinals.get(key) ?? 0;
        ordinals.set(key, n + 1);
        return resultFingerprint(item.policy, item.urn, kind, n);
    });
}

/** The fingerprint of each of `report.findings`, in the same order. */
export function findingFingerprints(report: Pick<Report, "findings">): string[] {
    return fingerprintsOf(report.findings, "finding");
}

/** The fingerprint of each of `report.exemptions`, in the same order. */
export function exemptionFingerprints(report: Pick<Report, "exemptions">): string[] {
    return fingerprintsOf(report.exemptions, "exempt");
}
