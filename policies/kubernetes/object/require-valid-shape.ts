import { resourcePolicy } from "../../lib/define";
import {
    describeWorkload, isCustomResourceType, isObjectType, isPatch, parseType, podSpecPath, POD_WORKLOAD_TYPES, unservedKind,
} from "../../lib/kubernetes";
import { judgeEach, judgeItems, knownItems, Parts } from "../../lib/unknowns";
import { at, describeType, isRecord, Props } from "../../lib/values";

// Lists of a pod spec the pack reads, and whether the API server requires them (a pod has at least one container).
const CONTAINER_LISTS = [["containers", true], ["initContainers", false], ["ephemeralContainers", false]] as const;
// Fields of a container the pack reads: lists, and objects.
const CONTAINER_LIST_FIELDS = ["ports", "env", "envFrom", "volumeMounts"];
const CONTAINER_OBJECT_FIELDS = ["securityContext", "resources"];

export default resourcePolicy({
    name: "kubernetes-object-require-valid-shape",
    description: "Every Kubernetes object has the structure the API server accepts where the pack reads it: a kind its apiVersion serves, an object spec, and for workloads a pod template with a list of containers and object securityContexts. An invalid object cannot go live, and its pod template could not be judged.",
    priority: "P0",
    severity: "high",
    checklist: ["003.security.container-security", "001.deployment.resource-limits"],
    remediationSteps: "Fix the object the way the message says: the apiVersion that serves the kind (apps/v1 for a Deployment), spec and securityContext as objects, containers as a list of container objects.",
    tags: ["deployment"],
    resourceTypes: POD_WORKLOAD_TYPES,
    // Every object: built-in kinds under the wrong apiVersion, and custom resources that carry a pod template.
    appliesTo: isObjectType,
    validate: ({ type, name, props }, _config, report) => {
        const where = describeWorkload(type, name, props);
        const unserved = unservedKind(type);
        if (unserved) {
            report(`${where} cannot be created: ${unserved}.`);
            return;
        }
        const spec = props.spec;
        if (spec !== undefined && !isRecord(spec)) {
            report(`${where} sets spec to ${describeType(spec)}, not an object: the API server rejects it; write spec as a mapping of fields.`);
            return;
        }
        const path = podSpecPath(type, props);
        if (!path) {
            return;
        }
        const patch = isPatch(type);
        const custom = isCustomResourceType(type);
        // Each step down to the pod spec (spec, spec.template, spec.template.spec) is an object, and present on a whole workload.
        for (let depth = 1; depth <= path.length; depth++) {
            const field = path.slice(0, depth).join(".");
            const value = at(props, ...path.slice(0, depth));
            if (value === undefined) {
                if (!patch && !custom) {
                    report(`${where} sets no ${field}: the API server rejects a ${parseType(type).kind} without ${depth === path.length ? "a pod spec" : field}; set ${path.join(".")}.containers.`);
                }
                return;
            }
            if (!isRecord(value)) {
                report(`${where} sets ${field} to ${describeType(value)}, not an object: write it as a mapping of fields.`);
                return;
            }
        }
        judgePodSpec(at(props, ...path) as Props, path.join("."), where, patch, report);
    },
});

function judgePodSpec(pod: Props, prefix: string, where: string, patch: boolean, sink: (message: string) => void): void {
    // Each field and each container on its own: a value unknown during preview in one hides no malformed other.
    const parts = new Parts(sink);
    const report = parts.report;
    parts.judge(() => {
        if (pod.securityContext !== undefined && !isRecord(pod.securityContext)) {
            report(`${where} sets ${prefix}.securityContext to ${describeType(pod.securityContext)}, not an object: write it as a mapping (runAsNonRoot, runAsUser, seccompProfile, ...).`);
        }
    });
    parts.judge(() => {
        const volumes = pod.volumes;
        if (volumes === undefined) {
            return;
        }
        const items = knownItems(volumes);
        if (!Array.isArray(volumes) || !items.items.every(isRecord)) {
            report(`${where} sets ${prefix}.volumes to ${describeType(volumes)}, not a list of volume objects: write each volume as a mapping with a name.`);
        } else if (items.unknown !== undefined) {
            throw items.unknown;
        }
    });
    for (const [field, required] of CONTAINER_LISTS) {
        parts.judge(() => {
            const group = pod[field];
            if (group === undefined) {
                if (required && !patch) {
                    report(`${where} sets no ${prefix}.${field}: a pod needs at least one container; add one with a name and an image.`);
                }
                return;
            }
            if (!Array.isArray(group)) {
                report(`${where} sets ${prefix}.${field} to ${describeType(group)}, not a list: write ${field} as a list of container objects.`);
                return;
            }
            if (required && group.length === 0 && !patch) {
                report(`${where} sets ${prefix}.${field} to an empty list: a pod needs at least one container; add one with a name and an image.`);
            }
            judgeItems(group, report, (container, index, report) => {
                const item = `${prefix}.${field}[${index}]`;
                if (!isRecord(container)) {
                    report(`${where} sets ${item} to ${describeType(container)}, not a container object: write it as a mapping with a name and an image.`);
                    return;
                }
                judgeEach([...CONTAINER_OBJECT_FIELDS, ...CONTAINER_LIST_FIELDS], report, (key, report) => {
                    const value = container[key];
                    if (value === undefined) {
                        return;
                    }
                    if (CONTAINER_OBJECT_FIELDS.includes(key) && !isRecord(value)) {
                        report(`${where} sets ${item}.${key} to ${describeType(value)}, not an object: write it as a mapping of fields.`);
                    } else if (CONTAINER_LIST_FIELDS.includes(key) && !Array.isArray(value)) {
                        report(`${where} sets ${item}.${key} to ${describeType(value)}, not a list: write ${key} as a list.`);
                    }
                });
            });
        });
    }
    parts.settle();
}
