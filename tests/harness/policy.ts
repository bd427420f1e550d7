// prodready's own specs run their policies with the pack's test kit (policies/testing.ts), the one
// a team uses for its own pack; only the config is resolved as the CLI resolves it, with the schema
// validated, exemptions checked and former names honoured (src/pack/config.ts).
import { resolvePolicyConfig } from "../../src/pack/config";
import { policyKit } from "../../policies/testing";

export { UNKNOWN, urnOf } from "../../policies/testing";
export type { ResourceCase, StackResource, Verdict } from "../../policies/testing";

export const { checkResource, checkStack } = policyKit({
    resolveConfig: (policy, settings) => resolvePolicyConfig([policy], settings ? { [policy.name]: settings } : {}).get(policy.name)!.properties,
});
