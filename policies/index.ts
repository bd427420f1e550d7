// The pack's entry: the analyzer that the Pulumi engine starts. Other modules have no side effects.
// The closure serializer's heavy modules are deferred before anything loads @pulumi/pulumi
// (serving/lazy-closure-modules.ts).
import { deferClosureModules } from "./serving/lazy-closure-modules";
import type * as Pack from "./pack";

deferClosureModules();
// Required here, not imported, so that it loads after the line above.
// eslint-disable-next-line @typescript-eslint/no-require-imports
(require("./pack") as typeof Pack).startPack();
