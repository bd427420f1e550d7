import { resourcePolicy } from "../../lib/define";
import { LISTENER_TYPES, listenerProtocol, tlsVersion } from "../../lib/edge";
import { describeType, given } from "../../lib/values";

/**
 * The lowest TLS version each predefined ELB security policy accepts, from the Elastic Load
 * Balancing documentation ("Security policies for your Application/Network Load Balancer").
 */
export const ELB_SECURITY_POLICIES: Readonly<Record<string, number>> = {
    "ELBSecurityPolicy-2015-05": 1.0,
    "ELBSecurityPolicy-2016-08": 1.0,
    "ELBSecurityPolicy-TLS-1-0-2015-04": 1.0,
    "ELBSecurityPolicy-TLS-1-1-2017-01": 1.1,
    "ELBSecurityPolicy-TLS-1-2-2017-01": 1.2,
    "ELBSecurityPolicy-TLS-1-2-Ext-2018-06": 1.2,
    "ELBSecurityPolicy-FS-2018-06": 1.0,
    "ELBSecurityPolicy-FS-1-1-2019-08": 1.1,
    "ELBSecurityPolicy-FS-1-2-2019-08": 1.2,
    "ELBSecurityPolicy-FS-1-2-Res-2019-08": 1.2,
    "ELBSecurityPolicy-FS-1-2-Res-2020-10": 1.2,
    "ELBSecurityPolicy-TLS13-1-0-2021-06": 1.0,
    "ELBSecurityPolicy-TLS13-1-1-2021-06": 1.1,
    "ELBSecurityPolicy-TLS13-1-2-2021-06": 1.2,
    "ELBSecurityPolicy-TLS13-1-2-Res-2021-06": 1.2,
    "ELBSecurityPolicy-TLS13-1-2-Ext1-2021-06": 1.2,
    "ELBSecurityPolicy-TLS13-1-2-Ext2-2021-06": 1.2,
    "ELBSecurityPolicy-TLS13-1-3-2021-06": 1.3,
    "ELBSecurityPolicy-TLS13-1-0-FIPS-2023-04": 1.0,
    "ELBSecurityPolicy-TLS13-1-1-FIPS-2023-04": 1.1,
    "ELBSecurityPolicy-TLS13-1-2-FIPS-2023-04": 1.2,
    "ELBSecurityPolicy-TLS13-1-2-Res-FIPS-2023-04": 1.2,
    "ELBSecurityPolicy-TLS13-1-2-Ext0-FIPS-2023-04": 1.2,
    "ELBSecurityPolicy-TLS13-1-2-Ext1-FIPS-2023-04": 1.2,
    "ELBSecurityPolicy-TLS13-1-2-Ext2-FIPS-2023-04": 1.2,
    "ELBSecurityPolicy-TLS13-1-3-FIPS-2023-04": 1.3,
    "ELBSecurityPolicy-TLS13-1-2-PQ-2025-09": 1.2,
    "ELBSecurityPolicy-TLS13-1-2-Res-PQ-2025-09": 1.2,
    "ELBSecurityPolicy-TLS13-1-2-Ext1-PQ-2025-09": 1.2,
    "ELBSecurityPolicy-TLS13-1-2-Ext2-PQ-2025-09": 1.2,
    "ELBSecurityPolicy-TLS13-1-3-PQ-2025-09": 1.3,
    "ELBSecurityPolicy-TLS13-1-2-FIPS-PQ-2025-09": 1.2,
    "ELBSecurityPolicy-TLS13-1-2-Res-FIPS-PQ-2025-09": 1.2,
    "ELBSecurityPolicy-TLS13-1-2-Ext0-FIPS-PQ-2025-09": 1.2,
    "ELBSecurityPolicy-TLS13-1-2-Ext1-FIPS-PQ-2025-09": 1.2,
    "ELBSecurityPolicy-TLS13-1-2-Ext2-FIPS-PQ-2025-09": 1.2,
    "ELBSecurityPolicy-TLS13-1-3-FIPS-PQ-2025-09": 1.3,
};

const TLS_PROTOCOLS = new Set(["HTTPS", "TLS"]);

export default resourcePolicy({
    name: "aws-lb-require-tls12-listener",
    description: "HTTPS and TLS load balancer listeners use a predefined ELB security policy that accepts TLS 1.2 or newer only; a policy name missing from the table of predefined policies is reported, not passed.",
    priority: "P0",
    severity: "high",
    checklist: ["000.authentication-security.tls-1-2", "004.network-security.tls-1-2", "003.infrastructure.load-balancer-tls-termination"],
    remediationSteps: "Set sslPolicy to a TLS 1.2+ security policy such as ELBSecurityPolicy-TLS13-1-2-Res-PQ-2025-09 or ELBSecurityPolicy-TLS13-1-2-2021-06.",
    tags: ["transport-security"],
    config: {
        minimumTlsVersion: {
            type: "string",
            enum: ["1.0", "1.1", "1.2", "1.3"],
            default: "1.2",
            description: "Lowest TLS version the listener's security policy may accept. Default 1.2: 000 and 004 require TLS 1.2 or newer.",
        },
    },
    resourceTypes: LISTENER_TYPES,
    validate: ({ name, props }, config, report) => {
        const protocol = listenerProtocol(props);
        if (protocol === undefined || !TLS_PROTOCOLS.has(protocol)) {
            return;
        }
        const minimum = tlsVersion(config.minimumTlsVersion) ?? 1.2;
        const accepted = Object.entries(ELB_SECURITY_POLICIES).filter(([, v]) => v >= minimum).map(([k]) => k);
        const where = `${protocol} listener '${name}'`;
        const sslPolicy = given(props.sslPolicy);
        if (sslPolicy === undefined) {
            report(`${where} sets no sslPolicy, so AWS applies ELBSecurityPolicy-2016-08 (TLS 1.0): set sslPolicy explicitly to a TLS ${config.minimumTlsVersion}+ policy such as ELBSecurityPolicy-TLS13-1-2-2021-06.`);
            return;
        }
        if (typeof sslPolicy !== "string") {
            report(`${where} sets sslPolicy to ${describeType(sslPolicy)}, not a policy name: set it to a TLS ${config.minimumTlsVersion}+ policy such as ELBSecurityPolicy-TLS13-1-2-2021-06.`);
            return;
        }
        const policyName = sslPolicy.trim();
        // Own keys only: a name such as "constructor" is no security policy.
        const version = Object.hasOwn(ELB_SECURITY_POLICIES, policyName) ? ELB_SECURITY_POLICIES[policyName] : undefined;
        if (version === undefined) {
            report(`${where} uses sslPolicy '${policyName}', which is not a known ELB security policy name, so the TLS versions it accepts cannot be checked: use one of ${accepted.join(", ")}.`);
        } else if (version < minimum) {
            report(`${where} uses sslPolicy '${policyName}', which accepts TLS ${version.toFixed(1)}: use a TLS ${config.minimumTlsVersion}+ policy such as ELBSecurityPolicy-TLS13-1-2-2021-06.`);
        }
    },
});
