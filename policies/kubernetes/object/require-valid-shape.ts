import { resourcePolicy } from "../../lib/define";
import {
    describeWorkload, groupVersionOf, isCustomResourceType, isObjectType, isPatch, parseType, podSpecPath, POD_WORKLOAD_TYPES,
    selectorMatches, unservedKind,
} from "../../lib/kubernetes";
import { judgeEach, judgeItems, knownItems, knownOr, Parts } from "../../lib/unknowns";
import { at, describeType, given, integer, isRecord, Props, record, showSetting, text } from "../../lib/values";

// Lists of a pod spec the pack reads, and whether the API server requires them (a pod has at least one container).
const CONTAINER_LISTS = [["containers", true], ["initContainers", false], ["ephemeralContainers", false]] as const;
// Fields of a container the pack reads: lists, and objects.
const CONTAINER_LIST_FIELDS = ["ports", "env", "envFrom", "volumeMounts"];
const CONTAINER_OBJECT_FIELDS = ["securityContext", "resources"];
// Kinds whose spec.selector must select the labels of their own pod template.
const SELECTING_KINDS = new Set(["Deployment", "StatefulSet", "DaemonSet", "ReplicaSet"]);
// The restart policies a Job's pods may have: a Job's pod that always restarts never completes.
const JOB_RESTART_POLICIES = ["OnFailure", "Never"];
const WHEN_UNSATISFIABLE = ["DoNotSchedule", "ScheduleAnyway"];

/**
 * Why a container port name is not an IANA_SVC_NAME, as the API server checks it, or undefined: at
 * most 15 characters, lowercase letters, digits and '-', at least one letter, no '-' at either end
 * or twice in a row.
 */
function portNameProblem(name: string): string | undefined {
    if (name.length > 15) {
        return `is ${name.length} characters long (at most 15)`;
    }
    if (!/^[a-z0-9-]+$/.test(name)) {
        return "holds characters other than lowercase letters, digits and '-'";
    }
    if (!/[a-z]/.test(name)) {
        return "has no letter";
    }
    if (name.startsWith("-") || name.endsWith("-") || name.includes("--")) {
        return "starts or ends with '-', or holds '--'";
    }
    return undefined;
}

export default resourcePolicy({
    name: "kubernetes-object-require-valid-shape",
    description: "Every Kubernetes object has the structure the API server accepts where the pack reads it: a kind its apiVersion serves, an object spec; for workloads a pod template with a list of containers and object securityContexts, a selector that selects the template's labels, a Job restartPolicy of OnFailure or Never, valid and unique container port names, and complete topologySpreadConstraints; for a networking.k8s.io/v1 Ingress, its own backend field names. An invalid object cannot go live, and its pod template could not be judged.",
    priority: "P0",
    severity: "high",
    checklist: ["003.security.container-security", "001.deployment.resource-limits"],
    remediationSteps: "Fix the object the way the message says: the apiVersion that serves the kind (apps/v1 for a Deployment), spec and securityContext as objects, containers as a list of container objects, spec.selector.matchLabels equal to the template's labels, restartPolicy Never or OnFailure for Jobs, port names of at most 15 lowercase characters, backend.service.name and port in a networking.k8s.io/v1 Ingress.",
    tags: ["deployment"],
    resourceTypes: [...POD_WORKLOAD_TYPES, "kubernetes:networking.k8s.io/v1:Ingress", "kubernetes:networking.k8s.io/v1:IngressPatch"],
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
        if (parseType(type).kind === "Ingress" && groupVersionOf(type)?.groupVersion === "networking.k8s.io/v1") {
            judgeIngress(props, where, report);
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
        // The workload's own fields and its pod spec apart: a value unknown during preview in one hides no malformed other.
        const parts = new Parts(report);
        if (!custom) {
            parts.judge(() => judgeWorkload(type, props, path, where, patch, parts.report));
        }
        parts.judge(() => judgePodSpec(at(props, ...path) as Props, path.join("."), where, patch, parts.report));
        parts.settle();
    },
});

/**
 * An Ingress of networking.k8s.io/v1 written with the field names of extensions/v1beta1 and
 * networking.k8s.io/v1beta1 (spec.backend, serviceName, servicePort): the API server drops or
 * rejects them, so the rule routes nowhere.
 */
function judgeIngress(props: Props, where: string, sink: (message: string) => void): void {
    const parts = new Parts(sink);
    const fix = "write backend: { service: { name: <service>, port: { number: <port> } } } (or port: { name: <port name> })";
    parts.judge(() => {
        if (given(at(props, "spec", "backend")) !== undefined) {
            parts.report(`${where} sets spec.backend, a field of the retired extensions/v1beta1 Ingress that networking.k8s.io/v1 does not have: rename it spec.defaultBackend and ${fix}.`);
        }
    });
    const oldNames = (backend: unknown, field: string, report: (message: string) => void) => {
        const found = ["serviceName", "servicePort"].filter((key) => given(record(backend)?.[key]) !== undefined);
        if (found.length > 0) {
            report(`${where} sets ${found.map((key) => `${field}.${key}`).join(" and ")}, field names of the retired extensions/v1beta1 Ingress that networking.k8s.io/v1 rejects: ${fix}.`);
        }
    };
    parts.judge(() => oldNames(at(props, "spec", "defaultBackend"), "spec.defaultBackend", parts.report));
    parts.judge(() => judgeItems(at(props, "spec", "rules"), parts.report, (rule, i, report) => {
        judgeItems(at(rule, "http", "paths"), report, (path, j, report) => oldNames(at(path, "backend"), `spec.rules[${i}].http.paths[${j}].backend`, report));
    }));
    parts.settle();
}

/** What the API server checks on a workload besides its pod spec: a Job's restart policy, a selector that selects its own pods. */
function judgeWorkload(type: string, props: Props, path: readonly string[], where: string, patch: boolean, sink: (message: string) => void): void {
    const parts = new Parts(sink);
    const { kind } = parseType(type);
    if (kind === "Job" || kind === "CronJob") {
        parts.judge(() => {
            const field = [...path, "restartPolicy"].join(".");
            const policy = given(at(props, ...path, "restartPolicy"));
            if (policy === undefined) {
                if (!patch) {
                    parts.report(`${where} sets no ${field}, so it defaults to Always, which the API server rejects for a Job's pods: set restartPolicy: "Never" or "OnFailure".`);
                }
            } else if (!JOB_RESTART_POLICIES.includes(text(policy) ?? "")) {
                parts.report(`${where} sets ${field} to ${showSetting(policy)}, which the API server rejects for a Job's pods (a pod that always restarts never completes): set restartPolicy: "Never" or "OnFailure".`);
            }
        });
    }
    if (SELECTING_KINDS.has(kind) && !patch) {
        parts.judge(() => {
            const selector = given(at(props, "spec", "selector"));
            const labels = record(at(props, "spec", "template", "metadata", "labels")) ?? {};
            if (selector === undefined) {
                if (type.includes(":apps/v1:")) {
                    parts.report(`${where} sets no spec.selector, which apps/v1 requires: set spec.selector.matchLabels to the pod template's labels.`);
                }
                return;
            }
            const known = record(selector);
            if (!known) {
                parts.report(`${where} sets spec.selector to ${describeType(selector)}, not a label selector: set spec.selector.matchLabels to the pod template's labels.`);
            } else if (Object.keys(known).length === 0) {
                parts.report(`${where} sets an empty spec.selector, which the API server rejects for a ${kind} (it would select every pod of the namespace): set spec.selector.matchLabels to the pod template's labels.`);
            } else if (!selectorMatches(known, labels)) {
                const shown = Object.entries(labels).map(([key, value]) => `${key}: ${String(value)}`).join(", ");
                parts.report(`${where} sets a spec.selector that does not select its own pod template's labels${shown ? ` (${shown})` : " (it sets none)"}, which the API server rejects: make spec.selector.matchLabels a subset of spec.template.metadata.labels.`);
            }
        });
    }
    parts.settle();
}

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
    parts.judge(() => judgeItems(pod.topologySpreadConstraints, report, (constraint, index, report) => {
        const item = `${prefix}.topologySpreadConstraints[${index}]`;
        const entry = record(constraint);
        if (!entry) {
            report(`${where} sets ${item} to ${describeType(constraint)}, not an object: write it as a mapping with maxSkew, topologyKey, whenUnsatisfiable and labelSelector.`);
            return;
        }
        judgeEach(["maxSkew", "topologyKey", "whenUnsatisfiable"], report, (field, report) => {
            const value = given(entry[field]);
            if (value === undefined) {
                if (!patch) {
                    report(`${where} sets no ${item}.${field}, which the API server requires: ${field === "maxSkew" ? "set maxSkew: 1" : field === "topologyKey" ? "set topologyKey: topology.kubernetes.io/zone or kubernetes.io/hostname" : "set whenUnsatisfiable: ScheduleAnyway or DoNotSchedule"}.`);
                }
            } else if (field === "maxSkew" && !((integer(value) ?? 0) >= 1)) {
                report(`${where} sets ${item}.maxSkew to ${showSetting(value)}, which the API server rejects (it must be 1 or more): set maxSkew: 1.`);
            } else if (field === "whenUnsatisfiable" && !WHEN_UNSATISFIABLE.includes(text(value) ?? "")) {
                report(`${where} sets ${item}.whenUnsatisfiable to ${showSetting(value)}, which the API server rejects: set it to DoNotSchedule or ScheduleAnyway.`);
            } else if (field === "topologyKey" && text(value) === undefined) {
                report(`${where} sets ${item}.topologyKey to ${describeType(value)}, not a node label key: set topologyKey: topology.kubernetes.io/zone or kubernetes.io/hostname.`);
            }
        });
    }));
    parts.judge(() => {
        // Port names must be unique within the pod: a Service or a probe naming the port cannot tell two apart.
        const owners = new Map<string, string[]>();
        const containers = knownItems(pod.containers);
        containers.items.forEach((container, index) => {
            const ports = knownItems(record(container)?.ports);
            const names = new Set(ports.items.map((port) => knownOr(() => text(record(port)?.name), undefined)).filter((name): name is string => name !== undefined && name !== ""));
            for (const name of names) {
                owners.set(name, [...(owners.get(name) ?? []), `'${knownOr(() => text(record(container)?.name), undefined) ?? `#${index}`}'`]);
            }
        });
        for (const [name, holders] of owners) {
            if (holders.length > 1) {
                report(`${where} names port '${name}' in several containers (${holders.join(", ")}) of one pod, where port names must be unique, so a Service targetPort or a probe naming it is ambiguous: give each container's port its own name.`);
            }
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
                judgeItems(Array.isArray(container.ports) ? container.ports : [], report, (port, p, report) => {
                    const name = given(record(port)?.name);
                    if (name === undefined) {
                        return;
                    }
                    const field = `${item}.ports[${p}].name`;
                    const problem = typeof name === "string" ? portNameProblem(name) : `is ${describeType(name)}`;
                    if (problem) {
                        report(`${where} sets ${field} to ${showSetting(name)}, which ${problem}: the API server accepts only an IANA service name (at most 15 lowercase letters, digits and '-', with a letter), such as "http" or "metrics".`);
                    } else if (knownItems(container.ports).items.slice(0, p).some((earlier) => text(record(earlier)?.name) === name)) {
                        report(`${where} sets ${field} to ${showSetting(name)}, a name an earlier port of the container already has, which the API server rejects: give each port its own name.`);
                    }
                });
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
