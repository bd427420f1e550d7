// The pack's serving code changes a few internals of @pulumi/policy: properties deserialized once
// per request (shared-properties.ts), Analyze answered per resource type (type-dispatch.ts) with
// its not-applicable entries kept encoded (encoded-answers.ts), the stack's resources built once
// per AnalyzeStack (shared-stack.ts), Analyze set up once per resource instead of once per policy
// (analyze-handler.ts), and the pack's handlers kept in the CLI's process for
// rendered manifests (in-process.ts). Each applies only to the release written against, checked
// here, and otherwise keeps the SDK's path.
import * as fs from "fs";
import * as path from "path";

/** The @pulumi/policy release whose server internals the serving code relies on. Tested with it only. */
export const PINNED_SDK_VERSION = "1.21.0";

/** The directory of the @pulumi/policy that `from` (default: this module) resolves. */
export function sdkDirectory(from?: string): string {
    return path.dirname(require.resolve("@pulumi/policy/package.json", from ? { paths: [from] } : undefined));
}

/** The version an installed @pulumi/policy declares, without the "v" its package.json carries. */
export function sdkVersion(dir: string): string {
    const pkg = JSON.parse(fs.readFileSync(path.join(dir, "package.json"), "utf8")) as { version?: string };
    return String(pkg.version ?? "").replace(/^v/, "");
}

/**
 * The installed @pulumi/policy's directory when it is the pinned release; otherwise why not.
 * `purpose` completes "not the <release> this pack …".
 */
export function pinnedRelease(purpose: string, sdkDir?: string): { dir: string } | { reason: string } {
    let dir: string;
    let version: string;
    try {
        dir = sdkDir ?? sdkDirectory();
        version = sdkVersion(dir);
    } catch (err) {
        return { reason: `cannot read @pulumi/policy's version: ${err instanceof Error ? err.message : String(err)}` };
    }
    if (version !== PINNED_SDK_VERSION) {
        return { reason: `@pulumi/policy is ${version}, not the ${PINNED_SDK_VERSION} this pack ${purpose}` };
    }
    return { dir };
}

/** The pinned release's directory when a change to it may apply: also not switched off (`switchName`=0). */
export function pinnedSdk(env: NodeJS.ProcessEnv, switchName: string, purpose: string, sdkDir?: string): { dir: string } | { reason: string } {
    return env[switchName] === "0" ? { reason: `${switchName}=0` } : pinnedRelease(purpose, sdkDir);
}
