// How the engine marshals values and enums for an analyzer.
import * as analyzerProto from "@pulumi/pulumi/proto/analyzer_pb";
import type { EnforcementLevel } from "../pack/config";
import { RESOURCE_SIG, SIG_KEY, UNKNOWN } from "../values";

const { ADVISORY, MANDATORY, DISABLED, REMEDIATE } = analyzerProto.EnforcementLevel;

export const LEVEL_OF_WIRE: Readonly<Record<number, EnforcementLevel>> = {
    [ADVISORY]: "advisory", [MANDATORY]: "mandatory", [DISABLED]: "disabled", [REMEDIATE]: "remediate",
};
export const WIRE_LEVEL: Readonly<Record<EnforcementLevel, analyzerProto.EnforcementLevel>> = {
    advisory: ADVISORY, mandatory: MANDATORY, disabled: DISABLED, remediate: REMEDIATE,
};

const { POLICY_SEVERITY_LOW, POLICY_SEVERITY_MEDIUM, POLICY_SEVERITY_HIGH, POLICY_SEVERITY_CRITICAL } = analyzerProto.PolicySeverity;

/** The severity's name; "" for unspecified. */
export function severityName(severity: analyzerProto.PolicySeverity): string {
    return ({ [POLICY_SEVERITY_LOW]: "low", [POLICY_SEVERITY_MEDIUM]: "medium", [POLICY_SEVERITY_HIGH]: "high", [POLICY_SEVERITY_CRITICAL]: "critical" } as Record<number, string>)[severity] ?? "";
}

/**
 * Shapes values as the engine marshals them for analyzers: resource references become the
 * resource's ID (unknown during preview) or a component's URN, and internal `__` keys are dropped.
 * Unknowns and secrets pass through; the policy SDK unwraps them.
 */
export function downgradeReferences(value: unknown): unknown {
    if (Array.isArray(value)) {
        return value.map(downgradeReferences);
    }
    if (value !== null && typeof value === "object") {
        const obj = value as Record<string, unknown>;
        if (obj[SIG_KEY] === RESOURCE_SIG) {
            if ("id" in obj) {
                return obj.id === "" || obj.id === undefined ? UNKNOWN : downgradeReferences(obj.id);
            }
            return obj.urn;
        }
        const out: Record<string, unknown> = {};
        for (const [k, v] of Object.entries(obj)) {
            if (!k.startsWith("__")) {
                out[k] = downgradeReferences(v);
            }
        }
        return out;
    }
    return value;
}

/** Custom timeouts arrive as Go durations ("5m", "1h30m"); the analyzer wants seconds. */
export function durationSeconds(text: string): number {
    if (text === "") {
        return 0; // no custom timeout, as for nearly every resource
    }
    let seconds = 0;
    for (const [, amount, unit] of text.matchAll(/(\d+(?:\.\d+)?)(h|ms|m|s)/g)) {
        seconds += Number(amount) * ({ h: 3600, m: 60, s: 1, ms: 0.001 } as Record<string, number>)[unit];
    }
    return Math.floor(seconds);
}
