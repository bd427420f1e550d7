import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { PolicyConfigInfo, resolvePolicyConfig } from "../../src/pack/config";
import { packConfigOf, readPackConfig } from "../../src/pack/config-file";

const policies: PolicyConfigInfo[] = [
    { name: "aws-rds-require-backup-retention", enforcementLevel: "mandatory", configSchema: { properties: { minimumDays: { type: "integer", minimum: 1, default: 30 } } } },
    { name: "kubernetes-availability-restrict-single-replica", enforcementLevel: "advisory" },
];

describe("policy-pack config resolution", () => {
    it("fills every policy's schema defaults and keeps default levels", () => {
        const resolved = resolvePolicyConfig(policies, undefined);
        expect(resolved.get("aws-rds-require-backup-retention")).toEqual({ enforcementLevel: "mandatory", properties: { minimumDays: 30 } });
        expect(resolved.get("kubernetes-availability-restrict-single-replica")).toEqual({ enforcementLevel: "advisory", properties: {} });
    });

    it("lets a policy's own entry win over all", () => {
        const resolved = resolvePolicyConfig(policies, { all: "disabled", "aws-rds-require-backup-retention": { enforcementLevel: "advisory", minimumDays: 35 } });
        expect(resolved.get("aws-rds-require-backup-retention")).toEqual({ enforcementLevel: "advisory", properties: { minimumDays: 35 } });
        expect(resolved.get("kubernetes-availability-restrict-single-replica")?.enforcementLevel).toBe("disabled");
    });

    it.each([
        [{ "no-such-policy": "advisory" }, /unknown policy "no-such-policy"/],
        [{ "aws-rds-require-backup-retention": { minimumDays: 0 } }, /minimumDays must be >= 1/],
        [{ "aws-rds-require-backup-retention": { minimumDay: 10 } }, /has no setting "minimumDay" \(settings: minimumDays\)/],
        [{ "kubernetes-availability-restrict-single-replica": { threshold: 1 } }, /takes only an enforcement level/],
        [{ all: { enforcementLevel: "mandatory", minimumDays: 3 } }, /"all" takes only an enforcement level/],
        [{ all: "loud" }, /enforcement level must be one of/],
        [["advisory"], /expected a JSON object/],
    ])("rejects %j", (config, message) => {
        expect(() => resolvePolicyConfig(policies, config)).toThrow(message);
    });
});

describe("names every object has are settings like any other", () => {
    const withExemptions: PolicyConfigInfo[] = [{ name: "aws-rds-require-backup-retention", enforcementLevel: "mandatory",
        configSchema: { properties: { minimumDays: { type: "integer", default: 30 }, exemptions: { type: "array", default: [] } } } }];

    it.each(["constructor", "toString", "hasOwnProperty", "valueOf", "__proto__"])("rejects %s as a setting and as a policy name", (name) => {
        // JSON.parse keeps `__proto__` as an ordinary key, as a config file holds it.
        const asSetting = JSON.parse(`{"aws-rds-require-backup-retention": {"${name}": {"polluted": true}}}`);
        expect(() => resolvePolicyConfig(withExemptions, asSetting)).toThrow(`"aws-rds-require-backup-retention" has no setting "${name}"`);
        const asPolicy = JSON.parse(`{"${name}": "advisory"}`);
        expect(() => resolvePolicyConfig(withExemptions, asPolicy)).toThrow(`unknown policy "${name}"`);
        expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    });

    it("rejects such names as exemption fields too", () => {
        const config = JSON.parse(`{"aws-rds-require-backup-retention": {"exemptions": [{"resource": "legacy-*", "reason": "r", "__proto__": {}}]}}`);
        expect(() => resolvePolicyConfig(withExemptions, config)).toThrow(/has an unknown field "__proto__"/);
    });

    it("does not take a default from a schema's prototype", () => {
        const resolved = resolvePolicyConfig([{ name: "p", configSchema: { properties: { level: Object.create({ default: 3 }) } } }], undefined);
        expect(resolved.get("p")?.properties).toEqual({});
    });
});

describe("exemption globs", () => {
    const policy: PolicyConfigInfo[] = [{ name: "aws-rds-require-backup-retention", configSchema: { properties: { exemptions: { type: "array", default: [] } } } }];
    const config = (resource: string) => ({ "aws-rds-require-backup-retention": { exemptions: [{ resource, reason: "migrating by Q3" }] } });

    it.each([
        ["legacy-[abc", /exemption 1 \(resource "legacy-\[abc"\): the glob has a "\[" at character 8 that is never closed/],
        ["legacy-{a,b", /the glob has a "\{" that is never closed/],
        ["legacy-}", /the glob has a "\}" at character 8 that closes no "\{"/],
        ["", /exemption 1 names no resource/],
        ["   ", /exemption 1 names no resource/],
        ["db-{1..100000}", /expands to more than 256 alternatives/],
        ["{a,b,c,d}{a,b,c,d}{a,b,c,d}{a,b,c,d}{a,b}", /expands to more than 256 alternatives/],
    ])("rejects %j", (resource, message) => {
        expect(() => resolvePolicyConfig(policy, config(resource))).toThrow(message);
    });

    it.each(["legacy-*", "legacy-[abc]", "db-{1..256}", "{a,b,c,d}{a,b,c,d}{a,b,c,d}{a,b,c,d}", "legacy-\\[x", "urn:pulumi:prod::*::legacy-db"])("accepts %j", (resource) => {
        expect(() => resolvePolicyConfig(policy, config(resource))).not.toThrow();
    });
});

describe("reading the policy-pack config file", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "prodready-config-"));
    const file = (name: string, content: string | Buffer) => {
        const f = path.join(dir, name);
        fs.writeFileSync(f, content);
        return f;
    };

    it("accepts a UTF-8 byte-order mark", () => {
        expect(readPackConfig(file("bom.json", Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(`{"all": "advisory"}`)])))).toEqual({ all: "advisory" });
    });

    it("names a directory as the cause", () => {
        expect(() => readPackConfig(dir)).toThrow(`cannot read policy-pack config ${dir}: EISDIR (it is a directory)`);
    });

    it("says where the JSON breaks without quoting the file, which may hold secrets", () => {
        const broken = file("broken.json", `{\n  "token": hunter2\n}`);
        expect(() => readPackConfig(broken)).toThrow(`policy-pack config ${broken} is not valid JSON at line 2`);
        expect(() => readPackConfig(broken)).not.toThrow(/hunter2/);
        expect(() => readPackConfig(file("cut.json", `{"all": `))).toThrow(/is not valid JSON: it ends early$/);
    });
});

describe("a renamed policy", () => {
    const renamed = {
        name: "aws-rds-require-backup-days",
        tags: ["aws", "priority:P0", "alias:aws-rds-require-backup-retention"],
        enforcementLevel: "mandatory",
        configSchema: { properties: { minimumDays: { type: "integer", default: 30 } } },
    };

    it("takes the config written for its former name", () => {
        const resolved = resolvePolicyConfig([renamed], { "aws-rds-require-backup-retention": { enforcementLevel: "advisory", minimumDays: 35 } });
        expect(resolved.get("aws-rds-require-backup-days")).toEqual({ enforcementLevel: "advisory", properties: { minimumDays: 35 } });
    });

    it("refuses a config that sets both names", () => {
        expect(() => resolvePolicyConfig([renamed], { "aws-rds-require-backup-retention": "advisory", "aws-rds-require-backup-days": "mandatory" }))
            .toThrow(/former name of "aws-rds-require-backup-days", which is configured too/);
    });

    it("still refuses a name that is neither", () => {
        expect(() => resolvePolicyConfig([renamed], { "aws-rds-require-backups": "advisory" })).toThrow(/unknown policy "aws-rds-require-backups"/);
    });
});

describe("a config the pack rejects", () => {
    it("fails the preview while the program is still running, and ends the program", async () => {
        const { preview } = await import("../../src/preview");
        const { PolicyConfigError } = await import("../../src/pack/config");
        const dir = fs.mkdtempSync(path.join(os.tmpdir(), "prodready-early-config-"));
        const config = path.join(dir, "config.json");
        const pidFile = path.join(dir, "program.pid");
        fs.writeFileSync(config, JSON.stringify({ "aws-rds-require-backup-retention": "loud" }));
        process.env.PRODREADY_TEST_PID_FILE = pidFile;
        try {
            // The program never finishes: only a config checked beside it can end this run before the limit.
            const run = preview(path.join(__dirname, "..", "program", "fixtures", "programs", "never-finishes"), { packConfig: packConfigOf({ packConfigFile: config }), timeoutSeconds: 240 });
            await expect(run).rejects.toThrow(PolicyConfigError);
            await expect(run).rejects.toThrow(/aws-rds-require-backup-retention/);
        } finally {
            delete process.env.PRODREADY_TEST_PID_FILE;
        }
        if (fs.existsSync(pidFile)) {
            const pid = Number(fs.readFileSync(pidFile, "utf8"));
            await new Promise((resolve) => setTimeout(resolve, 500));
            expect(() => process.kill(pid, 0)).toThrow();
        }
    }, 200000);
});
