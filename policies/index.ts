// The pack's entry: the analyzer that the Pulumi engine starts. Other modules have no side effects.
import { startPack } from "./pack";

startPack();
