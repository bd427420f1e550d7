// Analyze with the SDK's not-applicable answers kept encoded per type must send the bytes the SDK's
// handler over every policy sends, whether a response has its own not-applicable entries or not.
import * as path from "path";
import * as analyzerProto from "@pulumi/pulumi/proto/analyzer_pb";
import { helmStyleCorpus } from "../../bench/corpus";
import { withDefaultProviders } from "../../src/analyzer/default-providers";
import { analyzeRequest, RequestParts } from "../../src/analyzer/requests";
import { analyzeResponseDecoder } from "../../src/analyzer/responses";
import { manifestRun, parseManifest } from "../../src/manifests";
import { analyzeWithEncodedAnswers, taggedWithOtherType } from "../../policies/serving/encoded-answers";
import { sdkDirectory } from "../../policies/serving/pinned-sdk";
import type { Handler, MakeHandler, ServedPolicy } from "../../policies/serving/served-handlers";

// eslint-disable-next-line @typescript-eslint/no-require-imports
const sdkServer = require(path.join(sdkDirectory(path.join(__dirname, "..", "..", "policies")), "server.js")) as { makeAnalyzeRpcFun: MakeHandler };
const makeHandler = (policies: readonly ServedPolicy[]) => sdkServer.makeAnalyzeRpcFun("pack", "1.0.0", "advisory", policies);

function answer(handler: Handler, request: unknown): Promise<string> {
    return new Promise((resolve) => {
        handler({ request }, (err, response) => {
            resolve(err ? `error: ${(err as Error).message.split("\n")[0]}` : Buffer.from((response as analyzerProto.AnalyzeResponse).serializeBinary()).toString("base64"));
        });
    });
}

type Args = { type: string; name: string; props: Record<string, unknown>; notApplicable(reason?: string): never };
type Report = (message: string) => void;

const POD_KINDS = ["kubernetes:apps/v1:Deployment", "kubernetes:core/v1:Service", "kubernetes:core/v1:ConfigMap", "kubernetes:networking.k8s.io/v1:Ingress"];

/** Resource policies of the shapes the SDK answers apart, in an order that interleaves them. */
function policies(): ServedPolicy[] {
    const resource = (name: string, validate: (args: Args, report: Report) => unknown, tag?: string) =>
        ({ name, description: `${name} description`, enforcementLevel: "advisory", validateResource: tag ? Object.assign(validate, { __pulumiType: tag }) : validate }) as ServedPolicy;
    const list: ServedPolicy[] = [];
    for (const [i, kind] of POD_KINDS.entries()) {
        list.push(resource(`only-${i}`, (args, report) => report(`seen ${args.name}`), kind));
        // Not applicable to every other resource, by its own answer: entries among the kept ones.
        list.push(resource(`some-${i}`, (args, report) => (args.name.length % 2 ? args.notApplicable(`odd ${args.name}`) : report(`even ${args.name}`))));
        if (i === 1) {
            list.push(resource("twice", (args) => args.notApplicable(args.name.includes("1") ? "first" : undefined)));
        }
    }
    return list;
}

describe("not-applicable answers kept encoded per resource type", () => {
    it("sends the SDK's bytes for every resource, first of its type or not", async () => {
        const run = manifestRun(parseManifest(helmStyleCorpus(150), "corpus.yaml"));
        const { resources, providerOf } = withDefaultProviders(run, {});
        const parts = new RequestParts();
        const all = policies();
        const plain = makeHandler(all);
        const byType = new Map<string, Handler>();
        let compared = 0;
        for (const r of resources) {
            const request = analyzeRequest(parts, r, providerOf.get(r.urn));
            let handler = byType.get(r.type);
            if (!handler) {
                handler = analyzeWithEncodedAnswers(all, r.type, makeHandler);
                byType.set(r.type, handler);
            }
            // One after the other: all but the first of each type go through the kept answers.
            expect(await answer(handler, request)).toBe(await answer(plain, request));
            compared++;
        }
        expect(compared).toBeGreaterThan(byType.size * 3);
    });

    it("is decoded by the client as the generated decoder decodes it", async () => {
        const run = manifestRun(parseManifest(helmStyleCorpus(30), "corpus.yaml"));
        const { resources, providerOf } = withDefaultProviders(run, {});
        const parts = new RequestParts();
        const plain = makeHandler(policies());
        const decode = analyzeResponseDecoder();
        let entries = 0;
        for (const r of [...resources, ...resources]) {
            const bytes = Buffer.from(await answer(plain, analyzeRequest(parts, r, providerOf.get(r.urn))), "base64");
            const generic = analyzerProto.AnalyzeResponse.deserializeBinary(new Uint8Array(bytes));
            const shared = decode(bytes);
            expect(shared.toObject()).toEqual(generic.toObject());
            expect(Buffer.from(shared.serializeBinary())).toEqual(bytes);
            entries += shared.getNotApplicableList().length;
        }
        expect(entries).toBeGreaterThan(resources.length);
        // Bytes not shaped as an answer go to the generated decoder, which fails on them the same way.
        const odd = Uint8Array.from([0x0a, 0x05, 0x01]);
        expect(() => decode(odd)).toThrow();
        expect(() => analyzerProto.AnalyzeResponse.deserializeBinary(odd)).toThrow();
    });

    it("knows which policies the SDK answers without calling them", () => {
        const tagged = { name: "t", validateResource: Object.assign(() => undefined, { __pulumiType: "a:b:C" }) };
        expect(taggedWithOtherType(tagged, "x:y:Z")).toBe("a:b:C");
        expect(taggedWithOtherType(tagged, "a:b:C")).toBeUndefined();
        expect(taggedWithOtherType({ name: "u", validateResource: () => undefined }, "x:y:Z")).toBeUndefined();
        expect(taggedWithOtherType({ name: "v", validateResource: [Object.assign(() => undefined, { __pulumiType: "a:b:C" })] }, "x:y:Z")).toBeUndefined();
    });
});
