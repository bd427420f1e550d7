import { requireSwitch } from "../../lib/checks";
import { resourcePolicy } from "../../lib/define";
import { nameMatches } from "../../lib/runtime-env";
import { judgeItems, unlessListed } from "../../lib/unknowns";
import { isRecord, record, text } from "../../lib/values";

const INSTANCE = "aws:ec2/instance:Instance";
const SPOT_REQUEST = "aws:ec2/spotInstanceRequest:SpotInstanceRequest";
const LAUNCH_TEMPLATE = "aws:ec2/launchTemplate:LaunchTemplate";
const LAUNCH_CONFIGURATION = "aws:ec2/launchConfiguration:LaunchConfiguration";
const SUBNET = "aws:ec2/subnet:Subnet";
const DEFAULT_SUBNET = "aws:ec2/defaultSubnet:DefaultSubnet";

const KINDS: Record<string, string> = {
    [INSTANCE]: "EC2 instance",
    [SPOT_REQUEST]: "spot instance request",
    [LAUNCH_TEMPLATE]: "launch template",
    [LAUNCH_CONFIGURATION]: "launch configuration",
    [SUBNET]: "subnet",
    [DEFAULT_SUBNET]: "default subnet",
};

/** Judges a switch that must not be on: reports true, and a value that is not a boolean. Omitted passes. */
function mustNotBeTrue(value: unknown, where: string, property: string, problem: string, fix: string, report: (message: string) => void): void {
    requireSwitch(value, { where, property, required: false, wrong: `sets ${property} to true, ${problem}`, fix, malformedFix: fix }, report);
}

export default resourcePolicy({
    name: "aws-ec2-disallow-public-ip",
    description: "EC2 instances, spot instance requests, launch templates and launch configurations get no public IP address, and subnets do not give one to every instance launched in them, except the subnets named as public tiers (NAT gateways, bastions): hosts are reached through a load balancer, Session Manager or a VPN.",
    priority: "P0",
    severity: "high",
    checklist: ["003.infrastructure.network-configuration", "003.infrastructure.only-necessary-ports-open"],
    remediationSteps: "Remove associatePublicIpAddress (or set it to false) on instances, launch configurations and launch template network interfaces, set mapPublicIpOnLaunch: false on subnets, and reach the hosts through a load balancer, Session Manager or a VPN.",
    tags: ["network"],
    config: {
        publicSubnets: {
            type: "array", items: { type: "string" }, default: [],
            description: "Globs (any case) for the subnets, by Pulumi name or Name tag, that may give public IPs to the instances launched in them (a NAT or bastion tier). Default none: 003 asks for a configured network with only the necessary ports open, and a public address exposes every port the host's security group opens.",
        },
    },
    resourceTypes: [INSTANCE, SPOT_REQUEST, LAUNCH_TEMPLATE, LAUNCH_CONFIGURATION, SUBNET, DEFAULT_SUBNET],
    validate: ({ type, name, props }, config, report) => {
        const where = `${KINDS[type]} '${name}'`;
        if (type === SUBNET || type === DEFAULT_SUBNET) {
            // The Name tag decides only through publicSubnets, once the subnet maps public IPs: tags
            // unknown during preview are not read otherwise, nor when the Pulumi name is listed.
            const tagListed = () => {
                const tag = text(record(props.tags)?.Name);
                return tag !== undefined && nameMatches(tag, config.publicSubnets);
            };
            const listed = () => nameMatches(name, config.publicSubnets) || tagListed();
            unlessListed(config.publicSubnets, listed, report, (report) => mustNotBeTrue(props.mapPublicIpOnLaunch, where, "mapPublicIpOnLaunch", "so every instance launched in it gets a public IP address",
                "set mapPublicIpOnLaunch: false (or name the subnet in publicSubnets if it is a NAT or bastion tier)", report));
            return;
        }
        if (type === LAUNCH_TEMPLATE) {
            // Each network interface on its own: one unknown during preview hides no other's public IP.
            judgeItems(props.networkInterfaces, report, (nic, i, report) => {
                if (!isRecord(nic)) {
                    return;
                }
                mustNotBeTrue(nic.associatePublicIpAddress, where, `networkInterfaces[${i}].associatePublicIpAddress`, "so every instance it launches gets a public IP address",
                    "remove it or set it to false", report);
            });
            return;
        }
        mustNotBeTrue(props.associatePublicIpAddress, where, "associatePublicIpAddress", type === LAUNCH_CONFIGURATION
            ? "so every instance it launches gets a public IP address" : "so the instance gets a public IP address", "remove it or set it to false", report);
    },
});
