// The HTML report in a real browser: a scenario of the reference stack is previewed, rendered to a
// file and loaded by headless Chromium. The page must show the verdict and the JSON report's
// figures, keep a `<script>` in a resource name as text, apply its style sheet under its own
// Content-Security-Policy, and make no request. Every request Chromium makes goes to a proxy on
// 127.0.0.1 that answers 502 and records it, so nothing leaves the machine. Skipped with one line
// when Chromium is not installed.
import { spawn } from "child_process";
import * as fs from "fs";
import * as http from "http";
import type { AddressInfo } from "net";
import * as os from "os";
import * as path from "path";
import { loadCatalog } from "../../src/catalog/catalog";
import { withDefaultProviders } from "../../src/analyzer/default-providers";
import { reportFromAnalysis } from "../../src/report/document";
import { render } from "../../src/report/index";
import { sourceLocations } from "../../src/report/locations";
import { DEFAULT_PACK_DIR, packResourceTypes } from "../../src/pack/load";
import { previewReferenceRun, ROOT, sharedAnalyzer } from "../harness/stack";

function onPath(names: readonly string[]): string | undefined {
    for (const dir of (process.env.PATH ?? "").split(path.delimiter).filter(Boolean)) {
        for (const name of names) {
            const file = path.join(dir, name);
            try {
                fs.accessSync(file, fs.constants.X_OK);
                return file;
            } catch {
                // not here
            }
        }
    }
    return undefined;
}

const CHROMIUM = onPath(["chromium", "chromium-browser", "google-chrome", "google-chrome-stable"]);
if (!CHROMIUM) {
    process.stderr.write("HTML browser test skipped: no Chromium on PATH; install it with `apt-get install -y chromium` (Debian)\n");
}
const browserSuite = CHROMIUM ? describe : describe.skip;

// Chromium's own services (component updates, time, accounts) call these hosts even headless; the
// page's requests are all the others.
const BROWSER_SERVICES = /(^|\.)(google\.com|googleapis\.com|gvt1\.com|gstatic\.com)$/;
const LEAK_HOST = "leak.prodready.invalid";

interface Loaded {
    dom: string;
    log: string;
    /** Hosts the page asked for (Chromium's own services left out). */
    requested: string[];
}

/** Loads a file in headless Chromium behind a recording proxy and returns the DOM after load. */
async function load(file: string): Promise<Loaded> {
    const hosts: string[] = [];
    const proxy = http.createServer((req, res) => {
        hosts.push(new URL(req.url ?? "", "http://unknown").hostname);
        res.writeHead(502).end();
    });
    proxy.on("connect", (req, socket) => {
        hosts.push((req.url ?? "").replace(/:\d+$/, ""));
        socket.end("HTTP/1.1 502 Bad Gateway\r\n\r\n");
    });
    await new Promise<void>((resolve) => proxy.listen(0, "127.0.0.1", resolve));
    const profile = fs.mkdtempSync(path.join(os.tmpdir(), "prodready-chromium-"));
    try {
        const args = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking", "--disable-component-update",
            "--disable-sync", "--disable-default-apps", "--enable-logging=stderr", "--v=0", `--user-data-dir=${profile}`,
            `--proxy-server=http://127.0.0.1:${(proxy.address() as AddressInfo).port}`, "--proxy-bypass-list=<-loopback>",
            "--dump-dom", `file://${file}`];
        const child = spawn(CHROMIUM!, args, { stdio: ["ignore", "pipe", "pipe"] });
        let dom = "";
        let log = "";
        child.stdout.on("data", (d) => { dom += d; });
        child.stderr.on("data", (d) => { log += d; });
        const code = await new Promise<number | null>((resolve) => {
            const timer = setTimeout(() => child.kill("SIGKILL"), 90_000);
            child.on("close", (c) => { clearTimeout(timer); resolve(c); });
        });
        if (code !== 0) {
            throw new Error(`chromium exited ${code}: ${log.slice(-2000)}`);
        }
        return { dom, log, requested: hosts.filter((h) => !BROWSER_SERVICES.test(h)) };
    } finally {
        await new Promise<void>((resolve) => proxy.close(() => resolve()));
        fs.rmSync(profile, { recursive: true, force: true });
    }
}

/** The text of the element with this id, as Chromium serialized it. */
function byId(dom: string, id: string): string {
    const m = new RegExp(`id="${id}"[^>]*>([^<]*)<`).exec(dom);
    if (!m) {
        throw new Error(`no element #${id} in the page`);
    }
    return m[1];
}

const SCENARIO = "aws-edge-public-ssh";
const HOSTILE_NAME = `<script>document.title="pwned"</script>`;

browserSuite("the HTML report in headless Chromium", () => {
    const analyzer = sharedAnalyzer();
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "prodready-html-"));
    afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

    it(`renders the ${SCENARIO} scenario: verdict, the JSON report's figures, no script run, no request`, async () => {
        const { analysis, run } = await previewReferenceRun(analyzer(), SCENARIO);
        const report = reportFromAnalysis(analysis, {
            catalog: loadCatalog(), source: { kind: "preview", target: "." }, subjects: withDefaultProviders(run, {}).resources,
            resourceTypes: packResourceTypes(DEFAULT_PACK_DIR), locations: sourceLocations(run.resources, ROOT),
        });
        // Run-controlled text that would run a script or load from the network if it were markup.
        const target = report.findings.find((f) => f.outcome === "violation" && f.name)!;
        target.name = HOSTILE_NAME;
        target.message = `${target.message} <img src="http://${LEAK_HOST}/message.png"><link rel="stylesheet" href="https://${LEAK_HOST}/x.css">`;
        const json = JSON.parse(render(report, "json"));
        const file = path.join(dir, "report.html");
        fs.writeFileSync(file, render(report, "html"));

        const page = await load(file);
        expect(json.summary.mandatory).toBeGreaterThan(0);
        expect(byId(page.dom, "verdict")).toBe("Not ready");
        expect(byId(page.dom, "go-live")).toBe(json.score.verdict === "not-ready" ? "not ready" : json.score.verdict === "ready" ? "go-live ready" : "conditional");
        for (const key of ["mandatory", "advisory", "unknown", "exempt", "judged", "policies"]) {
            expect([key, Number(byId(page.dom, `count-${key}`))]).toEqual([key, json.summary[key]]);
        }
        expect(Number(byId(page.dom, "score"))).toBe(json.score.score);
        expect(Number(byId(page.dom, "coverage"))).toBe(json.score.coverage);
        expect(Number(byId(page.dom, "cov-not-judged"))).toBe(json.summary.notJudged);
        // The declaring line of a resource of the program is shown.
        const located = report.findings.find((f) => f.location && f.outcome === "violation");
        expect(located?.location?.file).toMatch(/^stacks\//);
        expect(page.dom).toContain(`${located!.location!.file}:${located!.location!.line}`);

        // The injected script stayed text: the title is the page's own, and no script element exists.
        expect(/<title>([^<]*)<\/title>/.exec(page.dom)![1]).toBe(`prodready: Not ready — ${report.pack.name}@v${report.pack.version}`);
        expect(page.dom).not.toMatch(/<script|<img|<link/i);
        expect(page.dom).toContain(`<span class="rname">&lt;script&gt;document.title="pwned"&lt;/script&gt;</span>`);
        // The style sheet was allowed by the policy, and the page asked no host for anything.
        expect(page.log).not.toMatch(/Content Security Policy/);
        expect(page.requested).toEqual([]);
    }, 240_000);

    it("the checks above can fail: a page that loads an image and whose style sheet no longer matches its hash is caught", async () => {
        const file = path.join(dir, "control.html");
        const { fixtureReport } = await import("./fixtures");
        fs.writeFileSync(file, render(fixtureReport(), "html")
            .replace("img-src 'none'", "img-src http:")
            .replace("<style>", "<style>/* changed */")
            .replace("</main>", `<img src="http://${LEAK_HOST}/control.png"></main>`));
        const page = await load(file);
        expect(page.requested).toContain(LEAK_HOST);
        expect(page.log).toMatch(/Content Security Policy/);
    }, 120_000);
});
