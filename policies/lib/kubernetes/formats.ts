// Value formats of Kubernetes fields: image references, IntOrString percentages.

/** The tag and digest of an image reference (`registry:5000/repo/name:tag@sha256:...`); a registry port is not a tag. */
export function parseImage(image: string): { tag?: string; digest?: string } {
    const [withoutDigest, digest] = image.split("@", 2);
    const lastSegment = withoutDigest.slice(withoutDigest.lastIndexOf("/") + 1);
    const colon = lastSegment.lastIndexOf(":");
    return { tag: colon >= 0 ? lastSegment.slice(colon + 1) : undefined, digest };
}

/** An IntOrString percentage ("25%") as a number; undefined when the value is not a percentage. */
export function percentage(value: unknown): number | undefined {
    const match = typeof value === "string" ? /^\s*(\d+)%\s*$/.exec(value) : null;
    return match ? Number(match[1]) : undefined;
}
