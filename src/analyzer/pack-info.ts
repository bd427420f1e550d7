import * as analyzerProto from "@pulumi/pulumi/proto/analyzer_pb";
import type { PackInfo, PolicyInfo } from "../report/analysis";
import { LEVEL_OF_WIRE, severityName } from "./wire";

// A connection keeps its GetAnalyzerInfo answer (host.ts), so the same message is read again for every run.
const read = new WeakMap<analyzerProto.AnalyzerInfo, PackInfo>();

/** The pack's description of itself, from its GetAnalyzerInfo answer. */
export function readPackInfo(info: analyzerProto.AnalyzerInfo): PackInfo {
    let pack = read.get(info);
    if (!pack) {
        pack = packInfoOf(info);
        read.set(info, pack);
    }
    return pack;
}

function packInfoOf(info: analyzerProto.AnalyzerInfo): PackInfo {
    return {
        name: info.getName(),
        version: info.getVersion(),
        policies: info.getPoliciesList().map((p): PolicyInfo => {
            const framework = p.getFramework();
            const schema = p.getConfigschema();
            return {
                name: p.getName(),
                description: p.getDescription(),
                enforcementLevel: LEVEL_OF_WIRE[p.getEnforcementlevel()],
                severity: severityName(p.getSeverity()),
                kind: p.getPolicyType() === analyzerProto.PolicyType.POLICY_TYPE_STACK ? "stack" : "resource",
                tags: p.getTagsList(),
                remediationSteps: p.getRemediationSteps(),
                configSchema: schema ? { properties: (schema.getProperties()?.toJavaScript() ?? {}) as Record<string, object>, required: schema.getRequiredList() } : undefined,
                framework: framework ? {
                    name: framework.getName(), version: framework.getVersion(),
                    reference: framework.getReference(), specification: framework.getSpecification(),
                } : undefined,
            };
        }),
    };
}
