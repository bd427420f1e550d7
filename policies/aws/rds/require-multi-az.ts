import { requireTrue } from "../../lib/aws";
import { resourcePolicy } from "../../lib/define";

export default resourcePolicy({
    name: "aws-rds-require-multi-az",
    description: "RDS instances run with a standby in a second availability zone (Aurora clusters get this from two or more cluster instances).",
    priority: "P2",
    severity: "medium",
    checklist: ["002.database-setup.production-database", "002.high-risk-scenarios.database-outage"],
    remediationSteps: "Set multiAz: true.",
    tags: ["availability"],
    resourceTypes: ["aws:rds/instance:Instance"],
    validate: ({ name, props }, _config, report) => {
        requireTrue(props.multiAz, `RDS instance '${name}'`, "multiAz", "which AWS leaves single-AZ", "set multiAz: true", report);
    },
});
