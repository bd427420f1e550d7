// `prodready state`: a deployed stack judged from its export, without its program.
import type { PackConfig } from "../pack/config-file";
import { AnalyzerMode, judge, PreviewOptions } from "../preview";
import type { ProgramRun } from "../program/records";
import type { Analysis } from "../report/analysis";
import { redactError, redactor, redactResult } from "../report/redaction";
import { deployedRun, deployedSecretTexts } from "./deployed-run";
import type { StackState } from "./export";

export interface DeployedOptions extends Pick<PreviewOptions, "packDir" | "otherPackDirs" | "onJudged" | "onNotice"> {
    packConfig?: PackConfig;
    analyzer?: AnalyzerMode;
}

/**
 * Judges a deployed stack without its program, as `pulumi policy analyze` does: each resource's
 * inputs to Analyze, the outputs of all to AnalyzeStack. Every secret the export shows is redacted
 * from what the report reads.
 */
export async function judgeDeployed(state: StackState, options: DeployedOptions = {}): Promise<Analysis & { run: ProgramRun }> {
    const run = deployedRun(state);
    const redact = redactor(deployedSecretTexts(state));
    // The providers are in the export with their inputs: no stack config adds default ones.
    const analysis = await judge(run, { ...options, config: {} }).catch((err) => { throw redactError(err, redact); });
    return redactResult({ ...analysis, run }, redact);
}
