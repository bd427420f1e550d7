// A connection asks the pack for its plugin info and its description once, as the engine asks once
// per plugin: the SDK builds both from the pack's arguments. A failed call is asked again.
import { analyzerConnection, AnalyzerMethod } from "../../src/analyzer/host";

function countingPack(fail: Set<AnalyzerMethod> = new Set()) {
    const calls: AnalyzerMethod[] = [];
    const connection = analyzerConnection((method, _request, callback) => {
        calls.push(method);
        if (fail.delete(method)) {
            callback(new Error(`${method} failed`));
        } else {
            callback(undefined, { method, call: calls.length });
        }
    });
    return { connection, calls };
}

describe("an analyzer connection", () => {
    it("asks for the plugin info and the pack's description once", async () => {
        const { connection, calls } = countingPack();
        const first = await connection.getAnalyzerInfo();
        expect(await connection.getAnalyzerInfo()).toBe(first);
        await connection.getPluginInfo();
        await connection.getPluginInfo();
        expect(calls).toEqual(["getAnalyzerInfo", "getPluginInfo"]);
    });

    it("asks again after a failed call", async () => {
        const { connection, calls } = countingPack(new Set(["getAnalyzerInfo"]));
        await expect(connection.getAnalyzerInfo()).rejects.toThrow("getAnalyzerInfo failed");
        await expect(connection.getAnalyzerInfo()).resolves.toEqual({ method: "getAnalyzerInfo", call: 2 });
        expect(calls).toEqual(["getAnalyzerInfo", "getAnalyzerInfo"]);
    });

    it("sends every other call each time", async () => {
        const { connection, calls } = countingPack();
        await connection.configure({} as never);
        await connection.configure({} as never);
        await connection.analyzeStack({} as never);
        await connection.analyzeStack({} as never);
        expect(calls).toEqual(["configure", "configure", "analyzeStack", "analyzeStack"]);
    });
});
