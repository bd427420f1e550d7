// The containers of a pod spec, each with its effective securityContext, judged one by one.
import { describeWorkload } from "./objects";
import { podSpec } from "./pods";
import { judgeEach, known, knownOr } from "../unknowns";
import { Props, record, text } from "../values";

export type ContainerRole = "container" | "init container" | "ephemeral container";

/** The checks a liveness, readiness or startup probe can run; a probe has exactly one. */
export const PROBE_HANDLERS = ["httpGet", "tcpSocket", "exec", "grpc"] as const;
export type ProbeHandler = (typeof PROBE_HANDLERS)[number];

export interface ContainerView {
    role: ContainerRole;
    name: string;
    container: Props;
    /** The container's securityContext merged over the pod's, as Kubernetes resolves it. */
    securityContext: Props;
}

// Fields of a container's securityContext that fall back to the pod's securityContext.
const INHERITED_SECURITY_FIELDS = ["runAsNonRoot", "runAsUser", "runAsGroup", "seccompProfile", "seLinuxOptions", "appArmorProfile", "windowsOptions"];

// The merged securityContext reads each field only when a policy asks for it, so a value that is
// unknown during preview does not stop a policy that never reads it.
function effectiveSecurityContext(container: Props, podSpec: Props): Props {
    const own = record(container.securityContext) ?? {};
    const pod = () => record(podSpec.securityContext) ?? {};
    const effective: Props = {};
    for (const field of new Set([...Object.keys(own), ...INHERITED_SECURITY_FIELDS])) {
        const inherited = INHERITED_SECURITY_FIELDS.includes(field);
        Object.defineProperty(effective, field, {
            enumerable: true,
            get: () => (inherited && own[field] === undefined ? pod()[field] : own[field]),
        });
    }
    return effective;
}

const CONTAINER_GROUPS: ReadonlyArray<[ContainerRole, string]> = [
    ["init container", "initContainers"],
    ["container", "containers"],
    ["ephemeral container", "ephemeralContainers"],
];

/**
 * Each container of a pod spec (init and ephemeral ones included) with its effective securityContext.
 * A container (or a whole group of them) unknown during preview is still listed: reading any field
 * of its view throws that unknown value, so it decides only the part of a judgement that reads it.
 * A container name unknown during preview is replaced by its position, as it only names the container.
 */
export function containers(spec: Props): ContainerView[] {
    const views: ContainerView[] = [];
    for (const [role, field] of CONTAINER_GROUPS) {
        const group = known(() => spec[field]);
        if (!group) {
            views.push(unknownView(role, () => spec[field]));
            continue;
        }
        const items = Array.isArray(group.value) ? group.value : [];
        for (let index = 0; index < items.length; index++) {
            const item = known(() => items[index]);
            if (!item) {
                views.push(unknownView(role, () => items[index]));
                continue;
            }
            const container = record(item.value);
            if (!container) {
                continue;
            }
            let securityContext: Props | undefined;
            views.push({
                role, name: knownOr(() => text(container.name), undefined) ?? `#${index}`, container,
                get securityContext() {
                    return (securityContext ??= effectiveSecurityContext(container, spec));
                },
            });
        }
    }
    return views;
}

/** A container whose value is unknown during preview: every field reads it again, and throws. */
function unknownView(role: ContainerRole, read: () => unknown): ContainerView {
    const fail = (): never => {
        read();
        throw new Error("a value unknown during preview was read without the SDK's check");
    };
    return {
        role,
        get name() { return fail(); },
        get container() { return fail(); },
        get securityContext() { return fail(); },
    };
}

export function describeContainer(view: ContainerView): string {
    return `${view.role} '${view.name}'`;
}

/**
 * Judges each container of a workload with where it is ("container 'app' of Deployment 'web'"),
 * each on its own (policies/lib/unknowns.ts judgeEach): a container whose values are unknown during
 * preview hides no violation of another. Visits nothing when the resource sets no pod spec.
 */
export function eachContainer(
    resource: { type: string; name: string; props: Props },
    report: (message: string) => void,
    visit: (view: ContainerView, where: string, report: (message: string) => void) => void,
): void {
    const { type, name, props } = resource;
    const spec = podSpec(type, props);
    if (!spec) {
        return;
    }
    const workload = describeWorkload(type, name, props);
    judgeEach(containers(spec), report, (view, report) => visit(view, `${describeContainer(view)} of ${workload}`, report));
}
