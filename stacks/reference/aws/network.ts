import * as aws from "@pulumi/aws";

export interface Network {
    vpc: aws.ec2.Vpc;
    publicSubnets: aws.ec2.Subnet[];
    privateSubnets: aws.ec2.Subnet[];
    albSecurityGroup: aws.ec2.SecurityGroup;
    serviceSecurityGroup: aws.ec2.SecurityGroup;
    databaseSecurityGroup: aws.ec2.SecurityGroup;
}

/** A VPC across three zones, public subnets for the load balancer and private ones for the rest. */
export function network(): Network {
    const zones = aws.getAvailabilityZonesOutput({ state: "available" });
    const vpc = new aws.ec2.Vpc("app-vpc", { cidrBlock: "10.20.0.0/16", enableDnsHostnames: true, enableDnsSupport: true, tags: { Name: "app" } });
    const subnet = (name: string, index: number, isPublic: boolean) => new aws.ec2.Subnet(name, {
        vpcId: vpc.id,
        cidrBlock: `10.20.${index * 16}.0/20`,
        availabilityZone: zones.names.apply((names) => names[index % names.length]),
        mapPublicIpOnLaunch: false,
        tags: { Name: name, tier: isPublic ? "public" : "private" },
    });
    const publicSubnets = [0, 1, 2].map((i) => subnet(`app-public-${i}`, i, true));
    const privateSubnets = [0, 1, 2].map((i) => subnet(`app-private-${i}`, i + 3, false));

    const albSecurityGroup = new aws.ec2.SecurityGroup("app-alb-sg", {
        vpcId: vpc.id,
        description: "Public HTTPS and the HTTP redirect",
        ingress: [
            { protocol: "tcp", fromPort: 443, toPort: 443, cidrBlocks: ["0.0.0.0/0"], description: "HTTPS" },
            { protocol: "tcp", fromPort: 80, toPort: 80, cidrBlocks: ["0.0.0.0/0"], description: "HTTP, redirected to HTTPS" },
        ],
        egress: [{ protocol: "tcp", fromPort: 8080, toPort: 8080, cidrBlocks: ["10.20.0.0/16"], description: "To the service" }],
    });
    const serviceSecurityGroup = new aws.ec2.SecurityGroup("app-service-sg", {
        vpcId: vpc.id,
        description: "The service, reachable from the load balancer only",
        ingress: [{ protocol: "tcp", fromPort: 8080, toPort: 8080, securityGroups: [albSecurityGroup.id], description: "From the ALB" }],
        egress: [{ protocol: "tcp", fromPort: 443, toPort: 443, cidrBlocks: ["0.0.0.0/0"], description: "HTTPS to AWS APIs" },
            { protocol: "tcp", fromPort: 5432, toPort: 5432, cidrBlocks: ["10.20.0.0/16"], description: "To the database" }],
    });
    const databaseSecurityGroup = new aws.ec2.SecurityGroup("app-db-sg", {
        vpcId: vpc.id,
        description: "PostgreSQL from the service only",
        ingress: [{ protocol: "tcp", fromPort: 5432, toPort: 5432, securityGroups: [serviceSecurityGroup.id], description: "From the service" }],
    });
    return { vpc, publicSubnets, privateSubnets, albSecurityGroup, serviceSecurityGroup, databaseSecurityGroup };
}
