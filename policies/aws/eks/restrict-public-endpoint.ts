import { resourcePolicy } from "../../lib/define";
import { knownItems } from "../../lib/unknowns";
import { at, bool, describeType, given, text } from "../../lib/values";

/** CIDRs that admit the whole internet. */
const ANYWHERE = new Set(["0.0.0.0/0", "::/0"]);

export default resourcePolicy({
    name: "aws-eks-restrict-public-endpoint",
    description: "The Kubernetes API server endpoint of an EKS cluster is private, or public only to listed networks: a public endpoint (EKS's default) must not admit 0.0.0.0/0 or ::/0 (EKS's default publicAccessCidrs).",
    priority: "P1",
    severity: "high",
    checklist: ["003.infrastructure.network-configuration", "003.infrastructure.only-necessary-ports-open"],
    remediationSteps: "Set vpcConfig.endpointPublicAccess: false with endpointPrivateAccess: true, or keep the public endpoint and set vpcConfig.publicAccessCidrs to the networks that administer the cluster.",
    tags: ["network"],
    config: {
        allowRestrictedPublicEndpoint: {
            type: "boolean",
            default: true,
            description: "Accept a public endpoint whose publicAccessCidrs list specific networks. Default true: 003 asks for minimal exposure, which an allow-list of administrator networks gives; set false to require a private endpoint.",
        },
    },
    resourceTypes: ["aws:eks/cluster:Cluster"],
    validate: ({ name, props }, config, report) => {
        const where = `EKS cluster '${name}'`;
        const publicValue = given(at(props.vpcConfig, "endpointPublicAccess"));
        const isPublic = publicValue === undefined ? true : bool(publicValue);
        if (isPublic === undefined) {
            report(`${where} sets vpcConfig.endpointPublicAccess to ${describeType(publicValue)}, not a boolean: set it to false.`);
            return;
        }
        if (!isPublic) {
            return;
        }
        const how = publicValue === undefined ? "omits vpcConfig.endpointPublicAccess, so EKS serves a public API endpoint" : "serves a public API endpoint";
        if (!config.allowRestrictedPublicEndpoint) {
            report(`${where} ${how}: set vpcConfig.endpointPublicAccess: false and endpointPrivateAccess: true.`);
            return;
        }
        const cidrs = given(at(props.vpcConfig, "publicAccessCidrs"));
        if (cidrs !== undefined && !Array.isArray(cidrs)) {
            report(`${where} sets vpcConfig.publicAccessCidrs to ${describeType(cidrs)}, not a list: list the networks that administer the cluster.`);
            return;
        }
        // A CIDR unknown during preview decides only when no known one is open to everyone.
        const listed = knownItems(cidrs);
        const open = cidrs === undefined ? ["0.0.0.0/0"] : listed.items.map((c) => text(c)?.trim()).filter((c): c is string => !!c && ANYWHERE.has(c));
        if (open.length === 0 && listed.unknown !== undefined) {
            throw listed.unknown;
        }
        if (open.length > 0) {
            const whom = cidrs === undefined ? "with no publicAccessCidrs, which EKS sets to 0.0.0.0/0" : `open to ${open.join(", ")}`;
            report(`${where} ${how} ${whom}: set vpcConfig.endpointPublicAccess: false, or vpcConfig.publicAccessCidrs to the networks that administer the cluster.`);
        }
    },
});
