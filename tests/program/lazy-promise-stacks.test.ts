// The program's SDK keeps a debug stack on each promise, for its leak report; the preload that
// formats it only when read must leave that report as it was.
import { execFileSync } from "child_process";
import * as path from "path";

const FIXTURE = path.join(__dirname, "fixtures", "promise-debug-stack.js");
const PRELOAD = path.resolve(__dirname, "..", "..", "src", "program", "preload", "lazy-promise-stacks.js");

/** The fixture's promise as a leak report would show it, with PULUMI_DEBUG_PROMISE_LEAKS set (the only time the SDK prints its trace) or not. */
function run(preload: boolean, debugLeaks = true): { lazy: boolean; report: string } {
    const args = [...(preload ? ["-r", PRELOAD] : []), FIXTURE];
    const env = { ...process.env };
    delete env.PULUMI_DEBUG_PROMISE_LEAKS;
    return JSON.parse(execFileSync(process.execPath, args, { encoding: "utf8", env: { ...env, ...(debugLeaks ? { PULUMI_DEBUG_PROMISE_LEAKS: "1" } : {}) } }));
}

describe("lazy promise stacks", () => {
    it("patch the program's SDK, and a leak report still shows the context and the frames that made the promise", () => {
        const plain = run(false);
        const lazy = run(true);
        expect(plain.lazy).toBe(false);
        expect(lazy.lazy).toBe(true);
        for (const { report } of [plain, lazy]) {
            expect(report).toMatch(/^CONTEXT\(0\): declare something\nSTACK_TRACE:\nError\n\s+at (Object\.)?debuggablePromise /);
            expect(report).toMatch(/\n\s+at declareSomething \(.*promise-debug-stack\.js:7:/);
        }
        // The same frames, apart from where the first one (the SDK's function or its wrapper) is.
        const frames = (report: string) => report.split("\n").slice(4).map((line) => line.trim()).slice(0, 3);
        expect(frames(lazy.report)).toEqual(frames(plain.report));
    });

    it("capture no trace when the SDK would print none (PULUMI_DEBUG_PROMISE_LEAKS unset)", () => {
        const lazy = run(true, false);
        expect(lazy.lazy).toBe(true);
        expect(lazy.report).toBe("CONTEXT(0): declare something\nSTACK_TRACE:\nError");
    });
});
