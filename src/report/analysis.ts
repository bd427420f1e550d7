// The result of judging one run, whichever way it was judged: the Analyzer protocol in a preview or
// manifest run (src/analyzer/session.ts), or a real `pulumi preview` read back from its event log
// (src/report/event-log.ts). Every report format is built from it by one function
// (reportFromAnalysis in src/report/document.ts).
import type { ExemptionNote, Priority } from "../../policies/lib/contract";
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
    /**
     * Set where the policy object itself was at hand (an event log's pack, loaded in-process); over
     * the Analyzer protocol they travel as the `priority:` tag and the framework reference.
     */
    priority?: Priority;
    checklist?: readonly string[];
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
    /**
     * Set on an unknown finding of an event log that holds no verdict of the policy on a resource it
     * applies to: the pack did not analyze the resource, or its policy summary does not list the policy.
     */
    noVerdict?: true;
}

/** A policy that did not judge a resource (or the stack) because an exemption with a reason applied. */
export interface Exemption extends ExemptionNote {
    policy: string;
    type?: string;
    name?: string;
    /** Set on an exemption of another pack that ran beside the run's own: that pack's name. */
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
    /**
     * The not-applicable answers as the pack gave them. Over the Analyzer protocol an exemption is
     * one of them, its reason in the form policies/lib/contract.ts writes; the report reads it back.
     */
    notApplicable: NotApplicable[];
    /** Exemptions known as such where they were found (an event log's), never written into a reason. */
    exemptions?: Exemption[];
    /** The enforcement level each policy ran with after the policy-pack config. */
    levels: Record<string, EnforcementLevel>;
    /** The policies whose values unknown during preview the policy-pack config lets pass (`allowUnknown`). */
    allowUnknown?: readonly string[];
    durationMillis: number;
}
