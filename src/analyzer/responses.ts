// The pack's answers to Analyze and AnalyzeStack, read into findings and not-applicable rows.
import type * as analyzerProto from "@pulumi/pulumi/proto/analyzer_pb";
import { isTypeFilterAnswer, isUnknownDuringPreview, parseUnknownResources } from "../../policies/lib/contract";
import type { RecordedResource } from "../program/records";
import type { Finding, NotApplicable } from "../report/analysis";
import { LEVEL_OF_WIRE, severityName } from "./wire";

type Answer = analyzerProto.AnalyzeResponse;

/**
 * A stack policy reports the resources whose own values are unknown in one diagnostic
 * (policies/lib/unknowns.ts): each of them becomes its own "unknown" finding.
 */
function perResource(finding: Finding, byUrn: ReadonlyMap<string, RecordedResource>): Finding[] {
    if (finding.outcome !== "unknown" || finding.urn) {
        return [finding];
    }
    const urns = parseUnknownResources(finding.message);
    if (urns.length === 0) {
        return [finding];
    }
    return urns.map((urn) => ({ ...finding, urn, type: byUrn.get(urn)?.type, name: byUrn.get(urn)?.name }));
}

/** The findings of one answer; `subject` is the resource of an Analyze call, none for AnalyzeStack. */
export function findingsOf(response: Answer, subject: RecordedResource | undefined, byUrn: ReadonlyMap<string, RecordedResource>): Finding[] {
    return response.getDiagnosticsList().flatMap((d): Finding[] => {
        const urn = d.getUrn() || subject?.urn || "";
        const resource = byUrn.get(urn) ?? subject;
        // The policy SDK sends "<description>\n<message>"; keep the message on its own.
        const description = d.getDescription();
        const raw = d.getMessage();
        const message = description && raw.startsWith(`${description}\n`) ? raw.slice(description.length + 1) : raw;
        return perResource({
            policy: d.getPolicyname(),
            level: LEVEL_OF_WIRE[d.getEnforcementlevel()],
            outcome: isUnknownDuringPreview(message) ? "unknown" : "violation",
            message,
            urn: urn || undefined,
            type: resource?.type,
            name: resource?.name,
            severity: severityName(d.getSeverity()),
            description,
        }, byUrn);
    });
}

/** The not-applicable answers that say something: the SDK's answer for every resource outside a policy's types is dropped. */
export function notApplicableOf(response: Answer, subject: RecordedResource | undefined): NotApplicable[] {
    return response.getNotApplicableList()
        .filter((n) => !isTypeFilterAnswer(n.getReason()))
        .map((n): NotApplicable => ({
            policy: n.getPolicyName(),
            reason: n.getReason(),
            urn: subject?.urn,
            type: subject?.type,
            name: subject?.name,
        }));
}

/** The policy SDK's error on one line: which policy failed and why, without the gRPC code or stack frames. */
export function grpcCause(err: unknown): string {
    const message = err instanceof Error ? err.message : String(err);
    return message.replace(/^\d+ [A-Z_]+: /, "")
        .split("\n")
        .map((line) => line.trim())
        .filter((line) => line !== "" && !line.startsWith("at "))
        .join(" ");
}
