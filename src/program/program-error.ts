/** A run that failed: one line, naming the file and the cause where there is one. */
export class ProgramError extends Error {
    constructor(message: string) {
        super(message);
        this.name = "ProgramError";
    }
}

import * as path from "path";

// cmd/run reports an uncaught error through Engine.Log with this header, then the error's stack.
const UNHANDLED_HEADER = /^Running program '[^']*' failed with an unhandled exception:\s*\n/;
// A TypeScript diagnostic as ts-node formats it: `index.ts(3,7): error TS1005: ';' expected.`
const TS_DIAGNOSTIC = /^(.+?)\((\d+),(\d+)\): error (TS\d+): (.*)$/m;
// Node's report of a JavaScript syntax error: the file and line first, the SyntaxError last.
const JS_LOCATION = /^(\S.*?):(\d+)$/m;
const JS_SYNTAX_ERROR = /^SyntaxError: (.*)$/m;
// A diagnostic about the compiler options rather than a file: `error TS5110: Option 'module' must ...`.
const TS_OPTIONS_DIAGNOSTIC = /^error (TS\d+): (.*)$/m;

function displayPath(file: string, programDir: string): string {
    const absolute = path.resolve(programDir, file);
    const relative = path.relative(process.cwd(), absolute);
    return relative && !relative.startsWith("..") ? relative : absolute;
}

/**
 * Turns the first error the program's runner logged into one line: a compile error names its file,
 * line and the compiler's message; an uncaught error gives its message without the stack.
 */
export function describeProgramError(logged: string, programDir: string): string {
    const body = logged.replace(UNHANDLED_HEADER, "");
    const diagnostic = TS_DIAGNOSTIC.exec(body);
    if (diagnostic) {
        const [, file, line, column, code, message] = diagnostic;
        return `${displayPath(file, programDir)}:${line}:${column}: ${message.trim()} (${code})`;
    }
    const options = TS_OPTIONS_DIAGNOSTIC.exec(body);
    if (options) {
        return `TypeScript cannot compile the program: ${options[2].trim()} (${options[1]}; check the program's tsconfig.json)`;
    }
    const syntax = JS_SYNTAX_ERROR.exec(body);
    const location = JS_LOCATION.exec(body);
    if (syntax && location && location.index < syntax.index) {
        return `${displayPath(location[1], programDir)}:${location[2]}: SyntaxError: ${syntax[1].trim()}`;
    }
    const lines = body.split("\n").map((l) => l.trim()).filter((l) => l !== "" && !l.startsWith("at "));
    // A message that ends in a colon announces its cause on the next line: keep both.
    const first = lines[0]?.endsWith(":") && lines[1] ? `${lines[0]} ${lines[1]}` : lines[0] ?? "unknown error";
    // A plain Error's class adds nothing; TypeError, RangeError and the like do.
    return first.replace(/^Error: /, "");
}
