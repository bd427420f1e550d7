// The stack's last state: a `pulumi stack export` read (export.ts), judged as deployed
// (deployed-run.ts), or previewed against as the engine previews an update (steps.ts).
export { DEPLOYMENT_VERSION, encryptedSecretsNotice, readStackExport } from "./export";
export type { DeployedResource, StackState } from "./export";
export { deployedRun, deployedSecretTexts } from "./deployed-run";
export { LastState, stepOf } from "./steps";
