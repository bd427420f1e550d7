// Which resource types the packages declare, as the language host reads them from each package's
// schema: what is a remote component, and what is no type at all.
import { knownResourceType, resourceTypes } from "../stand-ins";

/**
 * A type its package's schema marks `isComponent`: the language host registers it as a remote
 * component, which the engine has the package's provider construct. The Kubernetes provider's four
 * components; every type of the component packages except their few custom resources.
 */
const COMPONENT_TYPES = new Set(["kubernetes:yaml/v2:ConfigFile", "kubernetes:yaml/v2:ConfigGroup", "kubernetes:helm.sh/v4:Chart", "kubernetes:kustomize/v2:Directory"]);
const COMPONENT_PACKAGES = new Set(["awsx", "eks", "aws-apigateway"]);
const CUSTOM_TYPES_OF_COMPONENT_PACKAGES = new Set(["eks:index:VpcCni", "eks:index:VpcCniAddon"]);

export function isComponentType(type: string): boolean {
    return COMPONENT_TYPES.has(type) || (COMPONENT_PACKAGES.has(type.split(":")[0]) && !CUSTOM_TYPES_OF_COMPONENT_PACKAGES.has(type));
}

/**
 * Whether a package this interpreter knows the schema of declares the type, as the language host
 * checks every type against the package's schema before it runs anything; undefined for a package
 * whose schema is not known here.
 */
export function declaredType(token: string): boolean | undefined {
    const pkg = token.split(":")[0];
    if (!STAND_IN_PACKAGES.has(pkg)) {
        return undefined;
    }
    return token === `pulumi:providers:${pkg}` || isComponentType(token) || knownResourceType(token);
}

const STAND_IN_PACKAGES = new Set(["aws", "kubernetes"]);

/** The declared type closest to a misspelt one, within a few edits, for the error message. */
export function closestType(token: string): string | undefined {
    const [pkg, mod] = token.split(":");
    const module = (t: string) => t.split(":")[1]?.split("/")[0];
    let best: { type: string; distance: number } | undefined;
    for (const candidate of resourceTypes()) {
        if (!candidate.startsWith(`${pkg}:`) || module(candidate) !== mod.split("/")[0]) {
            continue;
        }
        const distance = editDistance(candidate.split(":")[2], token.split(":")[2] ?? "");
        if (distance <= 3 && (!best || distance < best.distance)) {
            best = { type: candidate, distance };
        }
    }
    return best?.type;
}

function editDistance(a: string, b: string): number {
    let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
    for (let i = 1; i <= a.length; i++) {
        const current = [i];
        for (let j = 1; j <= b.length; j++) {
            current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
        }
        previous = current;
    }
    return previous[b.length];
}
