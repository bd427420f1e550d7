// Scalar resolution as kubectl does it: sigs.k8s.io/yaml reads YAML with go-yaml v2, whose YAML 1.1
// rules differ from both YAML 1.2 and the `yaml` package's 1.1 schema (y/n are booleans, 0755 is
// octal but 08 is the float 8, underscores are dropped from numbers, 1:20 stays a string, and a
// timestamp decoded into an untyped value stays the text it was written as).

export const TAG_PREFIX = "tag:yaml.org,2002:";
export const STR_TAG = `${TAG_PREFIX}str`;
export const BINARY_TAG = `${TAG_PREFIX}binary`;
export const MERGE_TAG = `${TAG_PREFIX}merge`;
const BOOL_TAG = `${TAG_PREFIX}bool`;
const INT_TAG = `${TAG_PREFIX}int`;
const FLOAT_TAG = `${TAG_PREFIX}float`;
const NULL_TAG = `${TAG_PREFIX}null`;
const TIMESTAMP_TAG = `${TAG_PREFIX}timestamp`;

/** A resolved scalar: what go-yaml v2 produces for an untyped (interface{}) target. */
export type Resolved =
    | { tag: "str"; value: string }
    | { tag: "bool"; value: boolean }
    | { tag: "null"; value: null }
    | { tag: "int"; value: bigint }
    | { tag: "float"; value: number };

/** A scalar kubectl refuses; the message says why. */
export class ScalarError extends Error {}

const WORDS = new Map<string, Resolved>();
for (const [words, resolved] of [
    ["y Y yes Yes YES true True TRUE on On ON", { tag: "bool", value: true }],
    ["n N no No NO false False FALSE off Off OFF", { tag: "bool", value: false }],
    ["~ null Null NULL", { tag: "null", value: null }],
    [".nan .NaN .NAN", { tag: "float", value: NaN }],
    [".inf .Inf .INF +.inf +.Inf +.INF", { tag: "float", value: Infinity }],
    ["-.inf -.Inf -.INF", { tag: "float", value: -Infinity }],
] as const) {
    for (const word of words.split(" ")) {
        WORDS.set(word, resolved as Resolved);
    }
}
WORDS.set("", { tag: "null", value: null });

const INT64_MIN = -(2n ** 63n);
const UINT64_MAX = 2n ** 64n - 1n;
const YAML_STYLE_FLOAT = /^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$/;
// Go's strconv.ParseFloat syntax for decimal input, which is what a value starting with "." reaches.
const GO_DECIMAL_FLOAT = /^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$/;
const DIGITS: Record<number, RegExp> = { 2: /^[01]+$/, 8: /^[0-7]+$/, 10: /^[0-9]+$/, 16: /^[0-9a-fA-F]+$/ };

/** Go's strconv.ParseInt/ParseUint with base 0, over the 64-bit range (int64 or uint64). */
function parseGoInteger(text: string): bigint | undefined {
    let rest = text;
    let negative = false;
    if (rest.startsWith("+") || rest.startsWith("-")) {
        negative = rest.startsWith("-");
        rest = rest.slice(1);
    }
    let base = 10;
    const prefix = rest.slice(0, 2).toLowerCase();
    if (prefix === "0x" || prefix === "0o" || prefix === "0b") {
        base = { "0x": 16, "0o": 8, "0b": 2 }[prefix];
        rest = rest.slice(2);
    } else if (rest.length > 1 && rest.startsWith("0")) {
        base = 8;
        rest = rest.slice(1);
    }
    if (!DIGITS[base].test(rest)) {
        return undefined;
    }
    let magnitude = 0n;
    const big = BigInt(base);
    for (const digit of rest) {
        magnitude = magnitude * big + BigInt(parseInt(digit, 16));
    }
    const value = negative ? -magnitude : magnitude;
    return value >= INT64_MIN && value <= UINT64_MAX ? value : undefined;
}

/** Whether a plain scalar has one of the date forms go-yaml v2 tries (they decode to their own text). */
function looksLikeTimestamp(text: string): boolean {
    const match = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:([Tt ])(\d{1,2}):(\d{1,2}):(\d{1,2})(?:\.\d+)?(Z|[+-]\d{2}:\d{2})?)?$/.exec(text);
    if (!match) {
        return false;
    }
    const [, year, month, day, separator, hour, minute, second, zone] = match;
    const daysInMonth = new Date(Date.UTC(Number(year), Number(month), 0)).getUTCDate();
    if (Number(month) < 1 || Number(month) > 12 || Number(day) < 1 || Number(day) > daysInMonth) {
        return false;
    }
    if (separator === undefined) {
        return true;
    }
    // A space-separated time carries no zone; a T-separated one must.
    if ((separator === " ") !== (zone === undefined)) {
        return false;
    }
    return Number(hour) < 24 && Number(minute) < 60 && Number(second) < 60;
}

/** Resolves a plain, untagged scalar (or one with a standard tag) the way go-yaml v2 does. */
export function resolveScalar(text: string, tag: string): Resolved {
    const implicit = resolveImplicit(text, tag);
    if (tag === "" || tag === STR_TAG || tag === BINARY_TAG || `${TAG_PREFIX}${implicit.tag}` === tag) {
        return implicit;
    }
    if (tag === FLOAT_TAG && implicit.tag === "int") {
        return { tag: "float", value: Number(implicit.value) };
    }
    if (tag === TIMESTAMP_TAG && implicit.tag === "str" && looksLikeTimestamp(text)) {
        return implicit;
    }
    throw new ScalarError(`cannot decode !!${implicit.tag} \`${text}\` as a !!${tag.slice(TAG_PREFIX.length)}`);
}

function resolveImplicit(text: string, tag: string): Resolved {
    const str: Resolved = { tag: "str", value: text };
    if (tag === STR_TAG || tag === BINARY_TAG) {
        return str;
    }
    const word = WORDS.get(text);
    if (word) {
        return word;
    }
    const first = text[0];
    if (first === ".") {
        return GO_DECIMAL_FLOAT.test(text) ? { tag: "float", value: Number(text) } : str;
    }
    if (!/[-+0-9]/.test(first)) {
        return str;
    }
    if ((tag === "" || tag === TIMESTAMP_TAG) && looksLikeTimestamp(text)) {
        return str;
    }
    const plain = text.replace(/_/g, "");
    const integer = parseGoInteger(plain);
    if (integer !== undefined) {
        return { tag: "int", value: integer };
    }
    if (YAML_STYLE_FLOAT.test(plain)) {
        return { tag: "float", value: Number(plain) };
    }
    return str;
}

/** Whether a standard tag is one go-yaml v2 resolves (others leave the scalar's text as it is). */
export function isResolvableTag(tag: string): boolean {
    return [STR_TAG, BOOL_TAG, INT_TAG, FLOAT_TAG, NULL_TAG, TIMESTAMP_TAG].includes(tag);
}

/** The JSON value of a resolved scalar; kubectl's YAML-to-JSON step cannot write NaN or infinities. */
export function jsonValue(resolved: Resolved): string | boolean | number | null {
    if (resolved.tag === "int") {
        return Number(resolved.value);
    }
    if (resolved.tag === "float" && !Number.isFinite(resolved.value)) {
        throw new ScalarError(`json: unsupported value: ${resolved.value}`);
    }
    return resolved.value;
}

/** Go's strconv.FormatFloat(f, 'g', -1, 32): how sigs.k8s.io/yaml names a float map key. */
function formatFloat32(value: number): string {
    if (Number.isNaN(value)) {
        return ".nan";
    }
    if (!Number.isFinite(value)) {
        return value > 0 ? ".inf" : "-.inf";
    }
    const single = Math.fround(value);
    if (single === 0) {
        return Object.is(single, -0) ? "-0" : "0";
    }
    let digits = "";
    for (let precision = 1; precision <= 9; precision++) {
        digits = single.toExponential(precision - 1);
        if (Math.fround(Number(digits)) === single) {
            break;
        }
    }
    const [mantissa, exponentText] = digits.split("e");
    const exponent = Number(exponentText);
    if (exponent < -4 || exponent >= 21 || exponent >= 6) {
        return `${mantissa}e${exponent < 0 ? "-" : "+"}${String(Math.abs(exponent)).padStart(2, "0")}`;
    }
    return String(Number(digits));
}

/** The JSON object key sigs.k8s.io/yaml writes for a scalar map key. */
export function jsonKey(resolved: Resolved): string {
    switch (resolved.tag) {
        case "str":
            return resolved.value;
        case "bool":
            return String(resolved.value);
        case "int":
            if (resolved.value > 2n ** 63n - 1n) {
                throw new ScalarError(`unsupported map key of type: uint64, key: ${resolved.value}`);
            }
            return resolved.value.toString();
        case "float":
            return formatFloat32(resolved.value);
        case "null":
            throw new ScalarError("unsupported map key: null");
    }
}
