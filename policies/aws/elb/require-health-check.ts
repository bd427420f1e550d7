import { resourcePolicy } from "../../lib/define";
import { describeType, given, record, showSetting, text } from "../../lib/values";

/** Classic load balancers: `aws.elb.LoadBalancer` and the token it was registered under before. */
export const CLASSIC_LOAD_BALANCER_TYPES = ["aws:elb/loadBalancer:LoadBalancer", "aws:elasticloadbalancing/loadBalancer:LoadBalancer"] as const;

// A Classic Load Balancer health check target: PROTOCOL:PORT, with a path for HTTP and HTTPS.
const TARGET = /^(HTTP|HTTPS):(\d{1,5})\/\S*$|^(TCP|SSL):(\d{1,5})$/i;

export default resourcePolicy({
    name: "aws-elb-require-health-check",
    description: "Classic Load Balancers declare a health check with a target (\"HTTP:8080/health\"), so they route only to instances that answer it. Without one, the load balancer falls back to a TCP connection check on the first listener's instance port, which passes as long as the port accepts connections, even when the application is failing.",
    priority: "P0",
    severity: "high",
    checklist: ["003.infrastructure.load-balancer-health-checks", "002.build-and-deployment.health-checks"],
    remediationSteps: "Set healthCheck: { target: \"HTTP:<instance port>/health\", interval: 30, timeout: 5, healthyThreshold: 2, unhealthyThreshold: 3 } on the load balancer, pointing at the service's health endpoint.",
    tags: ["availability"],
    resourceTypes: CLASSIC_LOAD_BALANCER_TYPES,
    validate: ({ name, props }, _config, report) => {
        const where = `Classic Load Balancer '${name}'`;
        const check = given(props.healthCheck);
        if (check === undefined) {
            report(`${where} declares no healthCheck, so it only checks that the instance port accepts TCP connections: set healthCheck: { target: "HTTP:<instance port>/health", ... }.`);
            return;
        }
        const settings = record(check);
        if (!settings) {
            report(`${where} sets healthCheck to ${describeType(check)}: set it to { target: "HTTP:<instance port>/health", interval, timeout, healthyThreshold, unhealthyThreshold }.`);
            return;
        }
        const target = given(settings.target);
        if (target === undefined) {
            report(`${where} declares a healthCheck without a target: set healthCheck.target to "HTTP:<instance port>/health".`);
            return;
        }
        const value = text(target);
        if (value === undefined || !TARGET.test(value.trim())) {
            report(`${where} sets healthCheck.target to ${value === undefined ? describeType(target) : `${showSetting(value)}, which is not PROTOCOL:PORT[/PATH]`}: set it to "HTTP:<port>/<path>", "HTTPS:<port>/<path>", "TCP:<port>" or "SSL:<port>".`);
        }
    },
});
