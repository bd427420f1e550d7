// The result of judging one run, whichever way the pack was reached (the Analyzer protocol in a
// preview or manifest run); every report format is built from it (src/report/document.ts).
import type { EnforcementLevel, PolicyConfigInfo } from "../pack/config";

/** The pack's description of itself (GetAnalyzerInfo). */
export interface PackInfo {
    name: string;
    version: string;
    policies: PolicyInfo[];
}

export interface PolicyInfo extends PolicyConfigInfo {
    description: string;
    severity: string;
    kind: "resource" | "stack";
    tags: string[];
    remediationSteps: string;
    framework?: { name: string; version: string; reference: string; specification: string };
    /** Set on a policy of another pack that ran beside the run's own (`--policy-pack`): that pack's name. */
    pack?: string;
}

/** One diagnostic the pack returned; `unknown` when the policy hit a value unknown during preview. */
export interface Finding {
    policy: string;
    level: EnforcementLevel;
    outcome: "violation" | "unknown";
    message: string;
    urn?: string;
    type?: string;
    name?: string;
    severity: string;
    description: string;
    /** Set on a finding of another pack that ran beside the run's own: that pack's name. */
    pack?: string;
}

/** A policy that declared itself not applicable to a resource (or the stack), with its reason. */
export interface NotApplicable {
    policy: string;
    reason: string;
    urn?: string;
    type?: string;
    name?: string;
    /** Set on an answer of another pack that ran beside the run's own: that pack's name. */
    pack?: string;
}

export interface Analysis {
    /** The run's own pack; with other packs beside it, its policies include theirs, each marked with its `pack`. */
    pack: PackInfo;
    /** Every pack that ran, the run's own first, when more than one did (`--policy-pack`). */
    packs?: Array<{ name: string; version: string }>;
    resources: number;
    findings: Finding[];
    notApplicable: NotApplicable[];
    /** The enforcement level each policy ran with after the policy-pack config. */
    levels: Record<string, EnforcementLevel>;
    /** The policies whose values unknown during preview the policy-pack config lets pass (`allowUnknown`). */
    allowUnknown?: readonly string[];
    durationMillis: number;
}
