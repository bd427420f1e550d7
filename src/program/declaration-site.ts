import * as path from "path";
import { fileURLToPath } from "url";
import { packageRoot } from "../paths";

/** Where a resource is declared in the program's own source: an absolute path, 1-based line and column. */
export interface DeclarationSite {
    file: string;
    line: number;
    column: number;
}

/** The position parts of the SDK's pulumirpc.SourcePosition message. */
interface SourcePositionMessage {
    getUri(): string;
    getLine(): number;
    getColumn(): number;
}

function siteOf(position: SourcePositionMessage | undefined): DeclarationSite | undefined {
    const uri = position?.getUri();
    if (!uri || !uri.startsWith("file:")) {
        return undefined;
    }
    let file: string;
    try {
        file = fileURLToPath(uri);
    } catch {
        return undefined;
    }
    const line = position!.getLine();
    return line > 0 ? { file, line, column: Math.max(position!.getColumn(), 1) } : undefined;
}

// prodready's own runners (src/program, compiled to dist/src/program) call into the SDK for programs
// they interpret: their frames are not the user's either.
const RUNNERS = [path.join(packageRoot(), "src", "program") + path.sep, path.join(packageRoot(), "dist", "src", "program") + path.sep];

/** A library's code (the SDKs, component packages, Python's standard library) or a runner's: not where the user declared anything. */
function isLibrary(file: string): boolean {
    return /[\\/](node_modules|site-packages|dist-packages)[\\/]/.test(file)
        || /[\\/]lib[\\/]python\d+(\.\d+)?[\\/]/.test(file)
        || RUNNERS.some((dir) => file.startsWith(dir));
}

/**
 * The user's line that declared a registration. The SDK sends the caller of the resource's
 * constructor and the whole stack (source-mapped to TypeScript under ts-node); a resource made by a
 * library's component is declared where the user's code called into the library, so the first frame
 * outside libraries wins. None when every frame is a library's (a registration from a callback).
 */
export function declarationSite(request: {
    getSourceposition(): SourcePositionMessage | undefined;
    getStacktrace(): { getFramesList(): Array<{ getPc(): SourcePositionMessage | undefined }> } | undefined;
}): DeclarationSite | undefined {
    const direct = siteOf(request.getSourceposition());
    if (direct && !isLibrary(direct.file)) {
        return direct;
    }
    for (const frame of request.getStacktrace()?.getFramesList() ?? []) {
        const site = siteOf(frame.getPc());
        if (site && !isLibrary(site.file)) {
            return site;
        }
    }
    return undefined;
}
