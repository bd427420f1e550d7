import type * as aws from "@pulumi/aws";
import { patch, scenario } from "../scenario";

export default scenario({
    description: "The service may scale in to zero tasks",
    violations: [["aws-appautoscaling-require-min-capacity", "app-scaling"]],
    patches: [patch<aws.appautoscaling.TargetArgs>("aws:appautoscaling/target:Target", "app-scaling", (a) => { a.minCapacity = 0; })],
});
