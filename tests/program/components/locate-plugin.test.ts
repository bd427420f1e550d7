// Provider plugins are found where the engine finds them: an ambient plugin on the PATH first
// (unless PULUMI_IGNORE_AMBIENT_PLUGINS is set), then the plugin cache under PULUMI_HOME (the version
// the SDK asked for, else the newest), then the build of scripts/install-kubernetes-provider.sh.
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { locateProviderPlugin } from "../../../src/program/provider-plugins";

const scratch = fs.mkdtempSync(path.join(os.tmpdir(), "prodready-plugins-"));
afterAll(() => fs.rmSync(scratch, { recursive: true, force: true }));

function plugin(dir: string, pkg = "acme", executable = true): string {
    fs.mkdirSync(dir, { recursive: true });
    const file = path.join(dir, `pulumi-resource-${pkg}`);
    fs.writeFileSync(file, "#!/bin/sh\n", { mode: executable ? 0o755 : 0o644 });
    return file;
}

describe("finding a provider plugin", () => {
    const home = path.join(scratch, "home");
    const cache = path.join(scratch, "cache");
    const bin = path.join(scratch, "bin");
    const exact = plugin(path.join(home, "plugins", "resource-acme-v1.2.3"));
    const newest = plugin(path.join(home, "plugins", "resource-acme-v1.10.0"));
    plugin(path.join(home, "plugins", "resource-acme-v1.9.0"));
    const ambient = plugin(bin);
    const built = plugin(path.join(cache, "acme-provider", "v0.0.0-2026-1.2.3", "bin"));
    const env = { PULUMI_HOME: home, PRODREADY_CACHE: cache, PATH: bin };

    test("an ambient plugin on the PATH comes first, unless the engine is told to ignore it", () => {
        expect(locateProviderPlugin("acme", "1.2.3", env)).toBe(ambient);
        expect(locateProviderPlugin("acme", "1.2.3", { ...env, PULUMI_IGNORE_AMBIENT_PLUGINS: "true" })).toBe(exact);
    });

    test("the plugin cache gives the version asked for, else the newest by version order", () => {
        const noPath = { ...env, PATH: "" };
        expect(locateProviderPlugin("acme", "1.2.3", noPath)).toBe(exact);
        expect(locateProviderPlugin("acme", "2.0.0", noPath)).toBe(newest);
        expect(locateProviderPlugin("acme", undefined, noPath)).toBe(newest);
    });

    test("prodready's own build is the last place, and a file that cannot run is no plugin", () => {
        expect(locateProviderPlugin("acme", "1.2.3", { PRODREADY_CACHE: cache, PULUMI_HOME: path.join(scratch, "none"), PATH: "" })).toBe(built);
        plugin(path.join(scratch, "bin2"), "other", false);
        expect(locateProviderPlugin("other", undefined, { PATH: path.join(scratch, "bin2"), PULUMI_HOME: home, PRODREADY_CACHE: cache })).toBeUndefined();
    });
});
