// The Pulumi CLIs the engine tests run on.
//
// PRODREADY_ENGINE_CLIS lists bin directories (each holding a `pulumi` and its language host, as
// scripts/install-pulumi-cli.sh builds them), separated like PATH. The first runs every engine test
// (tests/engine/real-cli*.test.ts); each other one the cross-version set
// (tests/engine/newest-cli.test.ts). Unset, the `pulumi` on the PATH is the only CLI.
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as path from "path";

export interface EngineCli {
    /** The `pulumi` executable. */
    bin: string;
    /** What `pulumi version` prints, without the "v": 3.248.0. */
    version: string;
}

function executable(file: string): boolean {
    try {
        fs.accessSync(file, fs.constants.X_OK);
        return fs.statSync(file).isFile();
    } catch {
        return false;
    }
}

function onPath(command: string): string | undefined {
    return (process.env.PATH ?? "").split(path.delimiter).filter((d) => d).map((d) => path.join(d, command)).find(executable);
}

function versionOf(bin: string): string {
    const r = spawnSync(bin, ["version"], { encoding: "utf8", timeout: 60_000, env: { ...process.env, PULUMI_SKIP_UPDATE_CHECK: "true" } });
    const version = (r.stdout ?? "").trim().replace(/^v/, "");
    if (r.status !== 0 || !/^\d+\.\d+\.\d+/.test(version)) {
        throw new Error(`${bin} version: exit ${r.status}: ${(r.stderr ?? "").trim().split("\n")[0] ?? ""}`);
    }
    return version;
}

/** The CLIs to run on, in the order PRODREADY_ENGINE_CLIS lists them; an entry without a `pulumi` is an error, not a skip. */
export function engineClis(): EngineCli[] {
    const listed = (process.env.PRODREADY_ENGINE_CLIS ?? "").split(path.delimiter).map((d) => d.trim()).filter((d) => d);
    if (listed.length === 0) {
        const bin = onPath("pulumi");
        return bin ? [{ bin, version: versionOf(bin) }] : [];
    }
    return listed.map((dir) => {
        const bin = path.join(dir, "pulumi");
        if (!executable(bin)) {
            throw new Error(`PRODREADY_ENGINE_CLIS names ${dir}, which has no pulumi executable`);
        }
        return { bin, version: versionOf(bin) };
    });
}

/** Compares two versions "3.248.0" and "3.277.0" numerically. */
export function compareVersions(a: string, b: string): number {
    const parts = (v: string) => v.split(/[.-]/).slice(0, 3).map(Number);
    const [x, y] = [parts(a), parts(b)];
    return x[0] - y[0] || x[1] - y[1] || x[2] - y[2];
}
