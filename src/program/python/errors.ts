import * as path from "path";

// The runner logs an uncaught error as the language host does: this header, then Python's traceback.
const UNHANDLED_HEADER = /^Program failed with an unhandled exception:\s*\n/;
// A traceback frame: `  File "/path/to/__main__.py", line 12, in <module>`.
const FRAME = /^ {2}File "(.+)", line (\d+)(?:, in .*)?$/;

/** Library code (the SDK, providers, the runner, the standard library): not where the user's error is. */
function isLibrary(file: string): boolean {
    return /[\\/](site-packages|dist-packages|lib[\\/]python\d[^\\/]*)[\\/]/.test(file)
        || file.startsWith("<")
        || (path.basename(file) === "run.py" && /[\\/]src[\\/]program[\\/]python[\\/]/.test(file));
}

function displayPath(file: string, programDir: string): string {
    const absolute = path.resolve(programDir, file);
    const relative = path.relative(process.cwd(), absolute);
    return relative && !relative.startsWith("..") ? relative : absolute;
}

/**
 * Turns the first error a Python program's run logged into one line: `file:line: Type: message` for
 * an uncaught exception (the last frame in the user's code, the final exception of a chain, the
 * message's first line), or the logged message itself for an error the SDK reported.
 */
export function describePythonError(logged: string, programDir: string): string {
    if (!UNHANDLED_HEADER.test(logged)) {
        return logged.split("\n").map((l) => l.trim()).find(Boolean) ?? "unknown error";
    }
    const lines = logged.replace(UNHANDLED_HEADER, "").split("\n");
    // The final exception of a chain is the last unindented line after the last frame.
    let lastFrame = -1;
    lines.forEach((line, index) => { if (FRAME.test(line)) { lastFrame = index; } });
    const exception = lines.slice(lastFrame + 1).find((line) => line !== "" && !/^\s/.test(line) && !line.startsWith("Traceback ("))
        ?? lines.filter((l) => l.trim() !== "").pop()?.trim()
        ?? "unknown error";
    // The frames of the final traceback only: a chain repeats "Traceback (most recent call last):".
    const start = lines.slice(0, lastFrame + 1).map((l) => l.startsWith("Traceback (")).lastIndexOf(true);
    const userFrame = lines.slice(Math.max(start, 0), lastFrame + 1)
        .map((line) => FRAME.exec(line))
        .filter((m): m is RegExpExecArray => m !== null && !isLibrary(m[1]))
        .pop();
    // A plain Exception's class adds nothing; ValueError, KeyError and the like do.
    const message = exception.replace(/^Exception: /, "");
    return userFrame ? `${displayPath(userFrame[1], programDir)}:${userFrame[2]}: ${message}` : message;
}
