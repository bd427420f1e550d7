// The pack's answers to Analyze and AnalyzeStack, read into findings and not-applicable rows.
import * as analyzerProto from "@pulumi/pulumi/proto/analyzer_pb";
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

// The same few hundred reasons come back for every resource: each is classified once.
const typeFilterReasons = new Map<string, boolean>();

function saysOnlyTheType(reason: string): boolean {
    let answer = typeFilterReasons.get(reason);
    if (answer === undefined) {
        answer = isTypeFilterAnswer(reason);
        if (typeFilterReasons.size < DISTINCT_ENTRIES_KEPT) {
            typeFilterReasons.set(reason, answer);
        }
    }
    return answer;
}

/** The not-applicable answers that say something: the SDK's answer for every resource outside a policy's types is dropped. */
export function notApplicableOf(response: Answer, subject: RecordedResource | undefined): NotApplicable[] {
    return response.getNotApplicableList()
        .filter((n) => !saysOnlyTheType(n.getReason()))
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

/** How many distinct not-applicable entries (and reasons) are kept decoded; exemptions make some per resource. */
const DISTINCT_ENTRIES_KEPT = 50_000;

/** Set to "0" to decode every Analyze answer with the generated decoder alone. */
export const SHARED_ENTRIES_SWITCH = "PRODREADY_SHARED_ENTRIES";

/** One varint at `pos`: its value and the position after it, or undefined past the end. */
function varint(bytes: Uint8Array, pos: number): [number, number] | undefined {
    let value = 0;
    for (let shift = 0; pos < bytes.length && shift < 35; shift += 7) {
        const byte = bytes[pos++];
        value += (byte & 0x7f) * 2 ** shift;
        if (byte < 0x80) {
            return [value, pos];
        }
    }
    return undefined;
}

/**
 * A decoder for Analyze answers that gives what the generated one gives, decoding each distinct
 * not-applicable entry once: a pack answers the same "only applies to resources of type" entries,
 * byte for byte, for every resource of a type, and the decoded entries are only read. The
 * diagnostics, and any answer not shaped as expected, go to the generated decoder.
 */
export function analyzeResponseDecoder(): (bytes: Uint8Array) => Answer {
    const entries = new Map<string, analyzerProto.PolicyNotApplicable>();
    const generic = (bytes: Uint8Array) => analyzerProto.AnalyzeResponse.deserializeBinary(new Uint8Array(bytes));
    return (bytes) => {
        const diagnostics: Uint8Array[] = [];
        const notApplicable: Uint8Array[] = [];
        for (let pos = 0; pos < bytes.length;) {
            const tag = varint(bytes, pos);
            const length = tag && varint(bytes, tag[1]);
            // Only the two repeated message fields (2: diagnostics, 3: not applicable), each length-delimited.
            if (!tag || !length || (tag[0] !== ((2 << 3) | 2) && tag[0] !== ((3 << 3) | 2)) || length[1] + length[0] > bytes.length) {
                return generic(bytes);
            }
            const end = length[1] + length[0];
            if (tag[0] === ((2 << 3) | 2)) {
                diagnostics.push(bytes.subarray(pos, end));
            } else {
                notApplicable.push(bytes.subarray(length[1], end));
            }
            pos = end;
        }
        const response = diagnostics.length > 0 ? generic(Buffer.concat(diagnostics)) : new analyzerProto.AnalyzeResponse();
        if (notApplicable.length > 0) {
            response.setNotApplicableList(notApplicable.map((entry) => {
                const key = Buffer.from(entry.buffer, entry.byteOffset, entry.byteLength).toString("latin1");
                let decoded = entries.get(key);
                if (!decoded) {
                    decoded = analyzerProto.PolicyNotApplicable.deserializeBinary(new Uint8Array(entry));
                    if (entries.size < DISTINCT_ENTRIES_KEPT) {
                        entries.set(key, decoded);
                    }
                }
                return decoded;
            }));
        }
        return response;
    };
}
