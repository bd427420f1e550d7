import { scenario } from "../scenario";

export default scenario({
    description: "The scaling target has no scaling policy, so the service never scales",
    violations: [["aws-appautoscaling-require-scaling-policy", "app-scaling"]],
    omit: ["app-scaling-cpu"],
});
