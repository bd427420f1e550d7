// An object's identity as messages and joins read it: kind and name, namespace, labels.
import { parseType } from "./types";
import { at, isRecord, Props, text } from "../values";
import { knownOr } from "../unknowns";

/** A resource as stack policies see it; structural, so this module does not load @pulumi/policy. */
export interface KubernetesObject {
    type: string;
    name: string;
    urn: string;
    props: Props;
}

/**
 * "Deployment 'web'" from the resource's kind and metadata name, else its Pulumi name, which also
 * stands in for a metadata name unknown during preview: a message never depends on an unknown value.
 */
export function describeWorkload(type: string, name: string, props: Props): string {
    const metadataName = knownOr(() => text(at(props, "metadata", "name")), undefined);
    return `${parseType(type).kind} '${metadataName ?? name}'`;
}

export function namespaceOf(props: Props): string | undefined {
    return text(at(props, "metadata", "namespace"));
}

export function labelsOf(props: Props): Props {
    const labels = at(props, "metadata", "labels");
    return isRecord(labels) ? labels : {};
}

/** The namespace a namespaced object lands in: Kubernetes puts it in "default" when omitted. */
export function namespaceOrDefault(props: Props): string {
    return namespaceOf(props) ?? "default";
}
