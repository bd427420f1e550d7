// A one-line count on stderr for runs that take more than a few seconds, so a long preview is
// visibly alive. Silent when stderr is not a terminal: logs and CI output stay clean.

export interface ProgressStream {
    isTTY?: boolean;
    write(text: string): boolean;
}

export class Progress {
    // Worded only when a tick shows it: a large run reports every resource it judges.
    private text: () => string = () => "";
    private shown = false;
    private readonly timer: NodeJS.Timeout | undefined;

    constructor(private readonly stream: ProgressStream = process.stderr, delayMillis = 2000, everyMillis = 250) {
        if (!stream.isTTY) {
            return;
        }
        const started = Date.now();
        this.timer = setInterval(() => {
            const text = Date.now() - started >= delayMillis ? this.text() : "";
            if (text) {
                this.stream.write(`\r\u001b[K${text}`);
                this.shown = true;
            }
        }, everyMillis);
        this.timer.unref();
    }

    /** Replaces the line shown (it is worded and written at the next tick, never more often). */
    update(text: string | (() => string)): void {
        this.text = typeof text === "string" ? () => text : text;
    }

    /** Removes the line; the report follows on a clean terminal. */
    done(): void {
        if (this.timer) {
            clearInterval(this.timer);
        }
        if (this.shown) {
            this.stream.write("\r\u001b[K");
            this.shown = false;
        }
    }
}

/** The callbacks a run reports its progress through. */
export interface ProgressReports {
    /** Resources the program has registered so far. */
    onRegistered?: (count: number) => void;
    /** Resources judged so far, of all. */
    onJudged?: (done: number, total: number) => void;
}

/** Reports to a Progress line in words. */
export function progressReports(progress: Progress): ProgressReports {
    const count = (n: number) => n.toLocaleString("en-US");
    return {
        onRegistered: (n) => progress.update(() => `prodready: running the program: ${count(n)} resources registered`),
        onJudged: (done, total) => progress.update(() => `prodready: judging: ${count(done)} of ${count(total)} resources`),
    };
}
