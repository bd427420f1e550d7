import { scenario } from "../scenario";

export default scenario({
    description: "The database and the load balancer lose their alarms: no database alarm at all, no 5XX, health-check or 3 s latency alarm on the load balancer (only the 10 s latency alarm that deployments roll back on is left)",
    violations: [
        ["aws-cloudwatch-require-alarms", "app-db"],
        ["aws-cloudwatch-require-database-alarms", "app-db"],
        ["aws-cloudwatch-require-load-balancer-alarms", "app-alb"],
        ["aws-cloudwatch-require-target-group-alarms", "app-tg"],
    ],
    omit: ["app-db-cpu", "app-db-connections", "app-alb-5xx", "app-alb-latency", "app-alb-unhealthy"],
});
