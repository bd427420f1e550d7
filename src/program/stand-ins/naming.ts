import { createHash } from "crypto";

/** Where a stand-in is made up: the region and account a real deployment would report. */
export interface StandInContext {
    region: string;
    accountId: string;
}

/** JSON with sorted keys, so equal arguments give equal seeds whatever order the program wrote them in. */
export function stableJson(value: unknown): string {
    if (Array.isArray(value)) {
        return `[${value.map(stableJson).join(",")}]`;
    }
    if (value !== null && typeof value === "object") {
        const record = value as Record<string, unknown>;
        const keys = Object.keys(record).filter((k) => record[k] !== undefined).sort();
        return `{${keys.map((k) => `${JSON.stringify(k)}:${stableJson(record[k])}`).join(",")}}`;
    }
    return JSON.stringify(value) ?? "null";
}

/** `length` hex digits drawn from the seed: the same seed always gives the same digits. */
export function hex(seed: string, length: number): string {
    let digits = "";
    for (let round = 0; digits.length < length; round++) {
        digits += createHash("sha256").update(`${round}\0${seed}`).digest("hex");
    }
    return digits.slice(0, length);
}

/** The engine's autoname: the logical name, a dash and 7 hex digits. */
export function autoname(name: string, seed: string): string {
    return `${name}-${hex(seed, 7)}`;
}

/** `subnetIds` → `["subnet", "ids"]`. */
export function words(camel: string): string[] {
    return camel
        .replace(/([a-z0-9])([A-Z])/g, "$1 $2")
        .replace(/([A-Z]+)([A-Z][a-z])/g, "$1 $2")
        .toLowerCase()
        .split(/[\s_-]+/)
        .filter(Boolean);
}

/** `subnetIds` → `subnetId`; `availabilityZones` → `availabilityZone`; `dhcpOptions` stays. */
export function singular(camel: string): string {
    if (/(Options|Status|Address|ss)$/.test(camel)) {
        return camel.replace(/Addresses$/, "Address");
    }
    if (/ies$/.test(camel)) {
        return camel.replace(/ies$/, "y");
    }
    return camel.replace(/s$/, "");
}

export function kebab(camel: string): string {
    return words(camel).join("-");
}

/** `LogGroup` → `logGroup`. */
export function lowerFirst(name: string): string {
    return name.charAt(0).toLowerCase() + name.slice(1);
}
