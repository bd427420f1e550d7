// What the prodready package's main module gives a platform team, without side effects: prodready's own policies,
// the builders and shared checks to write the team's own in the same style, and the test kit that
// proves them as prodready's own specs do (docs/team-pack.md). The analyzer starts only from the
// pack's entry (index.ts), never from here.
export { PACK_NAME } from "./pack";
export { loadPolicies, policyFiles, PROVIDER_FOLDERS } from "./registry";
export { CHECKLIST_FRAMEWORK, defaultEnforcement, resourcePolicy, stackPolicy } from "./lib/define";
export type { ConfigOf, PolicyMetadata, Priority, ProdreadyPolicy, ProdreadyResourcePolicy, ProdreadyStackPolicy, Report, Settings, StackContext, StackReport, Subject } from "./lib/define";
export * as checks from "./lib/checks";
export * as unknowns from "./lib/unknowns";
export * as values from "./lib/values";
export * as kubernetes from "./lib/kubernetes";
export * as aws from "./lib/aws";
export * as testing from "./testing";
