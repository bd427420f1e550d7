// The pack's entry: the analyzer that the Pulumi engine starts. Other modules have no side effects.
// Arborist is deferred before anything loads @pulumi/pulumi (serving/lazy-arborist.ts).
import { deferArborist } from "./serving/lazy-arborist";
import type * as Pack from "./pack";

deferArborist();
// Required here, not imported, so that it loads after the line above.
// eslint-disable-next-line @typescript-eslint/no-require-imports
(require("./pack") as typeof Pack).startPack();
