import { EC2_HOST_KINDS, EC2_INSTANCE, EC2_SPOT_REQUEST } from "../../lib/aws";
import { resourcePolicy } from "../../lib/define";
import { Parts } from "../../lib/unknowns";
import { describeType, given, integer, isGiven, record, showSetting, text } from "../../lib/values";


/** The largest hop limit EC2 accepts. */
const MAXIMUM_ACCEPTED_HOPS = 64;

export default resourcePolicy({
    name: "aws-ec2-require-imdsv2",
    description: "EC2 instances, spot instance requests, launch templates and launch configurations require IMDSv2 (session tokens) for the instance metadata service, or turn the service off, and keep the PUT response hop limit low, so the instance role's credentials cannot be read through a server-side request forgery or from containers on the host.",
    priority: "P1",
    severity: "high",
    checklist: ["003.security.least-privilege"],
    remediationSteps: "Set metadataOptions: { httpTokens: \"required\", httpPutResponseHopLimit: 1 } (2 on hosts whose containers must reach the metadata service), or httpEndpoint: \"disabled\" where nothing needs it.",
    tags: ["secrets-identity"],
    config: {
        maximumHopLimit: {
            type: "integer", minimum: 1, maximum: MAXIMUM_ACCEPTED_HOPS, default: 1,
            description: "Largest httpPutResponseHopLimit accepted. Default 1 (also EC2's default): the token then never leaves the instance, so containers on it cannot take the instance role's credentials and use their own task or pod role, as 003's principle of least privilege asks. Set 2 for container hosts whose containers must reach the metadata service (EKS nodes, per the AWS IMDS documentation).",
        },
    },
    resourceTypes: Object.keys(EC2_HOST_KINDS),
    validate: ({ type, name, props }, config, report) => {
        const where = `${EC2_HOST_KINDS[type]} '${name}'`;
        const options = given(props.metadataOptions);
        if (options !== undefined && record(options) === undefined) {
            report(`${where} sets metadataOptions to ${describeType(options)}, not an object: set metadataOptions: { httpTokens: "required" }.`);
            return;
        }
        const endpoint = given(record(options)?.httpEndpoint);
        if (endpoint !== undefined && text(endpoint)?.trim().toLowerCase() === "disabled") {
            return; // no metadata service at all
        }
        // Tokens and hop limit apart: one setting unknown during preview hides no violation of the other.
        const parts = new Parts(report);
        parts.judge(() => {
            const tokens = given(record(options)?.httpTokens);
            if (tokens === undefined) {
                // An instance launched from a template takes the template's metadata options; the template is judged itself.
                const fromTemplate = (type === EC2_INSTANCE || type === EC2_SPOT_REQUEST) && isGiven(props.launchTemplate);
                if (!fromTemplate) {
                    parts.report(`${where} omits metadataOptions.httpTokens, so its instances also accept IMDSv1 (httpTokens defaults to "optional"): set metadataOptions: { httpTokens: "required" }.`);
                }
            } else if (typeof tokens !== "string") {
                parts.report(`${where} sets metadataOptions.httpTokens to ${describeType(tokens)}, not a string: set it to "required".`);
            } else if (tokens.trim().toLowerCase() !== "required") {
                parts.report(tokens.trim().toLowerCase() === "optional"
                    ? `${where} sets metadataOptions.httpTokens to ${showSetting(tokens)}, so its instances accept IMDSv1 requests without a session token: set httpTokens: "required".`
                    : `${where} sets metadataOptions.httpTokens to ${showSetting(tokens)}, which EC2 does not accept (it takes "required" or "optional"): set httpTokens: "required".`);
            }
        });
        parts.judge(() => {
            const hops = given(record(options)?.httpPutResponseHopLimit);
            if (hops === undefined) {
                return; // EC2 defaults to 1
            }
            const limit = integer(hops);
            if (limit === undefined) {
                parts.report(`${where} sets metadataOptions.httpPutResponseHopLimit to ${describeType(hops)}, not a whole number: set it to ${config.maximumHopLimit} or less.`);
            } else if (limit > MAXIMUM_ACCEPTED_HOPS || limit < 1) {
                parts.report(`${where} sets metadataOptions.httpPutResponseHopLimit to ${limit}, which EC2 rejects (1 to ${MAXIMUM_ACCEPTED_HOPS}): set it to ${config.maximumHopLimit} or less.`);
            } else if (limit > config.maximumHopLimit) {
                parts.report(`${where} sets metadataOptions.httpPutResponseHopLimit to ${limit}, above the maximum ${config.maximumHopLimit}, so metadata tokens reach ${limit - 1} network hop(s) beyond the instance (containers on it): set it to ${config.maximumHopLimit}.`);
            }
        });
        parts.settle();
    },
});
