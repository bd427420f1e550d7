// AnalyzeStack with the stack's resources built once per request must answer exactly as the SDK's
// handler that builds them for every stack policy: the same bytes, the same errors.
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import * as analyzerProto from "@pulumi/pulumi/proto/analyzer_pb";
import { helmStyleCorpus } from "../../bench/corpus";
import { withDefaultProviders } from "../../src/analyzer/default-providers";
import { RequestParts, stackResource } from "../../src/analyzer/requests";
import { manifestRun, parseManifest } from "../../src/manifests";
import type { ProgramRun } from "../../src/program/records";
import { sdkDirectory } from "../../policies/serving/pinned-sdk";
import type { Handler, MakeHandler, ServedPolicy } from "../../policies/serving/served-handlers";
import { analyzeStackOnce, shareStackResources, SHARED_STACK_SWITCH } from "../../policies/serving/shared-stack";

// eslint-disable-next-line @typescript-eslint/no-require-imports
const sdkServer = require(path.join(sdkDirectory(path.join(__dirname, "..", "..", "policies")), "server.js")) as { makeAnalyzeStackRpcFun: MakeHandler };
const makeHandler = (policies: readonly ServedPolicy[]) => sdkServer.makeAnalyzeStackRpcFun("pack", "1.0.0", "advisory", policies);

function stackRequest(run: ProgramRun): analyzerProto.AnalyzeStackRequest {
    const { resources, providerOf } = withDefaultProviders(run, {});
    const parts = new RequestParts();
    const request = new analyzerProto.AnalyzeStackRequest();
    request.setResourcesList(resources.map((r) => stackResource(parts, r, providerOf.get(r.urn))));
    return request;
}

/** The handler's answer as the wire carries it, or its error's message without its stack frames (a frame of the shared path adds one). */
function answer(handler: Handler, request: unknown): Promise<string> {
    return new Promise((resolve) => {
        handler({ request }, (err, response) => {
            resolve(err ? `error: ${(err as Error).message.split("\n").filter((line) => !/^\s+at /.test(line)).join("\n")}` : Buffer.from((response as analyzerProto.AnalyzeResponse).serializeBinary()).toString("base64"));
        });
    });
}

interface Resource { type: string; urn: string; name: string; props: Record<string, unknown>; parent?: Resource; dependencies: Resource[] }
type Args = { resources: Resource[]; notApplicable(reason?: string): never };
type Report = (message: string, urn?: string) => void;

const DEPLOYMENT = "kubernetes:apps/v1:Deployment";

/** Stack policies of every shape the SDK treats apart. */
function policies(): ServedPolicy[] {
    const stack = (name: string, validateStack: (args: Args, report: Report) => unknown, extra: Record<string, unknown> = {}) =>
        ({ name, description: `${name} description`, enforcementLevel: "mandatory", validateStack, ...extra }) as ServedPolicy;
    const tagged = (type: string, validate: (args: Args, report: Report) => unknown) => Object.assign(validate, { __pulumiType: type });
    return [
        { name: "a-resource-policy", description: "d", enforcementLevel: "advisory", validateResource: () => undefined } as ServedPolicy,
        stack("counts", (args, report) => report(`${args.resources.length} resources; first ${args.resources[0]?.name}`)),
        stack("per-resource", (args, report) => {
            for (const r of args.resources.filter((x) => x.type === DEPLOYMENT)) {
                report(`deployment ${r.name} with parent ${r.parent?.name ?? "none"} and ${r.dependencies.length} dependencies`, r.urn);
            }
        }, { severity: "high" }),
        // Sorting its own list must not reorder what the next policy is given.
        stack("sorts", (args, report) => {
            args.resources.sort((a, b) => b.urn.localeCompare(a.urn));
            report(`last ${args.resources[0].urn}`);
        }),
        stack("after-sort", (args, report) => report(`first ${args.resources[0].urn}`)),
        stack("not-applicable", (args) => args.notApplicable("nothing to judge here")),
        stack("typed-present", tagged(DEPLOYMENT, (args, report) => report(`typed ${args.resources.length}`))),
        stack("typed-absent", tagged("aws:s3/bucket:Bucket", (_args, report) => report("never"))),
        stack("async", async (args, report) => {
            await new Promise((resolve) => setTimeout(resolve, 1));
            report(`later ${args.resources.length}`);
        }, { enforcementLevel: "remediate" }),
        stack("advisory-by-pack", (_args, report) => report("pack level"), { enforcementLevel: undefined }),
    ];
}

const corpus = () => manifestRun(parseManifest(helmStyleCorpus(24), "corpus.yaml"));

describe("the stack's resources built once per AnalyzeStack request", () => {
    it("answers a corpus with the SDK's bytes", async () => {
        const request = stackRequest(corpus());
        const all = policies();
        const plain = await answer(makeHandler(all), request);
        const once = await answer(analyzeStackOnce(all, makeHandler), request);
        expect(plain.startsWith("error")).toBe(false);
        expect(once).toBe(plain);
        // Twice on one handler: each request builds its own list.
        expect(await answer(analyzeStackOnce(all, makeHandler), request)).toBe(plain);
    });

    it("answers an empty stack and a failing policy as the SDK does", async () => {
        const empty = new analyzerProto.AnalyzeStackRequest();
        const all = policies().filter((p) => p.name !== "sorts" && p.name !== "after-sort");
        expect(await answer(analyzeStackOnce(all, makeHandler), empty)).toBe(await answer(makeHandler(all), empty));
        const failing = [...all, { name: "fails", description: "d", enforcementLevel: "mandatory", validateStack: () => { throw new Error("broken policy"); } } as ServedPolicy];
        const request = stackRequest(corpus());
        const plain = await answer(makeHandler(failing), request);
        expect(plain).toMatch(/^error: .*fails.*broken policy/s);
        expect(await answer(analyzeStackOnce(failing, makeHandler), request)).toBe(plain);
    });

    it("builds the resources once, not once per stack policy", async () => {
        const request = stackRequest(corpus());
        let reads = 0;
        const counting = Object.create(request, { getResourcesList: { value: () => { reads++; return request.getResourcesList(); } } });
        await answer(makeHandler(policies()), counting);
        expect(reads).toBe(1);
        // The SDK reads the list once per request and builds it for each stack policy: count the builds.
        let builds = 0;
        const resources = request.getResourcesList();
        const first = resources[0];
        const getType = first.getType.bind(first);
        first.getType = () => { builds++; return getType(); };
        await answer(makeHandler(policies()), request);
        const plainBuilds = builds;
        builds = 0;
        await answer(analyzeStackOnce(policies(), makeHandler), request);
        expect(plainBuilds).toBeGreaterThan(5);
        expect(builds).toBe(1);
    });

    it("keeps the SDK's plain path, and says why, when switched off or on another SDK release", () => {
        expect(shareStackResources({ [SHARED_STACK_SWITCH]: "0" })).toEqual({ shared: false, reason: `${SHARED_STACK_SWITCH}=0` });
        const dir = fs.mkdtempSync(path.join(os.tmpdir(), "prodready-sdk-"));
        fs.writeFileSync(path.join(dir, "package.json"), JSON.stringify({ name: "@pulumi/policy", version: "1.22.0" }));
        const outcome = shareStackResources({}, dir);
        expect(outcome.shared).toBe(false);
        expect(!outcome.shared && outcome.reason).toMatch(/1\.22\.0/);
        fs.writeFileSync(path.join(dir, "package.json"), JSON.stringify({ name: "@pulumi/policy", version: "1.21.0" }));
        fs.writeFileSync(path.join(dir, "server.js"), "exports.serve = function (a, b, c, d, e) {};\n");
        expect(shareStackResources({}, dir).shared).toBe(false);
        fs.rmSync(dir, { recursive: true, force: true });
    });
});
