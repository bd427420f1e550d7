import { Progress, progressReports } from "../../src/progress";

function terminal(isTTY: boolean) {
    const written: string[] = [];
    return { stream: { isTTY, write: (text: string) => { written.push(text); return true; } }, written };
}

const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe("progress on stderr", () => {
    it("shows a count after the delay on a terminal, then clears the line", async () => {
        const { stream, written } = terminal(true);
        const progress = new Progress(stream, 20, 5);
        progressReports(progress).onRegistered!(1234);
        await wait(60);
        progress.done();
        expect(written.some((w) => w.includes("1,234 resources registered"))).toBe(true);
        expect(written[written.length - 1]).toBe("\r\u001b[K");
    });

    it("is silent for a short run", async () => {
        const { stream, written } = terminal(true);
        const progress = new Progress(stream, 1000, 5);
        progressReports(progress).onJudged!(5, 10);
        await wait(30);
        progress.done();
        expect(written).toEqual([]);
    });

    it("is silent when stderr is not a terminal", async () => {
        const { stream, written } = terminal(false);
        const progress = new Progress(stream, 0, 5);
        progressReports(progress).onJudged!(5, 10);
        await wait(30);
        progress.done();
        expect(written).toEqual([]);
    });
});
