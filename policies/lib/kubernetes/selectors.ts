// Label selectors, and the indexes that let a stack policy find what a selector selects.
import { KubernetesObject, namespaceOrDefault } from "./objects";
import { isPodTemplateType, podSpecPath, templateLabels } from "./pods";
import { isPatch } from "./types";
import { known } from "../unknowns";
import { Props, record, records, text } from "../values";

/**
 * Whether a LabelSelector (matchLabels and matchExpressions) selects the given labels, as the API
 * server evaluates it. An empty selector selects everything; a missing one is the caller's call.
 */
export function selectorMatches(selector: Props, labels: Props): boolean {
    const matchLabels = record(selector.matchLabels) ?? {};
    for (const [key, value] of Object.entries(matchLabels)) {
        if (labels[key] !== value) {
            return false;
        }
    }
    for (const expression of records(selector.matchExpressions)) {
        const key = text(expression.key) ?? "";
        const values = Array.isArray(expression.values) ? expression.values : [];
        const present = Object.prototype.hasOwnProperty.call(labels, key);
        switch (expression.operator) {
            case "In":
                if (!present || !values.includes(labels[key])) return false;
                break;
            case "NotIn":
                if (present && values.includes(labels[key])) return false;
                break;
            case "Exists":
                if (!present) return false;
                break;
            case "DoesNotExist":
                if (present) return false;
                break;
            default:
                return false; // an unknown operator is rejected by the API server; it selects nothing
        }
    }
    return true;
}

// ---- Stack policies: values unknown during preview decide only the verdicts they can change ----

/**
 * Objects with a label selector (NetworkPolicies, budgets), found by one label their matchLabels
 * require, so a pod's candidates are the few that could select it, not every object of its
 * namespace. Objects whose selector has no matchLabels, or is unknown during preview, are
 * candidates for every pod.
 */
export class SelectorIndex<T> {
    private readonly byLabel = new Map<string, T[]>();
    private readonly everyPod: T[] = [];

    add(item: T, readSelector: () => unknown): void {
        const selector = known(readSelector);
        const matchLabels = selector ? record(record(selector.value)?.matchLabels) : undefined;
        const first = matchLabels ? Object.entries(matchLabels)[0] : undefined;
        if (first) {
            addTo(this.byLabel, JSON.stringify(first), item);
        } else {
            this.everyPod.push(item);
        }
    }

    candidates(labels: Props): T[] {
        const found = [...this.everyPod];
        for (const entry of Object.entries(labels)) {
            found.push(...(this.byLabel.get(JSON.stringify(entry)) ?? []));
        }
        return found;
    }
}

/** Adds `value` to the list kept under `key`. */
export function addTo<K, V>(index: Map<K, V[]>, key: K, value: V): void {
    const values = index.get(key);
    if (values) {
        values.push(value);
    } else {
        index.set(key, [value]);
    }
}

/**
 * Pod templates of a stack by namespace, found by one of their labels, so a selector (a Service's,
 * a NetworkPolicy's, a budget's) finds the templates it selects without scanning every workload.
 * Templates whose namespace or labels are unknown during preview are candidates everywhere; reading
 * them in `selected` throws the unknown value again, which then decides only that verdict.
 */
export class PodTemplateIndex<T extends KubernetesObject> {
    private readonly byLabel = new Map<string, T[]>();
    private readonly byNamespace = new Map<string, T[]>();
    private readonly anywhere: T[] = [];

    constructor(resources: Iterable<T>) {
        for (const resource of resources) {
            if (isPatch(resource.type) || !isPodTemplateType(resource.type, resource.props) || !podSpecPath(resource.type, resource.props)) {
                continue;
            }
            const placed = known(() => ({ namespace: namespaceOrDefault(resource.props), labels: Object.entries(templateLabels(resource.type, resource.props)) }));
            if (!placed) {
                this.anywhere.push(resource);
                continue;
            }
            addTo(this.byNamespace, placed.value.namespace, resource);
            for (const entry of placed.value.labels) {
                addTo(this.byLabel, JSON.stringify([placed.value.namespace, ...entry]), resource);
            }
        }
    }

    /** Namespaces where the stack declares a pod template (known during preview), with their templates. */
    namespaces(): IterableIterator<[string, T[]]> {
        return this.byNamespace.entries();
    }

    /** True when some template's namespace or labels are unknown during preview. */
    hasUnplaced(): boolean {
        return this.anywhere.length > 0;
    }

    /** The templates in `namespace` whose labels a selector map (`{app: web}`, a Service's selector) all carry. */
    selectedBy(namespace: string, matchLabels: Props): T[] {
        return this.selected(namespace, { matchLabels });
    }

    /** The templates in `namespace` that a LabelSelector selects (an empty selector selects all of them). */
    selected(namespace: string, selector: Props): T[] {
        const first = Object.entries(record(selector.matchLabels) ?? {})[0];
        const candidates = first
            ? this.byLabel.get(JSON.stringify([namespace, ...first])) ?? []
            : this.byNamespace.get(namespace) ?? [];
        const found = candidates.filter((resource) => selectorMatches(selector, templateLabels(resource.type, resource.props)));
        for (const resource of this.anywhere) {
            if (namespaceOrDefault(resource.props) === namespace && selectorMatches(selector, templateLabels(resource.type, resource.props))) {
                found.push(resource);
            }
        }
        return found;
    }
}
