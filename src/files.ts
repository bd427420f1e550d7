import * as fs from "fs";

/**
 * A file's text; when it cannot be read, throws what `fail` makes of the reason: the error code
 * (a directory said so plainly), never the file's contents.
 */
export function readTextFile(file: string, fail: (reason: string) => Error): string {
    try {
        return fs.readFileSync(file, "utf8");
    } catch (err) {
        const code = (err as NodeJS.ErrnoException).code;
        throw fail(code === "EISDIR" ? "EISDIR (it is a directory)" : code ?? (err as Error).message);
    }
}
