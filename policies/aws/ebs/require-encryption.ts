import { CUSTOMER_MANAGED_KEY_SETTING, requireCustomerManagedKey, requireTrue } from "../../lib/aws";
import { resourcePolicy } from "../../lib/define";
import { judgeItems, knownOr, Parts } from "../../lib/unknowns";
import { at, bool, given, record, text } from "../../lib/values";

/** How a message names a block device: by its device name, or by position while that is unset or unknown during preview. */
function deviceLabel(device: Record<string, unknown>, index: number): string {
    const name = knownOr(() => text(given(device.deviceName)), undefined);
    return name ? `'${name}'` : `#${index + 1}`;
}

const VOLUME = "aws:ebs/volume:Volume";
const LAUNCH_TEMPLATE = "aws:ec2/launchTemplate:LaunchTemplate";
const INSTANCE = "aws:ec2/instance:Instance";
const LAUNCH_CONFIGURATION = "aws:ec2/launchConfiguration:LaunchConfiguration";

export default resourcePolicy({
    name: "aws-ebs-require-encryption",
    description: "EBS volumes are encrypted at rest, whether declared as volumes, as launch template block devices, or as the root and EBS block devices of EC2 instances and launch configurations. A device left to the AMI's block device mapping counts as unencrypted unless the account turns EBS encryption by default on (setting encryptionByDefault).",
    priority: "P0",
    severity: "high",
    checklist: ["004.data-security.encryption-at-rest", "003.security.data-encryption", "003.infrastructure.persistent-storage"],
    remediationSteps: "Set encrypted: true on the volume and on rootBlockDevice and each ebsBlockDevices entry of instances and launch configurations, or ebs.encrypted: \"true\" on each launch template block device mapping; or turn on EBS encryption by default for the account and region (aws.ebs.EncryptionByDefault) and set encryptionByDefault in this policy's config.",
    tags: ["encryption"],
    config: {
        encryptionByDefault: {
            type: "boolean",
            default: false,
            description: "The accounts this pack judges turn EBS encryption by default on, so a volume that omits encrypted is encrypted. Default false: AWS leaves encryption by default off in every region until the account enables it (EC2 User Guide, \"Enable Amazon EBS encryption by default\").",
        },
        requireCustomerManagedKey: CUSTOMER_MANAGED_KEY_SETTING,
    },
    resourceTypes: [VOLUME, LAUNCH_TEMPLATE, INSTANCE, LAUNCH_CONFIGURATION],
    validate: ({ type, name, props }, config, report) => {
        const omitted = config.encryptionByDefault ? undefined : "which leaves it unencrypted unless the account enables EBS encryption by default (then set encryptionByDefault in this policy's config)";
        if (type === VOLUME) {
            requireTrue(props.encrypted, `EBS volume '${name}'`, "encrypted", omitted, "set encrypted: true", report);
            // Volumes only: a device of an instance or launch template names its key in its own block.
            if (config.requireCustomerManagedKey && bool(props.encrypted) === true) {
                requireCustomerManagedKey(props, "kmsKeyId", `EBS volume '${name}'`, "aws/ebs", report);
            }
            return;
        }
        // Each device on its own: one unknown during preview hides no other's violation, and its
        // device name, which only labels it, is not read while unknown.
        if (type === LAUNCH_TEMPLATE) {
            judgeItems(props.blockDeviceMappings, report, (item, index, report) => {
                const mapping = record(item);
                const ebs = at(mapping, "ebs");
                if (!mapping || ebs === undefined) {
                    return; // an instance store or a suppressed device: no EBS volume
                }
                requireTrue(at(ebs, "encrypted"), `block device ${deviceLabel(mapping, index)} of launch template '${name}'`, "ebs.encrypted", omitted, "set ebs.encrypted: \"true\"", report);
            });
            return;
        }
        const owner = type === INSTANCE ? `EC2 instance '${name}'` : `launch configuration '${name}'`;
        const parts = new Parts(report);
        parts.judge(() => {
            const root = given(props.rootBlockDevice);
            if (root === undefined) {
                if (omitted !== undefined) {
                    parts.report(`${owner} declares no rootBlockDevice, so its root volume follows the AMI's block device mapping, unencrypted unless the AMI's snapshot is encrypted or the account enables EBS encryption by default: set rootBlockDevice: { encrypted: true } (or encryptionByDefault in this policy's config when the account encrypts by default).`);
                }
            } else {
                requireTrue(at(root, "encrypted"), `the root block device of ${owner}`, "rootBlockDevice.encrypted", omitted, "set rootBlockDevice.encrypted: true", parts.report);
            }
        });
        parts.judge(() => judgeItems(props.ebsBlockDevices, parts.report, (item, index, report) => {
            const device = record(item);
            if (device) {
                requireTrue(device.encrypted, `EBS block device ${deviceLabel(device, index)} of ${owner}`, "encrypted", omitted, "set encrypted: true on the ebsBlockDevices entry", report);
            }
        }));
        parts.settle();
    },
});
