import { scenario } from "../scenario";

export default scenario({
    description: "No alarm watches the database or the load balancer",
    violations: [
        ["aws-cloudwatch-require-alarms", "app-db"],
        ["aws-cloudwatch-require-alarms", "app-alb"],
    ],
    omit: ["app-db-cpu", "app-alb-5xx", "app-alb-unhealthy"],
});
