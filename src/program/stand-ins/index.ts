/**
 * Stand-ins for what a cloud would answer during a preview without one: the results of provider
 * functions and the outputs a provider computes for a resource, typed from the provider packages'
 * own declarations (recorded in stand-ins.json by scripts/generate-stand-ins.ts) and made up
 * deterministically from the arguments.
 */
export { functionStandIn, functionTokens } from "./functions";
export { canonicalType, knownResourceType, outputNames, resourceOutputStandIns, resourceStandIns, resourceTypes } from "./resources";
export type { ResourceStandIns } from "./resources";
export type { StandInContext } from "./naming";
