// A project and its stack are read as the Pulumi CLI reads them; what the embedded preview cannot
// read that way is refused with one line naming the file, never skipped in silence.
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { buildProgram } from "../../src/cli";
import { loadProject, ProgramError, ProgramOptions, runProgram } from "../../src/program";

const scratch: string[] = [];
afterAll(() => scratch.forEach((dir) => fs.rmSync(dir, { recursive: true, force: true })));

/** A throw-away project: Pulumi.yaml (name `shop`, Node.js unless written otherwise) and any other files by relative path. */
function project(files: Record<string, string> = {}, projectFile = "Pulumi.yaml"): string {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "prodready-project-"));
    scratch.push(dir);
    const all = { [projectFile]: "name: shop\nruntime: nodejs\n", ...files };
    for (const [name, text] of Object.entries(all)) {
        fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
        fs.writeFileSync(path.join(dir, name), text);
    }
    return dir;
}

function loadError(dir: string, options: ProgramOptions = {}): string {
    try {
        loadProject(dir, options);
    } catch (err) {
        expect(err).toBeInstanceOf(ProgramError);
        const message = (err as Error).message;
        expect(message).not.toContain("\n");
        return message;
    }
    throw new Error("the project loaded");
}

const PROD = "config:\n  shop:tier: production\n";
const DEV = "config:\n  shop:tier: development\n";

describe("the stack named with --stack", () => {
    it.each(["prod", "acme/prod", "acme/shop/prod"])("reads Pulumi.prod.yaml for %s and names the stack prod", (stack) => {
        const loaded = loadProject(project({ "Pulumi.prod.yaml": PROD, "Pulumi.dev.yaml": DEV }), { stack });
        expect(loaded.stack).toBe("prod");
        expect(loaded.config["shop:tier"]).toBe("production");
    });

    it("refuses a fully qualified stack of another project, as the CLI does", () => {
        const dir = project({ "Pulumi.prod.yaml": PROD });
        expect(loadError(dir, { stack: "acme/billing/prod" }))
            .toBe(`--stack acme/billing/prod: project billing does not match ${path.join(dir, "Pulumi.yaml")}, whose project is shop`);
    });

    it.each(["prod env", "prod:eu", "a/b/c/d", "acme/", "/prod", "", "x".repeat(101)])("refuses the stack name %j", (stack) => {
        expect(loadError(project({ "Pulumi.prod.yaml": PROD }), { stack })).toMatch(/^--stack .*: (expected name, org\/name or org\/project\/name|a stack name has 1 to 100 letters, digits, hyphens, underscores or periods)$/);
    });

    it("accepts the characters the CLI accepts", () => {
        expect(loadProject(project({ "Pulumi.eu_west-1.v2.yaml": PROD }), { stack: "eu_west-1.v2" }).stack).toBe("eu_west-1.v2");
    });

    it("refuses a named stack without its config file, naming the file expected", () => {
        const dir = project({ "Pulumi.dev.yaml": DEV });
        expect(loadError(dir, { stack: "acme/shop/prod" })).toBe(`stack prod has no config file: expected ${path.join(dir, "Pulumi.prod.yaml")}`);
        expect(loadError(dir, { stack: "staging" })).toBe(`stack staging has no config file: expected ${path.join(dir, "Pulumi.staging.yaml")}`);
    });

    it("reads dev without --stack, whose file is optional", () => {
        const without = loadProject(project());
        expect(without.stack).toBe("dev");
        expect(without.config).toEqual({});
        expect(loadProject(project({ "Pulumi.dev.yaml": DEV })).config["shop:tier"]).toBe("development");
    });

    it("builds the program's URNs with the stack's own name", async () => {
        const dir = project({
            "Pulumi.yaml": "name: shop\nruntime: yaml\nconfig:\n  queueName:\n    type: string\nresources:\n  orders:\n    type: aws:sqs:Queue\n    properties:\n      name: ${queueName}\n",
            "Pulumi.prod.yaml": "config:\n  shop:queueName: orders-prod\n",
        });
        const run = await runProgram(loadProject(dir, { stack: "acme/shop/prod" }), { timeoutSeconds: 120 });
        expect(run.stack).toBe("prod");
        const queue = run.resources.find((r) => r.name === "orders");
        expect(queue?.urn).toBe("urn:pulumi:prod::shop::aws:sqs/queue:Queue::orders");
        expect(queue?.inputs.name).toBe("orders-prod");
    });
});

describe("prodready preview --stack", () => {
    /** Runs the command in-process up to the first error; a missing pack config stops it before any program runs. */
    async function previewError(...args: string[]): Promise<string> {
        const missing = path.join(os.tmpdir(), "prodready-no-such-pack-config.json");
        try {
            await buildProgram(() => undefined).parseAsync(["node", "prodready", "preview", ...args, "--policy-pack-config", missing]);
        } catch (err) {
            return (err as Error).message;
        }
        throw new Error("the preview ran");
    }

    it("reads dev, whose file is optional, when no stack is named", async () => {
        expect(await previewError(project())).toMatch(/^cannot read policy-pack config /);
    });

    it("requires the file of a stack it names, dev included", async () => {
        const dir = project();
        expect(await previewError(dir, "--stack", "dev")).toBe(`stack dev has no config file: expected ${path.join(dir, "Pulumi.dev.yaml")}`);
    });
});

describe("where the stack files live", () => {
    it("reads them from stackConfigDir, relative to the project", () => {
        const dir = project({
            "Pulumi.yaml": "name: shop\nruntime: nodejs\nstackConfigDir: stacks/config\n",
            "stacks/config/Pulumi.prod.yaml": PROD,
            "Pulumi.prod.yaml": "config:\n  shop:tier: beside-the-project\n",
        });
        expect(loadProject(dir, { stack: "prod" }).config["shop:tier"]).toBe("production");
    });

    it("names the stackConfigDir file a named stack lacks", () => {
        const dir = project({ "Pulumi.yaml": "name: shop\nruntime: nodejs\nstackConfigDir: stacks\n", "Pulumi.prod.yaml": PROD });
        expect(loadError(dir, { stack: "prod" })).toBe(`stack prod has no config file: expected ${path.join(dir, "stacks", "Pulumi.prod.yaml")}`);
    });

    it("reads a string config: as the stack config directory, the CLI's older spelling", () => {
        const dir = project({ "Pulumi.yaml": "name: shop\nruntime: nodejs\nconfig: stacks\n", "stacks/Pulumi.prod.yaml": PROD });
        expect(loadProject(dir, { stack: "prod" }).config).toEqual({ "shop:tier": "production" });
        const both = project({ "Pulumi.yaml": "name: shop\nruntime: nodejs\nconfig: stacks\nstackConfigDir: stacks\n" });
        expect(loadError(both)).toMatch(/config and stackConfigDir both name the stack config directory; keep only stackConfigDir$/);
    });

    it("gives the stack file the project file's extension", () => {
        const dir = project({ "Pulumi.prod.yml": PROD }, "Pulumi.yml");
        expect(loadProject(dir, { stack: "prod" }).config["shop:tier"]).toBe("production");
    });
});

describe("a stack that imports Pulumi ESC environments", () => {
    const LIST = "environment:\n  - acme/payments-prod\n" + PROD;
    const IMPORTS = "environment:\n  imports:\n    - acme/payments-prod\n    - acme/shared\n" + PROD;

    it.each([
        [LIST, "the Pulumi ESC environment acme/payments-prod"],
        [IMPORTS, "the Pulumi ESC environments acme/payments-prod, acme/shared"],
        ["environment:\n  values:\n    pulumiConfig:\n      shop:tier: production\n", "an inline Pulumi ESC environment"],
    ])("is refused without --config stand-ins (%#)", (stackFile, which) => {
        const dir = project({ "Pulumi.prod.yaml": stackFile });
        expect(loadError(dir, { stack: "prod" })).toBe(`${path.join(dir, "Pulumi.prod.yaml")}: the stack imports ${which}, which the embedded preview cannot open; ` +
            "pass stand-ins with --config key=value for the values the program reads, and the environment is skipped");
    });

    it("is skipped with a notice when --config stand-ins are given", () => {
        const dir = project({ "Pulumi.prod.yaml": IMPORTS });
        const write = jest.spyOn(process.stderr, "write").mockImplementation(() => true);
        try {
            const loaded = loadProject(dir, { stack: "prod", config: { databaseUrl: "postgres://stand-in" } });
            expect(loaded.config).toEqual({ "shop:tier": "production", "shop:databaseUrl": "postgres://stand-in" });
            expect(write.mock.calls.map(([text]) => text)).toEqual([`prodready: notice: ${path.join(dir, "Pulumi.prod.yaml")}: skipping the Pulumi ESC environments acme/payments-prod, acme/shared, ` +
                "which the embedded preview cannot open; the program reads the --config stand-ins instead\n"]);
        } finally {
            write.mockRestore();
        }
    });

    it("is no import when the list is empty", () => {
        expect(loadProject(project({ "Pulumi.prod.yaml": "environment: []\n" + PROD }), { stack: "prod" }).config["shop:tier"]).toBe("production");
    });
});

describe("encrypted config values", () => {
    const NESTED = "config:\n  shop:database:\n    user: app\n    password:\n      secure: AAABAOq3cZ1Fz0lHn0e9Kk\n";
    const IN_LIST = "config:\n  shop:replicas:\n    - host: a.internal\n    - host: b.internal\n      token:\n        secure: AAABAKx9\n";
    const TOP = "config:\n  shop:apiToken:\n    secure: AAABAMc2Vn\n";

    it.each([
        [NESTED, "shop:database.password", "for the whole of shop:database with --config shop:database=..."],
        [IN_LIST, "shop:replicas[1].token", "for the whole of shop:replicas with --config shop:replicas=..."],
        [TOP, "shop:apiToken", "with --config shop:apiToken=..."],
    ])("are refused wherever they sit, naming the key path (%#)", (stackFile, where, standIn) => {
        const dir = project({ "Pulumi.prod.yaml": stackFile });
        expect(loadError(dir, { stack: "prod" }))
            .toBe(`${path.join(dir, "Pulumi.prod.yaml")}: ${where} is an encrypted secret, which the embedded preview cannot decrypt; pass a stand-in ${standIn}`);
    });

    it("take a --config stand-in, which the program reads as a secret", () => {
        const dir = project({ "Pulumi.prod.yaml": TOP });
        const loaded = loadProject(dir, { stack: "prod", config: { apiToken: "stand-in-token" } });
        expect(loaded.config).toEqual({ "shop:apiToken": "stand-in-token" });
        expect(loaded.secretKeys).toEqual(["shop:apiToken"]);
    });

    it("take a stand-in for the whole value that holds one", () => {
        const dir = project({ "Pulumi.prod.yaml": NESTED });
        const standIn = JSON.stringify({ user: "app", password: "stand-in" });
        const loaded = loadProject(dir, { stack: "prod", config: { "shop:database": standIn } });
        expect(loaded.config).toEqual({ "shop:database": standIn });
        expect(loaded.secretKeys).toEqual(["shop:database"]);
    });

    it("are only mappings whose one key is secure, as the CLI decodes them", () => {
        const dir = project({ "Pulumi.prod.yaml": "config:\n  shop:labels:\n    secure: no\n    team: payments\n" });
        expect(loadProject(dir, { stack: "prod" }).config).toEqual({ "shop:labels": JSON.stringify({ secure: "no", team: "payments" }) });
    });

    it("leave a plain value given with --config plain", () => {
        const loaded = loadProject(project({ "Pulumi.prod.yaml": PROD }), { stack: "prod", config: { tier: "staging" } });
        expect(loaded.config).toEqual({ "shop:tier": "staging" });
        expect(loaded.secretKeys).toEqual([]);
    });
});

describe("config declared in Pulumi.yaml", () => {
    const DECLARED = [
        "name: shop",
        "runtime: nodejs",
        "config:",
        "  aws:region: eu-west-1",
        "  aws:defaultTags:",
        "    value:",
        "      tags:",
        "        team: payments",
        "  replicas:",
        "    type: integer",
        "    default: 3",
        "  apiToken:",
        "    type: string",
        "    secret: true",
        "    default: stand-in-token",
        "  signingKey:",
        "    type: string",
        "    secret: true",
        "  optionalSecret:",
        "    type: string",
        "    secret: true",
        "    default: x",
        "",
    ].join("\n");

    it("reads short forms, value: and default:, and marks secret: true keys secret", () => {
        const loaded = loadProject(project({ "Pulumi.yaml": DECLARED, "Pulumi.dev.yaml": "config:\n  shop:signingKey:\n    secure: AAAB\n  shop:optionalSecret: y\n" }),
            { config: { signingKey: "stand-in-key" } });
        expect(loaded.config).toEqual({
            "aws:region": "eu-west-1",
            "aws:defaultTags": JSON.stringify({ tags: { team: "payments" } }),
            "shop:replicas": "3",
            "shop:apiToken": "stand-in-token",
            "shop:signingKey": "stand-in-key",
            "shop:optionalSecret": "y",
        });
        expect(loaded.secretKeys).toEqual(["shop:apiToken", "shop:optionalSecret", "shop:signingKey"]);
    });

    it("lets the stack file override a default", () => {
        const loaded = loadProject(project({ "Pulumi.yaml": DECLARED, "Pulumi.prod.yaml": "config:\n  shop:replicas: 5\n" }), { stack: "prod", config: { signingKey: "stand-in-key" } });
        expect(loaded.config["shop:replicas"]).toBe("5");
    });

    it("refuses a declared project key no file or stand-in sets, as the CLI does", () => {
        const dir = project({ "Pulumi.yaml": DECLARED });
        expect(loadError(dir)).toBe(`stack dev is missing configuration value signingKey that ${path.join(dir, "Pulumi.yaml")} declares without a default: ` +
            `set it in ${path.join(dir, "Pulumi.dev.yaml")} or pass a stand-in with --config signingKey=...`);
    });
});
