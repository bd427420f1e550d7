import { requireTrue } from "../../lib/aws";
import { resourcePolicy } from "../../lib/define";
import { at, records } from "../../lib/values";

const LAUNCH_TEMPLATE = "aws:ec2/launchTemplate:LaunchTemplate";

export default resourcePolicy({
    name: "aws-ebs-require-encryption",
    description: "EBS volumes are encrypted at rest, whether declared as volumes or as launch template block devices.",
    priority: "P0",
    severity: "high",
    checklist: ["004.data-security.encryption-at-rest", "003.security.data-encryption", "003.infrastructure.persistent-storage"],
    remediationSteps: "Set encrypted: true on the volume, or ebs.encrypted: \"true\" on each launch template block device mapping.",
    tags: ["encryption"],
    resourceTypes: ["aws:ebs/volume:Volume", LAUNCH_TEMPLATE],
    validate: ({ type, name, props }, _config, report) => {
        const omitted = "which leaves it unencrypted unless the account enables EBS encryption by default";
        if (type !== LAUNCH_TEMPLATE) {
            requireTrue(props.encrypted, `EBS volume '${name}'`, "encrypted", omitted, "set encrypted: true", report);
            return;
        }
        records(props.blockDeviceMappings).forEach((mapping, index) => {
            const ebs = at(mapping, "ebs");
            if (ebs === undefined) {
                return; // an instance store or a suppressed device: no EBS volume
            }
            const device = typeof mapping.deviceName === "string" ? `'${mapping.deviceName}'` : `#${index + 1}`;
            requireTrue(at(ebs, "encrypted"), `block device ${device} of launch template '${name}'`, "ebs.encrypted", omitted, "set ebs.encrypted: \"true\"", report);
        });
    },
});
